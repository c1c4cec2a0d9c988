/**
 * The bootstrap's triggers and input sets end to end: published after the pipelines with each
 * webhook's registration read back, unchanged on the next plan, removed before the pipelines on
 * rollback; and a GitHub connector without API access makes publish fail with Harness's message.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "./helpers.js";
import { actions, pairs, SAMPLE_ENTITIES, setup } from "./helpers.js";

/** The sample's last six entities in publish order: its pipelines, input sets and triggers. */
const TAIL = SAMPLE_ENTITIES.slice(-6);

describe("triggers and input sets: publish, plan, rollback", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await setup();
  });
  afterAll(async () => h.close());

  it("publish creates input sets and triggers after the pipelines and reports each webhook SUCCESS", async () => {
    const r = await h.run(["publish"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/created\s+trigger\s+on_push \(webhook SUCCESS\)/);
    expect(r.stdout).toMatch(/created\s+trigger\s+on_pull_request \(webhook SUCCESS\)/);
    expect(r.stdout).toMatch(/created\s+inputset\s+dev\n/);
    const writes = h.log.filter((l) => l.startsWith("POST "));
    const firstChild = writes.findIndex((l) => /inputSets|triggers/.test(l));
    expect(writes.slice(firstChild).every((l) => /inputSets|triggers/.test(l))).toBe(true);
    expect(writes.filter((l) => l.startsWith("POST /pipeline/api/pipelines")).length).toBe(2);
    expect(writes.slice(-4)).toEqual([
      "POST /pipeline/api/inputSets 200",
      "POST /pipeline/api/inputSets 200",
      "POST /pipeline/api/triggers 200",
      "POST /pipeline/api/triggers 200",
    ]);
    expect(h.log.filter((l) => l.startsWith("GET /pipeline/api/triggers/") && l.includes("/details"))).toHaveLength(2);
  });

  it("plan afterwards finds everything unchanged", async () => {
    const r = await h.run(["plan", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    // Secrets are only looked up (their values are never read back): "exists".
    expect(actions(r.stdout, "plan")).toEqual(["unchanged", "exists"]);
    expect(pairs(r.stdout, "plan").slice(-6)).toEqual(TAIL);
  });

  it("rollback deletes triggers and input sets before the pipelines", async () => {
    h.log.length = 0;
    const r = await h.run(["publish", "--rollback"]);
    expect(r.code, r.stderr).toBe(0);
    const deletes = h.log.filter((l) => l.startsWith("DELETE ")).map((l) => l.split(" ")[1]);
    const firstPipeline = deletes.findIndex((p) => p?.startsWith("/pipeline/api/pipelines/"));
    // Deletes of one kind run concurrently: compare each kind's group as a set.
    expect(firstPipeline).toBe(4);
    expect(deletes.slice(0, 2).sort()).toEqual(["/pipeline/api/triggers/on_pull_request", "/pipeline/api/triggers/on_push"]);
    expect(deletes.slice(2, 4).sort()).toEqual(["/pipeline/api/inputSets/dev", "/pipeline/api/inputSets/prod"]);
    expect(r.stdout).toMatch(/deleted\s+trigger\s+on_push/);
  });
  it("published again, an edited trigger is updated (PUT) and its webhook read again", async () => {
    expect((await h.run(["publish"])).code).toBe(0);
    const file = path.join(h.root, ".harness/triggers/payments_api_ci/on_push.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("autoAbortPreviousExecutions: false", "autoAbortPreviousExecutions: true"));
    h.log.length = 0;
    const r = await h.run(["publish"]);
    expect(h.log).not.toContain("POST /pipeline/api/triggers 200");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/updated\s+trigger\s+on_push \(webhook SUCCESS\)/);
    expect(h.log).toContain("PUT /pipeline/api/triggers/on_push 200");
  });

});

describe("a GitHub connector without API access", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await setup();
  });
  afterAll(async () => h.close());

  it("publish reports the trigger's webhook registration failure and exits 1", async () => {
    const file = path.join(h.root, ".harness/connectors/github.json");
    const connector = JSON.parse(readFileSync(file, "utf8")) as { connector: { spec: Record<string, unknown> } };
    delete connector.connector.spec.apiAccess;
    writeFileSync(file, JSON.stringify(connector, null, 2));
    const r = await h.run(["publish"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/failed\s+trigger\s+on_p\w+ \(webhook FAILED\): saved, but its webhook registration is FAILED: Failed to register webhook: connector \[github\] has no API access/);
    expect(r.stdout).toContain("hint: the GitHub connector needs API access with a token that has the repo and admin:repo_hook scopes");
    expect(r.stdout).toContain("Stopped at the trigger entities");
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("once API access is back, the next publish saves the trigger again and its webhook registers", async () => {
    const file = path.join(h.root, ".harness/connectors/github.json");
    const connector = JSON.parse(readFileSync(file, "utf8")) as { connector: { spec: Record<string, unknown> } };
    connector.connector.spec.apiAccess = { type: "Token", spec: { tokenRef: "github_token" } };
    writeFileSync(file, JSON.stringify(connector, null, 2));
    h.log.length = 0;
    const r = await h.run(["publish"]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/updated\s+connector\s+github/);
    expect(r.stdout).toMatch(/(updated|created)\s+trigger\s+on_push \(webhook SUCCESS\)/);
    expect(r.stdout).toMatch(/(updated|created)\s+trigger\s+on_pull_request \(webhook SUCCESS\)/);
    const again = await h.run(["publish"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/unchanged\s+trigger\s+on_push \(webhook SUCCESS\)/);
  });
});
