import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "./helpers.js";
import { actions, leaks, setup } from "./helpers.js";

describe("a run that stops half-way, its resumption, and rollback", () => {
  let h: Harness;
  const outputs: string[] = [];
  let github = "";
  let githubFile = "";
  beforeAll(async () => {
    h = await setup();
    githubFile = path.join(h.root, ".harness/connectors/github.json");
    github = readFileSync(githubFile, "utf8");
  });
  afterAll(async () => h.close());

  it("stops at the first kind with a failure and says what was done", async () => {
    // Harness refuses two connectors with one name in a project; local validation does not know.
    writeFileSync(githubFile, github.replace(/"name": "[^"]*"/, '"name": "dockerhub"'));
    const r = await h.run(["publish", "--concurrency", "1"]);
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /failed\s+connector\s+github: \[POST\] http:\/\/127\.0\.0\.1:\d+\/ng\/api\/connectors: 400 Bad Request \(DUPLICATE_FIELD, [0-9a-f-]{36}\): Connector with name \[dockerhub\] already exists/,
    );
    expect(r.stdout).toContain("Done so far: 5 created, 0 updated, 0 unchanged, 1 failed.");
    expect(r.stdout).toContain("Not attempted: service payments_api, environment dev");
    expect(r.stdout).toContain('run "harness-scaffold publish" again');
    expect(h.log.some((l) => /servicesV2|environmentsV2|infrastructures|pipelines/.test(l))).toBe(false);
  });

  it("is finished by the next run once the file is fixed", async () => {
    writeFileSync(githubFile, github);
    const r = await h.run(["publish"]);
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("(resumed the previous, unfinished run): 12 created, 0 updated, 5 unchanged.");
  });

  it("rolls back everything both attempts created, newest kind first", async () => {
    h.log.length = 0;
    const r = await h.run(["publish", "--rollback"]);
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    const deletes = h.log.filter((l) => l.startsWith("DELETE ")).map((l) => l.split(" ")[1]?.split("/").slice(-2).join("/"));
    expect(deletes).toHaveLength(17);
    expect(deletes.slice(0, 2).every((d) => d?.startsWith("triggers/"))).toBe(true);
    expect(deletes.slice(2, 4).every((d) => d?.startsWith("inputSets/"))).toBe(true);
    expect(deletes.slice(4, 6).every((d) => d?.startsWith("pipelines/"))).toBe(true);
    expect(deletes.at(-1)).toBe("projects/payments_api");
    expect(r.stdout).toContain("17 deleted");
    const plan = await h.run(["plan", "--json"]);
    expect(actions(plan.stdout, "plan")).toEqual(["create"]);
  });

  it("has nothing left to roll back afterwards", async () => {
    const r = await h.run(["publish", "--rollback"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Nothing to roll back");
  });

  it("undoes only the last run: an update-only run leaves nothing to delete", async () => {
    expect((await h.run(["publish"])).code).toBe(0);
    const file = path.join(h.root, ".harness/pipelines/payments_api_ci.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/name: (.*)\n/, "name: $1 v3\n"));
    expect((await h.run(["publish"])).code).toBe(0);
    h.log.length = 0;
    const r = await h.run(["publish", "--rollback", "--json"]);
    outputs.push(r.stdout, r.stderr);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, results: [] });
    expect(h.log.filter((l) => l.startsWith("DELETE "))).toEqual([]);
    expect((await h.run(["plan", "--json"])).stdout).not.toContain('"create"');
  });

  it("keeps the journal outside the project and never writes the key", () => {
    expect(leaks(h, outputs)).toEqual([]);
    const journals = readdirSync(h.stateDir);
    expect(journals).toEqual([expect.stringMatching(/^journal-[0-9a-f]{16}\.jsonl$/)]);
    expect(readdirSync(path.join(h.root, ".harness")).filter((f) => /journal|state/.test(f))).toEqual([]);
    const lines = readFileSync(path.join(h.stateDir, journals[0] as string), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ journal: 1, account: h.emulator.account });
    // The last run only updated a pipeline: it created nothing, so rollback had nothing to record.
    expect(lines.slice(1).map((l) => l.op)).toEqual(["begin", "finish"]);
  });
});
