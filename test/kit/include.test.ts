/**
 * `include:` (in-process CLI): the fixture kits test/fixtures/kits/include/ — team includes
 * platform-base, which includes core — render each included generator from its own kit's
 * templates, the team's own `service` overrides the platform's; a `generators:` filter; and every
 * bad include (cycle, version mismatch, missing kit, unknown generator) as one message at its place,
 * exit 2 from `new`, listed by `kit check`.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RunResult } from "../helpers/cli.js";
import { repoRoot, runInProcess } from "../helpers/cli.js";
import { writeKitFolder } from "../helpers/nightly-kit.js";
import { tempDir } from "../generate/helpers.js";

const fixtures = path.join(repoRoot, "test/fixtures/kits/include");
let cwd: string;
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const done of cleanups) done();
  cleanups = [];
});
/** A scratch folder holding a copy of the three fixture kits. */
function scratch(): string {
  const { dir, done } = tempDir("hs-kit-include-");
  cleanups.push(done);
  cpSync(fixtures, dir, { recursive: true });
  cwd = dir;
  return dir;
}
const run = (args: string[]): Promise<RunResult> => runInProcess(args, { cwd, env: {} });
const read = (file: string): string => readFileSync(path.join(cwd, ".harness", file), "utf8");

/** A kit "mine" at mine/ whose kit.yaml starts with `include` (lines 3 on) and has one generator of its own. */
function mine(include: string): void {
  writeKitFolder(path.join(cwd, "mine"), `name: mine
version: 1.0.0
${include}generators:
  note:
    answers:
      - { key: name, kind: name, required: true }
    files:
      - { template: service.yaml.hbs, path: "services/{{toIdentifier name}}.yaml" }
`, { "service.yaml.hbs": "service:\n  name: {{yaml name}}\n  identifier: {{yaml (toIdentifier name)}}\n  orgIdentifier: default\n  projectIdentifier: mine\n" });
}

