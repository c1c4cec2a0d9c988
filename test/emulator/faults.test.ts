/** Injected transient faults: reproducible by seed, selectable by kind, and also after a change was stored. */
import { afterEach, describe, expect, it } from "vitest";
import { call, createProject, pipelineYaml, start } from "./helpers.js";
import type { RunningEmulator } from "./helpers.js";
import type { FaultKind } from "../../src/emulator/types.js";

let e: RunningEmulator | undefined;
afterEach(async () => {
  await e?.close();
  e = undefined;
});

/** Outcome of one request: its status (and fault mark), or "no answer". */
async function outcome(em: RunningEmulator, path: string, headersTimeout = 2_000): Promise<string> {
  try {
    const answer = await call(em, "GET", path, { headersTimeout });
    return String(answer.status) + (answer.headers["x-emulator-fault"] ? `:${String(answer.headers["x-emulator-fault"])}` : "");
  } catch {
    return "no answer"; // reset, or held past the client's timeout
  }
}

async function run(seed: number, count = 60): Promise<string[]> {
  const em = await start({ faults: { rate: 0.4, seed, delayMs: 300 } });
  try {
    const results: string[] = [];
    for (let i = 0; i < count; i++) results.push(await outcome(em, "/ng/api/organizations/default", 150));
    return results;
  } finally {
    await em.close();
  }
}

describe("fault injection", () => {
  it("fails about the requested fraction, the same requests for the same seed", async () => {
    const first = await run(42);
    const second = await run(42);
    const other = await run(43);
    expect(second).toEqual(first);
    expect(other).not.toEqual(first);
    const failed = first.filter((o) => o !== "200").length;
    expect(failed).toBeGreaterThan(60 * 0.2);
    expect(failed).toBeLessThan(60 * 0.6);
  });

  it("picks only the selected kinds", async () => {
    e = await start({ faults: { rate: 1, seed: 1, kinds: ["503"] } });
    const results = await Promise.all(Array.from({ length: 10 }, () => outcome(e!, "/ng/api/organizations/default")));
    expect(new Set(results)).toEqual(new Set(["503:503"]));
  });

  it("faults before the change leave nothing behind", async () => {
    e = await start();
    e.injectFaults(["503", "reset"]);
    const body = { project: { identifier: "p1", name: "p1" } };
    expect((await call(e, "POST", "/ng/api/projects", { body })).status).toBe(503);
    await expect(call(e, "POST", "/ng/api/projects", { body })).rejects.toThrow();
    expect((await call(e, "GET", "/ng/api/projects/p1")).status).toBe(404);
  });

  it("an injected fault with method and path waits for a matching request", async () => {
    e = await start();
    e.injectFaults([{ kind: "503-after-store", method: "POST", path: "/pipeline/api/pipelines/v2" }]);
    expect((await call(e, "GET", "/ng/api/organizations/default")).status).toBe(200);
    await createProject(e, "apisample");
    const yaml = pipelineYaml("p");
    const query = { orgIdentifier: "default", projectIdentifier: "apisample" };
    expect((await call(e, "POST", "/gateway/pipeline/api/pipelines/v2", { query, body: yaml, contentType: "application/yaml" })).status).toBe(503);
    expect((await call(e, "GET", "/pipeline/api/pipelines/p", { query })).status).toBe(200);
  });

  const afterStore: [FaultKind, (em: RunningEmulator, id: string) => Promise<void>][] = [
    ["503-after-store", async (em, id) => expect((await create(em, id)).status).toBe(503)],
    ["500-after-store", async (em, id) => expect((await create(em, id)).json.code).toBe("UNKNOWN_ERROR")],
    ["reset-after-store", async (em, id) => void (await expect(create(em, id)).rejects.toThrow())],
    ["timeout-after-store", async (em, id) => void (await expect(create(em, id, 300)).rejects.toMatchObject({ code: "UND_ERR_HEADERS_TIMEOUT" }))],
    ["html-after-store", async (em, id) => {
      const answer = await create(em, id);
      expect([answer.status, answer.headers["content-type"]]).toEqual([502, "text/html"]);
      expect(answer.text).toContain("<html>");
    }],
    ["truncated", async (em, id) => {
      const answer = await create(em, id);
      expect(answer.status).toBe(200);
      expect(answer.json).toBeUndefined();
      expect(answer.text.startsWith('{"status":"SUCCESS"')).toBe(true);
    }],
  ];

  it.each(afterStore)("%s: the client sees a failure, but the entity was created", async (kind, expectFailure) => {
    e = await start({ faults: { rate: 0, delayMs: 1_500 } });
    await createProject(e, "proj");
    e.injectFaults([kind]);
    await expectFailure(e, "made");
    const got = await call(e, "GET", "/ng/api/projects/made");
    expect(got.status).toBe(200);
    const again = await create(e, "made");
    expect(again.json.code).toBe("DUPLICATE_FIELD");
  });
});

function create(em: RunningEmulator, identifier: string, headersTimeout?: number) {
  return call(em, "POST", "/ng/api/projects", { body: { project: { identifier, name: identifier } }, headersTimeout });
}
