/**
 * `kit check` on the built-in kit (generators/kit.yaml with the top-level templates/, copied into
 * a kit folder): it must find no problems, and the things that used to be false alarms there
 * (helpers called without arguments, `item` inside a `$each` value, templates chosen by an
 * expression) must still catch real mistakes.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkKit } from "../../src/index.js";
import { tempDir } from "../generate/helpers.js";
import { repoRoot } from "../helpers/cli.js";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const done of cleanups) done();
  cleanups = [];
});

/** A kit folder holding a copy of the built-in kit; returns its dir and a text editor for it. */
function builtinCopy(): { cwd: string; edit: (file: string, from: string, to: string) => void } {
  const { dir: cwd, done } = tempDir("hs-kit-check-");
  cleanups.push(done);
  cpSync(path.join(repoRoot, "generators/kit.yaml"), path.join(cwd, "kit/kit.yaml"));
  cpSync(path.join(repoRoot, "templates"), path.join(cwd, "kit/templates"), { recursive: true });
  const edit = (file: string, from: string, to: string): void => {
    const full = path.join(cwd, "kit", file);
    const text = readFileSync(full, "utf8");
    expect(text).toContain(from);
    writeFileSync(full, text.replace(from, to));
  };
  return { cwd, edit };
}

const messages = (cwd: string): string[] => checkKit("kit", { cwd }).issues.map((i) => `${i.at}: ${i.message}`);

describe("kit check on the built-in kit", () => {
  it("finds no problems", () => {
    const { cwd } = builtinCopy();
    expect(messages(cwd)).toEqual([]);
  });

  it("checks every template an expression can choose, so a misspelt variable in one is found", () => {
    const { cwd, edit } = builtinCopy();
    edit("templates/pipeline/runtime-inputs.yaml.hbs", "{{yaml name}}", "{{yaml nmae}}");
    expect(messages(cwd)).toEqual([expect.stringMatching(/^kit\/templates\/pipeline\/runtime-inputs\.yaml\.hbs:\d+:\d+: uses "nmae", which no answer of pipeline defines$/)]);
  });

  it("reports an answer no template reads, also when the generator's template is an expression", () => {
    const { cwd, edit } = builtinCopy();
    edit("kit.yaml", "      - { key: dockerfile,", "      - { key: unusedKnob, kind: text, message: Unused, when: { template: ci-build-push } }\n      - { key: dockerfile,");
    expect(messages(cwd)).toEqual([expect.stringMatching(/^kit\/kit\.yaml:\d+:9: answer "unusedKnob" is read by no template, path or expression of pipeline$/)]);
  });

  it("knows item inside $each values but not outside, and checks the list $each names", () => {
    const { cwd, edit } = builtinCopy();
    edit("kit.yaml", "identifier: '{{suffixed \"deploy\" item}}'", "identifier: '{{suffixed \"deploy\" itme}}'");
    edit("kit.yaml", "            $each: environments", "            $each: enviroments");
    const found = messages(cwd);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/: a \$each value uses "enviroments", which no answer of service defines$/);
    expect(found[1]).toMatch(/: a with value uses "itme", which no answer of service defines$/);
  });

  it("reports a template pattern that names no template", () => {
    const { cwd, edit } = builtinCopy();
    edit("kit.yaml", 'template: "pipeline/{{template}}.yaml.hbs"', 'template: "pipelines/{{template}}.yaml.hbs"');
    const found = messages(cwd);
    expect(found).toContainEqual(expect.stringMatching(/^kit\/kit\.yaml:\d+:9: template "pipelines\/\{\{template\}\}\.yaml\.hbs" names no template under templates\/$/));
    expect(found).toContainEqual(expect.stringMatching(/^kit\/templates\/pipeline\/runtime-inputs\.yaml\.hbs: this template is used by no generator's files$/));
  });
});
