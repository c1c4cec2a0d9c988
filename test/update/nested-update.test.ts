/**
 * Update with the nested kinds (triggers and input sets in their pipeline's folder): input sets
 * rendered by position (`inputsets/<pipeline>/region_{{index}}.yaml`) keep their identity by
 * region when the first region goes, and a kit test update case over a trigger and input sets
 * passes, holding the kit's new schedule and the team's edit.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generate, loadKit, testKit } from "../../src/index.js";
import { update } from "../../src/update/update.js";
import { tempDir } from "../generate/helpers.js";
import { nightlyTemplates, writeKitFolder } from "../helpers/nightly-kit.js";

const KIT_YAML = `name: nightly-kit
version: VERSION
generators:
  nightly:
    answers:
      - { key: name, kind: name, message: Pipeline name, required: true }
      - { key: identifier, kind: identifier, default: "{{toIdentifier name}}" }
      - { key: regions, kind: list, default: [eu, us] }
    files:
      - { template: pipeline.yaml.hbs, path: "pipelines/{{identifier}}.yaml" }
      - { template: trigger.yaml.hbs, path: "triggers/{{identifier}}/every_night.yaml" }
      - { template: inputset.yaml.hbs, path: "inputsets/{{identifier}}/region_{{index}}.yaml", each: regions, key: "{{item}}" }
`;
const TEMPLATES: Record<string, string> = {
  ...nightlyTemplates("payments"),
  "inputset.yaml.hbs": `inputSet:
  name: {{yaml item}}
  identifier: {{yaml (concat "region_" index)}}
  orgIdentifier: default
  projectIdentifier: payments
  pipeline:
    identifier: {{yaml identifier}}
    variables:
      - { name: region, type: String, value: {{yaml item}} }
`,
};

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const done of cleanups) done();
  cleanups = [];
});
function kitAt(version: string): { cwd: string; dir: string } {
  const { dir: cwd, done } = tempDir("hs-nested-upd-");
  cleanups.push(done);
  const dir = path.join(cwd, "kit");
  writeKitFolder(dir, KIT_YAML.replace("VERSION", version), TEMPLATES);
  return { cwd, dir };
}

describe("update with triggers and input sets", { timeout: 60_000 }, () => {
  it("input sets by position follow their region when the first region goes", async () => {
    const { cwd, dir } = kitAt("1.0.0");
    await generate({ kit: loadKit(dir, { cwd }), generator: "nightly", answers: { name: "nightly", regions: ["eu", "us", "ap"] }, outDir: "out", cwd });
    const file = (p: string): string => path.join(cwd, "out/inputsets/nightly", p);
    writeFileSync(file("region_1.yaml"), readFileSync(file("region_1.yaml"), "utf8").replace("  name: us\n", "  name: us\n  # us runs need the VPN\n"));
    const r = await update({ cwd, outDir: "out", set: { regions: "us,ap" } });
    expect(r.conflicts).toEqual([]);
    expect(readFileSync(file("region_0.yaml"), "utf8")).toMatch(/name: us\n {2}# us runs need the VPN\n {2}identifier: region_0\n[\s\S]*value: us \}/);
    expect(readFileSync(file("region_1.yaml"), "utf8")).toMatch(/name: ap\n {2}identifier: region_1\n/);
    expect(existsSync(file("region_2.yaml"))).toBe(false);
  });

  it("a kit test update case over a trigger and input sets: the kit's new schedule and the team's edit", async () => {
    const { cwd, dir } = kitAt("1.0.0");
    await generate({ kit: loadKit(dir, { cwd }), generator: "nightly", answers: { name: "nightly" }, outDir: "v1-out", cwd });
    const cases = path.join(dir, "tests/nightly/update");
    cpSync(path.join(cwd, "v1-out"), path.join(cases, "base"), { recursive: true, filter: (src) => !src.includes(".harness-scaffold") });
    rmSync(path.join(cases, "base/harness-scaffold.json"));
    writeFileSync(path.join(cases, "answers.yaml"), "name: nightly\n");
    writeFileSync(path.join(cases, "case.yaml"), "from: 1.0.0\n");
    const set = "inputsets/nightly/region_1.yaml";
    mkdirSync(path.dirname(path.join(cases, "edited", set)), { recursive: true });
    writeFileSync(path.join(cases, "edited", set), readFileSync(path.join(cases, "base", set), "utf8").replace("  name: us\n", "  name: us-east\n"));
    // Version 1.1.0 runs at 03:00.
    writeFileSync(path.join(dir, "kit.yaml"), KIT_YAML.replace("VERSION", "1.1.0"));
    const trigger = path.join(dir, "templates/trigger.yaml.hbs");
    writeFileSync(trigger, readFileSync(trigger, "utf8").replace("0 30 2", "0 0 3"));
    const kit = loadKit(dir, { cwd });
    const [accepted] = await testKit(kit, { update: true });
    expect(accepted).toMatchObject({ name: "nightly/update", problems: [] });
    expect(readFileSync(path.join(cases, "expected/triggers/nightly/every_night.yaml"), "utf8")).toContain("expression: 0 0 3 ? * MON-FRI");
    expect(readFileSync(path.join(cases, "expected", set), "utf8")).toContain("  name: us-east\n");
    const [again] = await testKit(kit);
    expect(again).toMatchObject({ passed: true, diffs: [], problems: [] });
  });
});
