/**
 * Everything a generator renders passes the kit's schemas and Harness's rules (always) and Harness's
 * official pipeline schema (reference suite). Scenarios (generator + answers) are the generate tests' own.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate, validatePaths } from "../../src/index.js";
import { REFERENCE, describeReference, referenceFile } from "../helpers/reference.js";

const scenariosDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/generate");
const scenarios = readdirSync(scenariosDir).filter((name) => existsSync(path.join(scenariosDir, name, "scenario.yaml")));
// Shared with cli.test.ts: the official schema compiles once per machine, not once per test.
const cacheDir = path.join(os.tmpdir(), "hs-validate-test-cache", "harness-scaffold");

describe("generated files", () => {
  it("covers every generator", () => {
    expect(new Set(scenarios.map((s) => s.split("-")[0]))).toEqual(new Set(["connector", "pipeline", "project", "service", "stage"]));
  });

  it.each(scenarios)("%s validates with no errors on the kit's layers", async (scenario) => {
    await expectClean(scenario);
  });
});

describeReference("generated files against the official schema", () => {
  it.each(scenarios)("%s validates with no errors on all three layers", (scenario) => expectClean(scenario, referenceFile(REFERENCE.pipelineSchema)), 240_000);
});

async function expectClean(scenario: string, officialSchema?: string): Promise<void> {
  const { generator, answers } = parse(readFileSync(path.join(scenariosDir, scenario, "scenario.yaml"), "utf8")) as {
    generator: string;
    answers: Record<string, unknown>;
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), "hs-validate-gen-"));
  try {
    await generate({ generator, answers, outDir: ".harness", cwd: dir });
    const result = await validatePaths([".harness"], { cwd: dir, ...(officialSchema ? { officialSchema } : {}), cacheDir });
    expect(result.files.length).toBeGreaterThan(0);
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    // What may remain: references to secrets and entities that must already exist in Harness.
    expect(result.issues.filter((i) => i.code !== "ref-not-found")).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
