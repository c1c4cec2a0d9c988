/**
 * Everything a generator renders passes all three layers: the kit's schemas, Harness's rules and
 * Harness's official pipeline schema. Scenarios (generator + answers) are the generate tests' own.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate, validatePaths } from "../../src/index.js";
import { sharedDir } from "../helpers/cli.js";

const scenariosDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/generate");
const scenarios = readdirSync(scenariosDir).filter((name) => existsSync(path.join(scenariosDir, name, "scenario.yaml")));
const officialSchema = path.join(sharedDir, "reference/harness-schema/v0/pipeline.json");
// Shared with cli.test.ts: the official schema compiles once per machine, not once per test.
const cacheDir = path.join(os.tmpdir(), "hs-validate-test-cache", "harness-scaffold");

describe("generated files", () => {
  it("covers every generator", () => {
    expect(new Set(scenarios.map((s) => s.split("-")[0]))).toEqual(new Set(["connector", "pipeline", "project", "service", "stage"]));
  });

  it.each(scenarios)(
    "%s validates with no errors on all three layers",
    async (scenario) => {
      const { generator, answers } = parse(readFileSync(path.join(scenariosDir, scenario, "scenario.yaml"), "utf8")) as {
        generator: string;
        answers: Record<string, unknown>;
      };
      const dir = mkdtempSync(path.join(os.tmpdir(), "hs-validate-gen-"));
      try {
        await generate({ generator, answers, outDir: ".harness", cwd: dir });
        const result = await validatePaths([".harness"], { cwd: dir, officialSchema, cacheDir });
        expect(result.files.length).toBeGreaterThan(0);
        expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
        // What may remain: references to secrets and entities that must already exist in Harness.
        expect(result.issues.filter((i) => i.code !== "ref-not-found")).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
