/** Templates: the quoting rule, overrides and additions from --templates, template errors. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate, isKitError, listGenerators } from "../../src/index.js";
import { checkTemplateOutputs } from "../../src/render/handlebars.js";
import { yamlInline } from "../../src/render/quote.js";
import { repoRoot } from "../helpers/cli.js";
import { tempDir } from "./helpers.js";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
function scratch(): string {
  const { dir, done } = tempDir("hs-tpl-");
  cleanup = done;
  return dir;
}
function put(dir: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}
async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isKitError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a failure");
}

const builtins = readdirSync(path.join(repoRoot, "templates"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".hbs"));

describe("built-in templates", () => {
  it("print every value through a quoting helper", () => {
    expect(builtins.length).toBeGreaterThanOrEqual(11);
    for (const file of builtins) expect(checkTemplateOutputs(readFileSync(path.join(repoRoot, "templates", file), "utf8")), file).toEqual([]);
  });

  it("leave the global Handlebars instance alone", async () => {
    await generate({ generator: "project", answers: { name: "p" }, outDir: "out", cwd: scratch(), dryRun: true });
    expect(Handlebars.helpers.json).toBeUndefined();
    expect(Handlebars.helpers.yaml).toBeUndefined();
  });
});

describe("the quoting check", () => {
  it("finds bare, triple-stash and nested outputs with their position", () => {
    const problems = checkTemplateOutputs('a: {{json x}}\nb: {{name}}\n{{#if x}}\n  c: {{{raw}}}\n{{/if}}\n');
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual(["2:4", "4:6"]);
    expect(problems[0]!.message).toBe("prints {{name}} without a quoting helper; write {{json name}} or {{yaml name}}");
  });
});

describe("yamlInline", () => {
  it("leaves boring words plain and quotes anything a YAML reader could take for something else", () => {
    expect(yamlInline("api example")).toBe("api example");
    expect(yamlInline("10m")).toBe("10m");
    for (const risky of ["yes", "No", "on", "null", "~", "1e3", "0x1F", "2024-01-01", "1:20", "a: b", "- x", "#x", " lead", "x #y", "@x", "`x"]) {
      expect(yamlInline(risky)).toBe(JSON.stringify(risky));
      expect(parse(`k: ${yamlInline(risky)}`, { version: "1.1" })).toEqual({ k: risky });
    }
  });
});

describe("--templates", () => {
  it("overrides a built-in template by its relative path", async () => {
    const cwd = scratch();
    const original = readFileSync(path.join(repoRoot, "templates/project/project.json.hbs"), "utf8");
    put(cwd, "mine/project/project.json.hbs", original.replace('"color": {{json color}},', '"color": "#123456",'));
    await generate({ generator: "project", answers: { name: "p" }, outDir: "out", cwd, templatesDir: "mine" });
    expect(JSON.parse(readFileSync(path.join(cwd, "out/project.json"), "utf8")).project.color).toBe("#123456");
  });

  it("adds a pipeline template, offered as a template choice", async () => {
    const cwd = scratch();
    put(cwd, "mine/pipeline/smoke-test.yaml.hbs", "pipeline:\n  name: {{yaml name}}\n  identifier: {{yaml identifier}}\n  projectIdentifier: {{yaml project}}\n  orgIdentifier: {{yaml org}}\n  stages:\n    - stage:\n        name: Smoke\n        identifier: smoke\n        type: Custom\n        spec:\n          execution:\n            steps:\n              - step:\n                  name: hello\n                  identifier: hello\n                  type: ShellScript\n                  timeout: 1m\n                  spec:\n                    shell: Bash\n                    onDelegate: true\n                    source:\n                      type: Inline\n                      spec:\n                        script: echo hello\n");
    const listed = listGenerators({ cwd, templatesDir: "mine" }).find((g) => g.name === "pipeline")!;
    expect(listed.answers.find((a) => a.key === "template")!.choices).toEqual(["cd-kubernetes", "ci-build-push", "runtime-inputs", "smoke-test"]);
    await generate({ generator: "pipeline", answers: { template: "smoke-test", name: "smoke", project: "x" }, outDir: "out", cwd, templatesDir: "mine" });
    const doc = parse(readFileSync(path.join(cwd, "out/pipelines/smoke.yaml"), "utf8")) as { pipeline: Record<string, unknown> };
    expect(doc.pipeline).toMatchObject({ name: "smoke", identifier: "smoke", projectIdentifier: "x", orgIdentifier: "default" });
    const without = await failure(generate({ generator: "pipeline", answers: { template: "smoke-test", name: "s", project: "x" }, outDir: "o2", cwd }));
    expect(without.message).toBe('template "smoke-test" is not one of cd-kubernetes, ci-build-push, runtime-inputs');
  });

  const broken: Array<[string, string, string, RegExp]> = [
    ["a bare value", "project/project.json.hbs", '{"project": {"identifier": {{identifier}} } }', /^template mine\/project\/project\.json\.hbs 1:28: prints \{\{identifier\}\} without a quoting helper/],
    ["JSON that does not parse", "project/project.json.hbs", '{"project": {"identifier": {{json identifier}},} }', /^template mine\/project\/project\.json\.hbs rendered JSON that does not parse/],
    ["YAML that does not parse", "pipeline/runtime-inputs.yaml.hbs", "pipeline:\n  name: {{yaml name}}\n   bad: [\n", /^template mine\/pipeline\/runtime-inputs\.yaml\.hbs rendered YAML that does not parse \(output line \d+:\d+\)/],
    ["the wrong root key", "project/project.json.hbs", '{"projects": {"identifier": {{json identifier}} } }', /^template mine\/project\/project\.json\.hbs must render a document with a "project" mapping at the root$/],
    ["another identifier", "project/project.json.hbs", '{"project": {"identifier": "other"}}', /rendered identifier "other" but the file is for "p"$/],
    ["a misspelt variable", "project/project.json.hbs", '{"project": {"identifier": {{json identifer}} } }', /^template mine\/project\/project\.json\.hbs cannot render: the value printed at 1:28 is not defined \(a misspelt or unknown variable\)$/],
    ["bad Handlebars", "project/project.json.hbs", '{"project": {{json x}}}}', /^template mine\/project\/project\.json\.hbs is not valid Handlebars \(line 1:\d+\): unexpected CLOSE_RAW_BLOCK\n {4}.*\n {4}-+\^$/],
  ];
  for (const [what, rel, text, message] of broken) {
    it(`names the template that renders ${what}, and writes nothing`, async () => {
      const cwd = scratch();
      put(cwd, `mine/${rel}`, text);
      const generator = rel.startsWith("pipeline") ? "pipeline" : "project";
      const answers = generator === "pipeline" ? { template: "runtime-inputs", name: "p", project: "x" } : { name: "p" };
      const f = await failure(generate({ generator, answers, outDir: "out", cwd, templatesDir: "mine" }));
      expect(f.code).toBe("E_TEMPLATE");
      expect(f.message).toMatch(message);
      expect(existsSync(path.join(cwd, "out"))).toBe(false);
    });
  }

  it("refuses a --templates folder that does not exist", async () => {
    const f = await failure(generate({ generator: "project", answers: { name: "p" }, outDir: "out", cwd: scratch(), templatesDir: "nope" }));
    expect(f).toEqual({ code: "E_INPUT", message: "--templates nope: no such directory" });
  });
});
