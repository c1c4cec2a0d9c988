/**
 * Drift against live Harness: `plan --detailed-exitcode` is 0 right after publish and 3 once
 * someone edits an entity in Harness; the change is listed by Harness path, as data with --json,
 * and as a unified diff in the file's own layout with --diff.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarnessClient } from "../../src/index.js";
import { yamlWithOwnership } from "../../src/plan/ownership.js";
import type { Harness } from "./helpers.js";
import { setup } from "./helpers.js";

describe("plan --detailed-exitcode", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await setup();
  });
  afterAll(async () => h.close());

  it("exits 3 while there is something to create, 0 right after publish", async () => {
    expect((await h.run(["plan", "--detailed-exitcode"])).code).toBe(3);
    expect((await h.run(["publish"])).code).toBe(0);
    const r = await h.run(["plan", "--detailed-exitcode"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("0 to create, 0 to update, 17 unchanged");
  });

  it("exits 3 after someone edits the pipeline in Harness, naming the change by path", async () => {
    const file = path.join(h.root, ".harness/pipelines/payments_api_cd.yaml");
    const local = readFileSync(file, "utf8");
    const edited = yamlWithOwnership("pipeline", local.replace("timeout: 10m", "timeout: 25m"));
    const client = createHarnessClient({ endpoint: h.emulator.url, account: h.emulator.account, apiKey: h.emulator.token });
    await client.send({ method: "PUT", path: "/pipeline/api/pipelines/v2/payments_api_cd", query: { orgIdentifier: "default", projectIdentifier: "payments_api" }, yaml: edited });
    await client.close();

    const text = await h.run(["plan", "--detailed-exitcode"]);
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(/~ update\s+pipeline\s+payments_api_cd\n\s+~ stage deploy_dev › step rollingDeployment › timeout: 25m → 10m\n/);
    expect(text.stdout).not.toContain("@@");

    const json = await h.run(["plan", "--json", "--detailed-exitcode"]);
    expect(json.code).toBe(3);
    const item = (JSON.parse(json.stdout) as { plan: Array<{ identifier: string; changes?: unknown[] }> }).plan.find((i) => i.identifier === "payments_api_cd");
    expect(item?.changes).toEqual([{ path: "stage deploy_dev › step rollingDeployment › timeout", op: "change", before: "25m", after: "10m" }]);

    const diff = await h.run(["plan", "--diff"]);
    expect(diff.code).toBe(0);
    // One hunk in the file's own layout: the neighbours of the changed line are the file's lines.
    expect(diff.stdout).toContain("--- harness\n      +++ .harness/pipelines/payments_api_cd.yaml");
    expect(diff.stdout).toMatch(/\n\s+ {19}type: K8sRollingDeploy\n\s+- {18}timeout: 25m\n\s+\+ {18}timeout: 10m\n\s+ {19}spec:\n/);
    expect(diff.stdout.match(/@@/g)).toHaveLength(2);
  });
});
