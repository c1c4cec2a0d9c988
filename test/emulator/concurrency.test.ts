/** Concurrent clients: no lost or duplicated entity, one winner per identifier, state file intact. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "undici";
import { call, createProject, inProject, pipelineYaml, start } from "./helpers.js";
import type { RunningEmulator } from "./helpers.js";

const CLIENTS = 8;
const EACH = 100;

describe("concurrent clients", () => {
  let dir: string;
  let e: RunningEmulator;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "emulator-concurrency-"));
    e = await start({ stateFile: path.join(dir, "state.json") });
    await createProject(e);
  });
  afterAll(async () => {
    await e.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`${CLIENTS} clients × ${EACH} creates: every one stored once, also after a restart`, async () => {
    const clients = Array.from({ length: CLIENTS }, () => new Agent({ connections: 1 }));
    const statuses = await Promise.all(
      clients.map(async (dispatcher, c) => {
        const got: number[] = [];
        for (let i = 0; i < EACH; i++) {
          const id = `svc_${c}_${i}`;
          got.push((await call(e, "POST", "/ng/api/servicesV2", { body: { identifier: id, name: id, ...inProject }, dispatcher })).status);
        }
        return got;
      }),
    );
    await Promise.all(clients.map((c) => c.close()));
    expect(statuses.flat().filter((s) => s !== 200)).toEqual([]);

    const list = async (em: RunningEmulator) =>
      (await call(em, "GET", "/ng/api/servicesV2", { query: { ...inProject, pageSize: "10000" } })).json.data.content.map(
        (s: { service: { identifier: string } }) => s.service.identifier,
      ) as string[];
    const ids = await list(e);
    expect(ids).toHaveLength(CLIENTS * EACH);
    expect(new Set(ids).size).toBe(CLIENTS * EACH);

    await e.close();
    e = await start({ stateFile: path.join(dir, "state.json"), account: e.account, token: e.token });
    expect(new Set(await list(e)).size).toBe(CLIENTS * EACH);
  });

  it("many clients creating the same identifier at once: exactly one wins", async () => {
    const answers = await Promise.all(
      Array.from({ length: 16 }, () => call(e, "POST", "/pipeline/api/pipelines/v2", {
        query: inProject,
        body: pipelineYaml("race"),
        contentType: "application/yaml",
      })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 400).every((a) => a.json.code === "DUPLICATE_FIELD")).toBe(true);
  });
});
