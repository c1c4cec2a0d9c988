import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarnessClient } from "../../src/index.js";
import type { Harness } from "./helpers.js";
import { actions, leaks, pairs, SAMPLE_ENTITIES, SECRET_ENV, setup } from "./helpers.js";

const KIND_OF_PATH: [RegExp, string][] = [
  [/projects/, "project"],
  [/v2\/secrets/, "secret"],
  [/connectors/, "connector"],
  [/servicesV2/, "service"],
  [/environmentsV2/, "environment"],
  [/infrastructures/, "infrastructure"],
  [/pipelines/, "pipeline"],
  [/inputSets/, "inputset"],
  [/triggers/, "trigger"],
];
const kindOf = (line: string): string => KIND_OF_PATH.find(([re]) => re.test(line))?.[1] ?? "?";

describe("publish against the emulator", () => {
  let h: Harness;
  const outputs: string[] = [];
  beforeAll(async () => {
    h = await setup();
  });
  afterAll(async () => h.close());

  it("plans everything as a create, sending only GETs", async () => {
    const r = await h.run(["plan", "--json"]);
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    expect(pairs(r.stdout, "plan")).toEqual(SAMPLE_ENTITIES);
    expect(actions(r.stdout, "plan")).toEqual(["create"]);
    expect(h.log.every((l) => l.startsWith("GET "))).toBe(true);
  });

  it("creates everything, each kind finished before the next starts", async () => {
    h.log.length = 0;
    const r = await h.run(["publish", "--json", "--concurrency", "3"]);
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout) as { ok: boolean; results: { action: string }[] };
    expect(parsed.ok).toBe(true);
    expect(pairs(r.stdout, "results")).toEqual(SAMPLE_ENTITIES);
    expect(actions(r.stdout, "results")).toEqual(["created"]);
    const writes = h.log.filter((l) => l.startsWith("POST "));
    expect(writes).toHaveLength(17);
    // The values reached Harness: read from the environment at publish time, never from a file.
    expect(h.emulator.secretHolds("org/default/payments_api", "github_token", SECRET_ENV.GITHUB_TOKEN)).toBe(true);
    expect(h.emulator.secretHolds("org/default/payments_api", "docker_password", SECRET_ENV.DOCKER_PASSWORD)).toBe(true);
    expect(writes.every((l) => / 200$/.test(l))).toBe(true);
    // Secrets are looked up before anything is written (so a missing value stops the run first).
    expect(h.log.slice(0, 2).map(kindOf)).toEqual(["secret", "secret"]);
    const order = h.log.slice(2).map(kindOf);
    const firstIndex = (k: string): number => order.indexOf(k);
    const lastIndex = (k: string): number => order.lastIndexOf(k);
    const kinds = ["project", "secret", "connector", "service", "environment", "infrastructure", "pipeline", "inputset", "trigger"];
    for (let i = 1; i < kinds.length; i += 1) expect(lastIndex(kinds[i - 1] as string)).toBeLessThan(firstIndex(kinds[i] as string));
  });

  it("then finds everything unchanged, in plan and in publish, and writes nothing", async () => {
    h.log.length = 0;
    const p = await h.run(["plan", "--json"]);
    const q = await h.run(["publish", "--json"]);
    outputs.push(p.stdout, p.stderr, q.stdout, q.stderr);
    // Secrets cannot be compared (Harness never returns a value): they "exist" and are left alone.
    expect(actions(p.stdout, "plan")).toEqual(["unchanged", "exists"]);
    expect(actions(q.stdout, "results")).toEqual(["unchanged"]);
    expect(q.code).toBe(0);
    expect(h.log.filter((l) => !l.startsWith("GET "))).toEqual([]);
  });

  it("shows an edited pipeline as an update with a readable diff, and updates it with one PUT", async () => {
    const file = path.join(h.root, ".harness/pipelines/payments_api_ci.yaml");
    const before = readFileSync(file, "utf8");
    // Reformatting alone is no change: add a comment and re-indent nothing else.
    writeFileSync(file, `# edited by hand\n${before}`);
    expect(actions((await h.run(["plan", "--json"])).stdout, "plan")).toEqual(["unchanged", "exists"]);
    writeFileSync(file, before.replace(/name: (.*)\n/, "name: $1 v2\n"));
    const text = await h.run(["plan"]);
    outputs.push(text.stdout, text.stderr);
    expect(text.stdout).toMatch(/~ update\s+pipeline\s+payments_api_ci/);
    expect(text.stdout).toMatch(/^\s+~ name: payments-api CI → payments-api CI v2$/m);
    expect(text.stdout).toContain("1 to update, 16 unchanged");
    const json = JSON.parse((await h.run(["plan", "--json"])).stdout) as { plan: { identifier: string; action: string; diff?: string }[] };
    const edited = json.plan.find((i) => i.identifier === "payments_api_ci");
    expect(edited?.action).toBe("update");
    expect(edited?.diff).toContain("+++ .harness/pipelines/payments_api_ci.yaml");
    h.log.length = 0;
    const r = await h.run(["publish"]);
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/updated\s+pipeline\s+payments_api_ci/);
    expect(r.stdout).toContain("0 created, 1 updated, 16 unchanged");
    expect(h.log.filter((l) => !l.startsWith("GET "))).toEqual(["PUT /pipeline/api/pipelines/v2/payments_api_ci 200"]);
    expect(actions((await h.run(["plan", "--json"])).stdout, "plan")).toEqual(["unchanged", "exists"]);
    // The rendered file is left exactly as the user wrote it: no ownership tag added.
    expect(readFileSync(file, "utf8")).not.toContain("managed-by");
  });

  it("never lets the key into stdout, stderr or any file", () => {
    expect(leaks(h, outputs)).toEqual([]);
  });
});

describe("a directory of org-level connectors (no project)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await setup();
  });
  afterAll(async () => h.close());

  it("creates them in the organization, not in some project, and finds them unchanged after", async () => {
    const dir = path.join(h.root, "shared/connectors");
    mkdirSync(dir, { recursive: true });
    const hub = JSON.parse(readFileSync(path.join(h.root, ".harness/connectors/dockerhub.json"), "utf8")) as { connector: Record<string, unknown> };
    delete hub.connector.projectIdentifier;
    hub.connector.identifier = "org_hub";
    hub.connector.name = "org hub";
    // An org connector cannot use a project secret (plain "docker_password"): anonymous access here.
    (hub.connector.spec as Record<string, unknown>).auth = { type: "Anonymous" };
    writeFileSync(path.join(dir, "org_hub.json"), JSON.stringify(hub, null, 2));
    const r = await h.run(["publish", "shared", "--json"]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, results: [{ kind: "connector", identifier: "org_hub", action: "created" }] });
    const client = createHarnessClient({ endpoint: h.emulator.url, account: h.emulator.account, apiKey: h.emulator.token });
    const stored = (await client.send({ method: "GET", path: "/ng/api/connectors/org_hub", query: { orgIdentifier: "default" } })) as { connector: Record<string, unknown> };
    await client.close();
    expect(stored.connector.orgIdentifier).toBe("default");
    expect(stored.connector.projectIdentifier).toBeUndefined();
    expect(actions((await h.run(["plan", "shared", "--json"])).stdout, "plan")).toEqual(["unchanged"]);
    expect((await h.run(["publish", "shared", "--rollback"])).stdout).toContain("1 deleted");
  });
});
