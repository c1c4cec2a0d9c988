import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarnessClient } from "../../src/index.js";
import type { Harness } from "./helpers.js";
import { actions, leaks, setup } from "./helpers.js";

describe("entities that exist in Harness but were not created by the kit", () => {
  let h: Harness;
  const outputs: string[] = [];
  beforeAll(async () => {
    h = await setup();
    // Someone made the project by hand: same content, no ownership tag.
    const project = JSON.parse(readFileSync(path.join(h.root, ".harness/project.json"), "utf8")) as { project: { orgIdentifier: string } };
    const client = createHarnessClient({ endpoint: h.emulator.url, account: h.emulator.account, apiKey: h.emulator.token });
    await client.send({ method: "POST", path: "/ng/api/projects", query: { orgIdentifier: project.project.orgIdentifier }, json: project });
    await client.close();
  });
  afterAll(async () => h.close());

  it("plans them as conflicts", async () => {
    const r = await h.run(["plan"]);
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/! conflict\s+project\s+payments_api\s+exists in Harness but was not created by harness-scaffold \(publish --adopt takes it over\)/);
    expect(r.stdout).toContain("16 to create, 0 to update, 0 unchanged, 1 conflict");
  });

  it("leaves them alone on publish, and stops there", async () => {
    h.log.length = 0;
    const r = await h.run(["publish", "--json"]);
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; results: { action: string; error?: string }[]; skipped: unknown[] };
    expect(out.ok).toBe(false);
    expect(out.results).toEqual([
      {
        kind: "project",
        identifier: "payments_api",
        action: "failed",
        error: "exists in Harness but was not created by harness-scaffold; left alone",
        hint: "publish --adopt takes it over (updates it and tags it as managed)",
      },
    ]);
    expect(out.skipped).toHaveLength(16);
    expect(h.log.filter((l) => !l.startsWith("GET "))).toEqual([]);
  });

  it("takes them over with --adopt: tagged by an update, the rest created", async () => {
    h.log.length = 0;
    const r = await h.run(["publish", "--adopt"]);
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/updated\s+project\s+payments_api \(adopted\)/);
    expect(r.stdout).toContain("16 created, 1 updated, 0 unchanged");
    expect(h.log).toContain("PUT /ng/api/projects/payments_api 200");
    expect(actions((await h.run(["plan", "--json"])).stdout, "plan")).toEqual(["unchanged", "exists"]);
  });

  it("never deletes an adopted entity on rollback: the run did not create it", async () => {
    h.log.length = 0;
    const r = await h.run(["publish", "--rollback"]);
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("16 deleted");
    expect(h.log.filter((l) => l.startsWith("DELETE ")).some((l) => l.includes("/projects/"))).toBe(false);
    const plan = JSON.parse((await h.run(["plan", "--json"])).stdout) as { plan: { kind: string; action: string }[] };
    expect(plan.plan.find((p) => p.kind === "project")?.action).toBe("unchanged");
    expect(plan.plan.filter((p) => p.action === "create")).toHaveLength(16);
    expect(leaks(h, outputs)).toEqual([]);
  });
});
