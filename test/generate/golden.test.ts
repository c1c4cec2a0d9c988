/**
 * Golden scenarios: one folder per scenario under test/fixtures/generate/<scenario>/ with
 * scenario.yaml (generator + answers) and expected/ (every file the run writes, manifest included).
 * UPDATE_GOLDEN=1 rewrites expected/ from the current output; review the diff before committing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate } from "../../src/index.js";
import { kindFromPath, kindFromRootKey } from "../../src/layout.js";
import { fixturesDir, normalise, readTree, tempDir } from "./helpers.js";

const scenarios = readdirSync(fixturesDir).filter((name) => existsSync(path.join(fixturesDir, name, "scenario.yaml")));
const update = process.env.UPDATE_GOLDEN === "1";

describe("golden scenarios", () => {
  it("has a scenario for every generator and pipeline template", () => {
    const covered = new Set(scenarios.map((s) => s.split("-")[0]));
    expect([...covered].sort()).toEqual(["connector", "pipeline", "project", "service", "stage"]);
    for (const template of ["cd-kubernetes", "ci-build-push", "runtime-inputs"]) {
      expect(scenarios).toContain(`pipeline-${template}`);
    }
    for (const type of ["docker", "github", "k8s", "aws"]) {
      expect(scenarios.some((s) => s.startsWith(`connector-${type}`))).toBe(true);
    }
  });

  for (const scenario of scenarios) {
    it(scenario, async () => {
      const folder = path.join(fixturesDir, scenario);
      const { generator, answers } = parse(readFileSync(path.join(folder, "scenario.yaml"), "utf8")) as {
        generator: string;
        answers: Record<string, unknown>;
      };
      const { dir, done } = tempDir();
      try {
        await generate({ generator, answers, outDir: "out", cwd: dir });
        const actual = normalise(readTree(path.join(dir, "out")));
        const expectedDir = path.join(folder, "expected");
        if (update) {
          rmSync(expectedDir, { recursive: true, force: true });
          for (const [file, text] of Object.entries(actual)) {
            mkdirSync(path.dirname(path.join(expectedDir, file)), { recursive: true });
            writeFileSync(path.join(expectedDir, file), text);
          }
        }
        const expected = normalise(readTree(expectedDir));
        expect(Object.keys(actual)).toEqual(Object.keys(expected));
        for (const file of Object.keys(expected)) expect(actual[file], file).toBe(expected[file]);
        // Every file parses and holds the entity its place in the layout promises.
        for (const [file, text] of Object.entries(actual)) {
          if (file === "harness-scaffold.json") continue;
          const doc = (file.endsWith(".json") ? JSON.parse(text) : parse(text)) as Record<string, unknown>;
          const kind = kindFromPath(file);
          expect(kind, file).toBeDefined();
          expect(kindFromRootKey(doc), file).toBe(kind);
          if (kind === "pipeline") expect((doc.pipeline as { stages: unknown[] }).stages.length, file).toBeGreaterThan(0);
        }
      } finally {
        done();
      }
    });
  }
});