function expectOneProblem(r: RunResult, text: string): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toContain(`harness-scaffold: error: ${text}\n`);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe("kit include", () => {
  it("renders included generators from their own kits' templates, nested too; the kit's own generator of the same name wins", async () => {
    scratch();
    const service = await run(["new", "service", "--kit", "team", "--yes", "--set", "name=payments-api"]);
    expect(service.code, service.stderr).toBe(0);
    expect(read("services/payments_api.yaml")).toContain("  projectIdentifier: payments\n  tags:\n    kit: payments\n");

    const pipeline = await run(["new", "pipeline", "--kit", "team", "--yes", "--set", "name=orders ci", "--set", "template=smoke", "--out", "p"]);
    expect(pipeline.code, pipeline.stderr).toBe(0);
    const pipelineText = readFileSync(path.join(cwd, "p/pipelines/orders_ci.yaml"), "utf8");
    expect(pipelineText).toContain("  tags:\n    kit: platform\n    shape: smoke\n");
    expect(JSON.parse(readFileSync(path.join(cwd, "p/project.json"), "utf8"))).toMatchObject({ project: { identifier: "platform", tags: { kit: "platform" } } });
    // choicesFrom: pipeline-templates lists the platform kit's pipeline templates (the team has none).
    const wrong = await run(["new", "pipeline", "--kit", "team", "--yes", "--set", "name=x", "--set", "template=deploy", "--out", "q"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("build, smoke");

    const env = await run(["new", "environment", "--kit", "team", "--yes", "--set", "name=dev", "--out", "e"]);
    expect(env.code, env.stderr).toBe(0);
    expect(readFileSync(path.join(cwd, "e/environments/dev.yaml"), "utf8")).toContain("  tags:\n    kit: core\n");
    expect(JSON.parse(readFileSync(path.join(cwd, "e/project.json"), "utf8"))).toMatchObject({ project: { tags: { kit: "core" } } });

    const list = await run(["list", "--kit", "team"]);
    expect(list.code).toBe(0);
    expect(list.stdout.match(/^\S+ — .*$/gm)).toEqual([
      "service — a payments service (overrides the platform's)",
      "pipeline — a pipeline from one of the platform's pipeline templates",
      "environment — an environment in a project",
    ]);
  });

  it("takes only the generators an include names", async () => {
    scratch();
    mine("include:\n  - kit: ../platform-base\n    version: 1.2.0\n    generators: [pipeline]\n");
    const list = await run(["list", "--kit", "mine"]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout.match(/^\S+(?= — )/gm)).toEqual(["note", "pipeline"]);
    const refused = await run(["new", "service", "--kit", "mine", "--yes", "--set", "name=x"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the kit mine has no generator "service"');
  });

  it("includes an installed npm package, found from the including kit's folder", async () => {
    scratch();
    cpSync(path.join(cwd, "platform-base"), path.join(cwd, "node_modules/@acme/platform"), { recursive: true });
    cpSync(path.join(cwd, "core"), path.join(cwd, "node_modules/@acme/core"), { recursive: true });
    writeFileSync(path.join(cwd, "node_modules/@acme/platform/package.json"), '{ "name": "@acme/platform", "version": "1.2.0" }\n');
    mine("include:\n  - kit: \"@acme/platform\"\n    version: 1.2.0\n    generators: [environment]\n");
    const made = await run(["new", "environment", "--kit", "mine", "--yes", "--set", "name=prod"]);
    expect(made.code, made.stderr).toBe(0);
    expect(read("environments/prod.yaml")).toContain("  type: Production\n  tags:\n    kit: core\n");
  });

  it("refuses a cycle, naming the chain", async () => {
    scratch();
    mine("include:\n  - kit: ../other\n    version: 2.0.0\n");
    writeKitFolder(path.join(cwd, "other"), "name: other\nversion: 2.0.0\ninclude:\n  - kit: ../mine\n    version: 1.0.0\n", {});
    const r = await run(["new", "note", "--kit", "mine", "--yes", "--set", "name=x"]);
    expectOneProblem(r, 'other/kit.yaml:4:10: include "../mine" is a cycle: mine/kit.yaml → other/kit.yaml → mine/kit.yaml (in the kit included at mine/kit.yaml:4:10)');
  });

  it("refuses a version mismatch at the include's version, naming both versions", async () => {
    scratch();
    mine("include:\n  - kit: ../platform-base\n    version: 1.1.0\n");
    const r = await run(["new", "note", "--kit", "mine", "--yes", "--set", "name=x"]);
    expectOneProblem(r, 'mine/kit.yaml:5:14: include "../platform-base" pins version 1.1.0, but the kit there is acme-platform 1.2.0');
  });

  it("refuses a missing kit at the include's kit", async () => {
    scratch();
    mine("include:\n  - kit: ../platform-bsae\n    version: 1.2.0\n");
    const r = await run(["new", "note", "--kit", "mine", "--yes", "--set", "name=x"]);
    expectOneProblem(r, 'mine/kit.yaml:4:10: include "../platform-bsae": no such folder');
  });

  it("kit check lists bad includes at their places (text and json), and finds nothing wrong with the team kit", async () => {
    scratch();
    mine("include:\n  - kit: ../platform-base\n    version: 1.1.0\n    generators: [pipeline, servce]\n  - kit: ../nowhere\n    version: 1.0.0\n");
    const text = await run(["kit", "check", "mine"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe([
      'mine/kit.yaml:5:14: include "../platform-base" pins version 1.1.0, but the kit there is acme-platform 1.2.0',
      'mine/kit.yaml:6:28: include "../platform-base": the kit acme-platform has no generator "servce" (did you mean "service"?); its generators: service, pipeline, environment',
      'mine/kit.yaml:7:10: include "../nowhere": no such folder',
      "kit mine: 3 problems.",
      "",
    ].join("\n"));
    const json = await run(["kit", "check", "mine", "--format", "json"]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { kit: string; issues: Array<{ at: string; message: string }> };
    expect(report.kit).toBe("mine");
    expect(report.issues.map((i) => i.at)).toEqual(["mine/kit.yaml:5:14", "mine/kit.yaml:6:28", "mine/kit.yaml:7:10"]);

    expect(await run(["kit", "check", "team"])).toEqual({ code: 0, stdout: "kit acme-payments: no problems found.\n", stderr: "" });
  });

  it("kit check names include entries of the wrong shape; a kit of only includes needs no generators", async () => {
    scratch();
    writeKitFolder(path.join(cwd, "thin"), "name: thin\nversion: 1.0.0\ninclude:\n  - kit: ../platform-base\n    verison: 1.2.0\n    generators: [service, service]\n", {});
    const r = await run(["kit", "check", "thin"]);
    expect(r.stdout).toBe([
      'thin/kit.yaml:5:5: unknown field "verison" in an include (did you mean "version"?)',
      'thin/kit.yaml:4:5: an include needs "version"',
      'thin/kit.yaml:6:17: "generators" must be a non-empty list of generator names, each once',
      "kit thin: 3 problems.",
      "",
    ].join("\n"));
    writeKitFolder(path.join(cwd, "thin"), "name: thin\nversion: 1.0.0\ninclude:\n  - kit: ../platform-base\n    version: 1.2.0\n    generators: [service]\n", {});
    expect(await run(["kit", "check", "thin"])).toEqual({ code: 0, stdout: "kit thin: no problems found.\n", stderr: "" });
    const made = await run(["new", "service", "--kit", "thin", "--yes", "--set", "name=orders"]);
    expect(made.code, made.stderr).toBe(0);
    expect(read("services/orders.yaml")).toContain("    kit: platform\n");
  });

  it("refuses one generator name from two includes; migrations may rename to an included generator's answer", async () => {
    scratch();
    mine("include:\n  - kit: ../platform-base\n    version: 1.2.0\n  - kit: ../core\n    version: 1.0.0\n");
    writeFileSync(path.join(cwd, "mine/kit.yaml"), `${readFileSync(path.join(cwd, "mine/kit.yaml"), "utf8")}migrations:\n  - version: 1.0.0\n    renameAnswers: { proj: project, x: nope }\n`);
    const r = await run(["kit", "check", "mine"]);
    expect(r.stdout).toBe([
      'mine/kit.yaml:6:5: generator "environment" comes from two includes ("../platform-base" and "../core"); name it in only one include\'s "generators", or define it in this kit',
      'mine/kit.yaml:16:40: renameAnswers: "nope" is not an answer of any generator in this kit',
      "kit mine: 2 problems.",
      "",
    ].join("\n"));
  });

  it("kit test of the including kit passes (each generator rendered, published, planned unchanged)", { timeout: 60_000 }, async () => {
    scratch();
    const r = await run(["kit", "test", "team"]);
    expect(r.stdout).toBe("pass    environment-dev (environment)\npass    pipeline-smoke (pipeline)\npass    service-default (service)\nkit acme-payments: 3 cases passed.\n");
    expect(r.code).toBe(0);
    // And it fails when an included kit's template changes what the team's expected/ holds.
    const build = path.join(cwd, "platform-base/templates/pipeline/smoke.yaml.hbs");
    writeFileSync(build, readFileSync(build, "utf8").replace("shape: smoke", "shape: quick"));
    const failed = await run(["kit", "test", "team"]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("-    shape: smoke\n+    shape: quick");
  });
});
