/**
 * The issue's golden path end to end: `new stage-template` and `new service --set
 * cdStageTemplate=…` into one out dir, validated together, published to the emulator
 * (the template after the infrastructures, before the pipelines; the CI triggers last), read back
 * as stable, planned as unchanged, and rolled back triggers first, then pipelines, template last.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, validatePaths } from "../../src/index.js";
import type { RunningEmulator } from "../../src/index.js";
import { runInProcess } from "../helpers/cli.js";
import { call } from "../emulator/helpers.js";
import { SECRET_ENV } from "../publish/helpers.js";

describe("stage template golden path", () => {
  let root: string;
  let emulator: RunningEmulator;
  const log: string[] = [];
  const run = (args: string[]) =>
    runInProcess([...args, "--endpoint", emulator.url], { cwd: root, env: { HARNESS_PLATFORM_API_KEY: emulator.token, HARNESS_SCAFFOLD_STATE_DIR: path.join(root, "state"), ...SECRET_ENV } });

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "hs-templates-"));
    emulator = await startEmulator({ port: 0, log: (line) => log.push(line.replace(/ \d+ms/, "")) });
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(root, { recursive: true, force: true });
  });

  // Each file also passes Harness's official schema: test/validate/generated.test.ts (reference suite).
  it("renders a template and a service using it; both validate together", async () => {
    const template = await runInProcess(["new", "stage-template", "--yes", "--set", "name=k8s rolling", "--set", "project=payments_api"], { cwd: root });
    expect(template.code, template.stderr).toBe(0);
    expect(readFileSync(path.join(root, ".harness/templates/k8s_rolling/v1.yaml"), "utf8")).toContain("versionLabel: v1");
    const service = await runInProcess(
      ["new", "service", "--yes", "--set", "name=payments-api", "--set", "gitUrl=https://github.com/acme/payments-api", "--set", "image=acme/payments-api", "--set", "cdStageTemplate=k8s_rolling"],
      { cwd: root },
    );
    expect(service.code, service.stderr).toBe(0);
    const result = await validatePaths([".harness"], { cwd: root });
    expect(result.issues.filter((i) => i.code !== "ref-not-found")).toEqual([]);
    // The template is local: no "must exist in Harness" about it, only about secrets.
    expect(result.issues.map((i) => i.message).filter((m) => m.includes("template"))).toEqual([]);
  }, 240_000);

  it("publishes the template after the infrastructures and before the pipelines", async () => {
    log.length = 0;
    const r = await run(["publish"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/created\s+template\s+k8s_rolling v1/);
    const posts = log.filter((l) => l.startsWith("POST ") && !l.includes("/list")).map((l) => l.split(" ")[1]);
    const template = posts.indexOf("/template/api/templates");
    expect(template).toBeGreaterThan(posts.lastIndexOf("/ng/api/infrastructures"));
    expect(template).toBeLessThan(posts.indexOf("/pipeline/api/pipelines/v2"));
    // The CI triggers come last, after the pipelines; CD stages that are templates get no environment input sets.
    expect(posts.indexOf("/pipeline/api/triggers")).toBeGreaterThan(posts.lastIndexOf("/pipeline/api/pipelines/v2"));
    expect(posts.filter((p) => p === "/pipeline/api/triggers")).toHaveLength(2);
    expect(posts).not.toContain("/pipeline/api/inputSets");
    expect(r.stdout).toMatch(/created\s+trigger\s+on_push \(webhook SUCCESS\)/);
    // project, 2 secrets, 3 connectors, service, 2 environments, 2 infrastructures, template, 2 pipelines, 2 triggers
    expect(r.stdout).toContain("16 created, 0 updated, 0 unchanged.");
  });

  it("Harness holds it as the stable version", async () => {
    const answer = await call(emulator, "GET", "/template/api/templates/k8s_rolling", { query: { orgIdentifier: "default", projectIdentifier: "payments_api" } });
    expect(answer.status).toBe(200);
    expect(answer.json.data).toMatchObject({ identifier: "k8s_rolling", versionLabel: "v1", stableTemplate: true, templateEntityType: "Stage", childType: "Deployment", templateScope: "project" });
  });

  it("plans as all unchanged afterwards", async () => {
    const r = await run(["plan", "--json"]);
    expect(r.code).toBe(0);
    const plan = (JSON.parse(r.stdout) as { plan: { kind: string; action: string }[] }).plan;
    expect(plan.filter((p) => p.kind === "template")).toHaveLength(1);
    // Secrets are never compared (Harness returns no value): they plan as "exists".
    expect([...new Set(plan.map((p) => `${p.kind === "secret" ? "secret " : ""}${p.action}`))].sort()).toEqual(["secret exists", "unchanged"]);
  });

  it("rolls back the pipelines first, then the template", async () => {
    log.length = 0;
    const r = await run(["publish", "--rollback"]);
    expect(r.code, r.stdout).toBe(0);
    const deletes = log.filter((l) => l.startsWith("DELETE ")).map((l) => l.split(" ")[1] as string);
    const template = deletes.indexOf("/template/api/templates/k8s_rolling/v1");
    expect(template).toBeGreaterThan(deletes.indexOf("/pipeline/api/pipelines/payments_api_cd"));
    expect(template).toBeLessThan(deletes.indexOf("/ng/api/projects/payments_api"));
    expect(deletes.slice(0, 2).sort()).toEqual(["/pipeline/api/triggers/on_pull_request", "/pipeline/api/triggers/on_push"]);
    expect(deletes.indexOf("/pipeline/api/pipelines/payments_api_ci")).toBeGreaterThan(1);
    const gone = await call(emulator, "GET", "/template/api/templates/k8s_rolling", { query: { orgIdentifier: "default", projectIdentifier: "payments_api", versionLabel: "v1" } });
    expect(gone.status).toBe(400);
  });

  it("makes a later version tagged stable the stable one, and rolls it back last", async () => {
    const v1 = readFileSync(path.join(root, ".harness/templates/k8s_rolling/v1.yaml"), "utf8");
    writeFileSync(path.join(root, ".harness/templates/k8s_rolling/v2.yaml"), v1.replace("versionLabel: v1", "versionLabel: v2").replace("tags: {}", 'tags: {stable: "true"}'));
    log.length = 0;
    const r = await run(["publish"]);
    expect(r.code, r.stdout).toBe(0);
    expect(log.filter((l) => l.includes("/template/api/templates") && !l.startsWith("GET"))).toEqual([
      "POST /template/api/templates 200",
      "POST /template/api/templates 200",
      "PUT /template/api/templates/updateStableTemplate/k8s_rolling/v2 200",
    ]);
    const stable = await call(emulator, "GET", "/template/api/templates/k8s_rolling", { query: { orgIdentifier: "default", projectIdentifier: "payments_api" } });
    expect(stable.json.data.versionLabel).toBe("v2");
    const plan = await run(["plan", "--json"]);
    const items = (JSON.parse(plan.stdout) as { plan: { kind: string; action: string }[] }).plan;
    expect([...new Set(items.map((p) => `${p.kind === "secret" ? "secret " : ""}${p.action}`))].sort()).toEqual(["secret exists", "unchanged"]);
    log.length = 0;
    const back = await run(["publish", "--rollback"]);
    expect(back.code, back.stdout).toBe(0);
    const templates = log.filter((l) => l.startsWith("DELETE /template/")).map((l) => l.split(" ")[1]);
    expect(templates).toEqual(["/template/api/templates/k8s_rolling/v1", "/template/api/templates/k8s_rolling/v2"]);
  });
});
