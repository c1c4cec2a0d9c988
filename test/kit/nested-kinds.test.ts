/**
 * A kit of one's own renders triggers and input sets: nested kinds whose files sit in their
 * pipeline's folder (`triggers/<pipeline>/x.yaml`, `inputsets/<pipeline>/x.yaml`). kit check
 * accepts the paths, generate writes them there, kit test records and compares them (and publishes
 * them to the emulator), and a trigger path outside its pipeline's folder is refused.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkKit, generate, loadKit, testKit } from "../../src/index.js";
import { tempDir } from "../generate/helpers.js";
import { nightlyTemplates, writeKitFolder } from "../helpers/nightly-kit.js";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const done of cleanups) done();
  cleanups = [];
});
function scratch(): string {
  const { dir, done } = tempDir("hs-kit-nested-");
  cleanups.push(done);
  return dir;
}

const KIT_YAML = `name: nightly-kit
version: 1.0.0
generators:
  nightly:
    description: a nightly pipeline, its schedule and one input set per region
    answers:
      - { key: name, kind: name, message: Pipeline name, required: true }
      - { key: identifier, kind: identifier, default: "{{toIdentifier name}}" }
      - { key: project, kind: identifier, default: payments }
      - { key: regions, kind: list, default: [eu, us] }
    files:
      - { template: project.json.hbs, path: project.json }
      - { template: pipeline.yaml.hbs, path: "pipelines/{{identifier}}.yaml" }
      - { template: trigger.yaml.hbs, path: "TRIGGER_PATH" }
      - { template: inputset.yaml.hbs, path: "inputsets/{{identifier}}/{{item}}.yaml", each: regions }
`;

const TEMPLATES: Record<string, string> = {
  "project.json.hbs": `{ "project": { "orgIdentifier": "default", "identifier": {{json project}}, "name": {{json project}}, "color": "#0063F7", "modules": ["CD"], "description": "", "tags": {} } }
`,
  ...nightlyTemplates("{{yaml project}}"),
  "inputset.yaml.hbs": `inputSet:
  name: {{yaml item}}
  identifier: {{yaml item}}
  orgIdentifier: default
  projectIdentifier: {{yaml project}}
  pipeline:
    identifier: {{yaml identifier}}
    variables:
      - name: region
        type: String
        value: {{yaml item}}
`,
};

function writeKit(dir: string, triggerPath: string): void {
  writeKitFolder(dir, KIT_YAML.replace("TRIGGER_PATH", triggerPath), TEMPLATES);
}

describe("a kit with triggers and input sets", { timeout: 120_000 }, () => {
  it("kit check accepts their nested paths; generate writes them in the pipeline's folder", async () => {
    const cwd = scratch();
    const dir = path.join(cwd, "kit");
    writeKit(dir, "triggers/{{identifier}}/every_night.yaml");
    expect(checkKit(dir, { cwd }).issues).toEqual([]);
    const result = await generate({ kit: loadKit(dir, { cwd }), generator: "nightly", answers: { name: "nightly checks" }, outDir: "out", cwd });
    expect(result.files.map((f) => f.path).filter((p) => p !== "harness-scaffold.json")).toEqual([
      "project.json",
      "pipelines/nightly_checks.yaml",
      "triggers/nightly_checks/every_night.yaml",
      "inputsets/nightly_checks/eu.yaml",
      "inputsets/nightly_checks/us.yaml",
    ]);
    expect(readFileSync(path.join(cwd, "out/inputsets/nightly_checks/us.yaml"), "utf8")).toContain("        value: us\n");
    const manifest = JSON.parse(readFileSync(path.join(cwd, "out/harness-scaffold.json"), "utf8")) as { runs: Array<{ keys?: Record<string, string> }> };
    expect(manifest.runs[0]?.keys).toMatchObject({ "inputsets/nightly_checks/eu.yaml": "eu" });
  });

  it("kit test records them under expected/ in the same layout, publishes them and passes", async () => {
    const cwd = scratch();
    const dir = path.join(cwd, "kit");
    writeKit(dir, "triggers/{{identifier}}/every_night.yaml");
    mkdirSync(path.join(dir, "tests/default"), { recursive: true });
    writeFileSync(path.join(dir, "tests/default/answers.yaml"), "name: nightly checks\nregions: [eu]\n");
    const kit = loadKit(dir, { cwd });
    const recorded = await testKit(kit, { update: true, publish: false });
    expect(recorded.map((c) => [c.name, c.updated, c.problems])).toEqual([["default", true, []]]);
    const expected = path.join(dir, "tests/default/expected");
    expect(readFileSync(path.join(expected, "triggers/nightly_checks/every_night.yaml"), "utf8")).toContain("  pipelineIdentifier: nightly_checks\n");
    expect(existsSync(path.join(expected, "inputsets/nightly_checks/eu.yaml"))).toBe(true);
    const [again] = await testKit(kit);
    expect([again?.passed, again?.problems, again?.diffs]).toEqual([true, [], []]);
  });

  it("refuses to render a trigger or input set into the folder of another pipeline than the one it names", async () => {
    const cwd = scratch();
    const dir = path.join(cwd, "kit");
    writeKit(dir, "triggers/other_pipeline/every_night.yaml");
    expect(checkKit(dir, { cwd }).issues).toEqual([]);
    await expect(generate({ kit: loadKit(dir, { cwd }), generator: "nightly", answers: { name: "nightly checks" }, outDir: "out", cwd })).rejects.toThrow(
      'template kit/templates/trigger.yaml.hbs rendered pipelineIdentifier "nightly_checks" but the file is for pipeline "other_pipeline"',
    );
    writeFileSync(path.join(dir, "kit.yaml"), KIT_YAML.replace("TRIGGER_PATH", "triggers/{{identifier}}/every_night.yaml").replace("inputsets/{{identifier}}/{{item}}.yaml", "inputsets/elsewhere/{{item}}.yaml"));
    await expect(generate({ kit: loadKit(dir, { cwd }), generator: "nightly", answers: { name: "nightly checks" }, outDir: "out", cwd })).rejects.toThrow(
      'rendered pipelineIdentifier "nightly_checks" but the file is for pipeline "elsewhere"',
    );
    expect(existsSync(path.join(cwd, "out"))).toBe(false);
  });

  it("refuses a trigger path outside a pipeline's folder, naming the place it must have", async () => {
    const cwd = scratch();
    const dir = path.join(cwd, "kit");
    writeKit(dir, "triggers/every_night.yaml");
    const messages = checkKit(dir, { cwd }).issues.map((i) => i.message);
    expect(messages).toEqual([expect.stringContaining('path "triggers/every_night.yaml" is outside the layout: it must be triggers/<pipeline>/<identifier>.yaml')]);
    expect(messages[0]).toContain("triggers/<pipeline>/<identifier>.yaml");
    await expect(generate({ kit: loadKit(dir, { cwd }), generator: "nightly", answers: { name: "n" }, outDir: "out", cwd })).rejects.toThrow(
      'path "triggers/every_night.yaml" rendered "triggers/every_night.yaml", which is refused',
    );
    expect(existsSync(path.join(cwd, "out"))).toBe(false);
  });
});
