/**
 * A kit that renders Harness templates (test/fixtures/kits/template-library): a template version
 * goes to the nested place templates/<identifier>/<versionLabel>.yaml, `kit check` and `kit test`
 * (render, compare, publish to the emulator, plan unchanged) accept it, the `version-label` kind
 * refuses what Harness refuses, and paths or documents that break the nested layout are refused.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkKit, generate, isKitError, loadKit, renderRun, testKit } from "../../src/index.js";
import { tempDir } from "../generate/helpers.js";

const library = path.resolve("test/fixtures/kits/template-library");
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const done of cleanups) done();
  cleanups = [];
});

/** A one-generator kit in a scratch folder: kit.yaml's files list and a Stage template. */
function kitWith(files: string, template = "stage.yaml.hbs"): { dir: string; cwd: string } {
  const { dir: cwd, done } = tempDir("hs-kit-tpl-");
  cleanups.push(done);
  const dir = path.join(cwd, "kit");
  mkdirSync(path.join(dir, "templates"), { recursive: true });
  writeFileSync(path.join(dir, "kit.yaml"), `name: k\nversion: 1.0.0\ngenerators:\n  g:\n    answers:\n      - { key: identifier, kind: identifier, required: true }\n      - { key: versionLabel, kind: version-label, default: v1 }\n    files:\n${files}`);
  writeFileSync(path.join(dir, "templates", template), "template:\n  name: t\n  identifier: {{yaml identifier}}\n  versionLabel: {{yaml versionLabel}}\n  type: Stage\n  spec: {}\n");
  return { dir, cwd };
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (isKitError(error)) return error.message;
    throw error;
  }
  return "accepted";
}

describe("a kit that renders Harness templates", { timeout: 60_000 }, () => {
  it("writes a template version to templates/<identifier>/<versionLabel>.yaml", () => {
    const kit = loadKit(library, { cwd: process.cwd() });
    const run = renderRun(kit, "deploy-stage", { name: "canary deploy", versionLabel: "2.1" });
    expect(run.files.map((f) => [f.path, f.kind, f.identifier])).toEqual([
      ["project.json", "project", "platform"],
      ["templates/canary_deploy/2.1.yaml", "template", "canary_deploy"],
    ]);
    expect(run.files[1]?.text).toContain('  versionLabel: "2.1"\n  type: Stage\n');
  });

  it("kit check finds no problems and kit test passes, publishing the template to the emulator", async () => {
    expect(checkKit(library, { cwd: process.cwd() }).issues).toEqual([]);
    const cases = await testKit(loadKit(library, { cwd: process.cwd() }));
    expect(cases.map((c) => [c.name, c.generator, c.passed, c.problems, c.diffs])).toEqual([["default", "deploy-stage", true, [], []]]);
  });

  it("the version-label kind refuses labels Harness refuses, naming the key", () => {
    const kit = loadKit(library, { cwd: process.cwd() });
    const refused = (versionLabel: string): string => {
      try {
        renderRun(kit, "deploy-stage", { name: "canary", versionLabel });
      } catch (error) {
        if (isKitError(error)) return error.message;
        throw error;
      }
      return "accepted";
    };
    expect(refused("release/1")).toBe('versionLabel "release/1" must start with a letter or digit and may not contain spaces, "/" or "&"');
    expect(refused("v 1")).toBe('versionLabel "v 1" must start with a letter or digit and may not contain spaces, "/" or "&"');
    expect(refused("1.0-rc.1")).toBe("accepted");
  });

  it("refuses a template path that is not templates/<identifier>/<versionLabel>.yaml, writing nothing", async () => {
    const { dir, cwd } = kitWith("      - { template: stage.yaml.hbs, path: 'templates/{{identifier}}.yaml' }\n");
    const message = await refusal(() => generate({ kit: loadKit(dir, { cwd }), generator: "g", answers: { identifier: "a" }, outDir: "out", cwd }));
    expect(message).toBe('kit/kit.yaml:9:9: path "templates/{{identifier}}.yaml" rendered "templates/a.yaml", which is refused: it must be templates/<identifier>/<versionLabel>.yaml');
    expect(existsSync(path.join(cwd, "out"))).toBe(false);
    expect(checkKit(dir, { cwd }).issues).toContainEqual({ at: "kit/kit.yaml:9:9", message: 'path "templates/{{identifier}}.yaml" is outside the layout: it must be templates/<identifier>/<versionLabel>.yaml' });
    const deeper = kitWith("      - { template: stage.yaml.hbs, path: 'templates/{{identifier}}/{{versionLabel}}/x.yaml' }\n");
    expect(checkKit(deeper.dir, { cwd: deeper.cwd }).issues.map((i) => i.message)).toEqual(['path "templates/{{identifier}}/{{versionLabel}}/x.yaml" is outside the layout: it must be templates/<identifier>/<versionLabel>.yaml']);
  });

  it("refuses a template version whose document names another versionLabel than its file", async () => {
    const { dir, cwd } = kitWith("      - { template: stage.yaml.hbs, path: 'templates/{{identifier}}/v2.yaml' }\n");
    const message = await refusal(() => generate({ kit: loadKit(dir, { cwd }), generator: "g", answers: { identifier: "a" }, outDir: "out", cwd }));
    expect(message).toBe('template kit/templates/stage.yaml.hbs rendered versionLabel "v1" but the file is for version "v2"');
  });

  it("kit check reads every template an expression names whole, and reports the missing one", () => {
    const { dir, cwd } = kitWith("      - { template: '{{#if versionLabel}}stage.yaml.hbs{{else}}gone.yaml.hbs{{/if}}', path: 'templates/{{identifier}}/{{versionLabel}}.yaml' }\n");
    writeFileSync(path.join(dir, "templates/unused.yaml.hbs"), "template: {}\n");
    expect(checkKit(dir, { cwd }).issues.map((i) => i.message)).toEqual([
      expect.stringContaining("gone.yaml.hbs"),
      "this template is used by no generator's files",
    ]);
  });
});
