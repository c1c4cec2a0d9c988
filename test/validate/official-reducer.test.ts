/**
 * Errors recorded from Harness's official v0 pipeline schema (Ajv, allErrors) for fixture
 * pipelines with one mistake each: the reducer must turn each pile into the one issue that matters.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ErrorObject } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { officialIssues } from "../../src/validate/official-layer.js";

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/validate");

function replay(name: string): { raw: number; issues: string[] } {
  const recorded = JSON.parse(readFileSync(path.join(fixtures, "official-errors", `${name}.json`), "utf8")) as { pipeline: string; errors: ErrorObject[] };
  const doc = parse(readFileSync(path.join(fixtures, recorded.pipeline), "utf8"), { merge: true }) as unknown;
  const official = { sha256: "recorded", validate: () => recorded.errors };
  return { raw: recorded.errors.length, issues: officialIssues(official, doc).map((i) => `${i.path} ${i.message}`) };
}

const step = "/pipeline/stages/0/stage/spec/execution/steps/0/step";

describe("reducing the official schema's errors", () => {
  it.each([
    ["unknown-step-type", `${step}/type unknown step type "ShellScripts" (did you mean "ShellScript"?) (Harness pipeline schema)`],
    ["unknown-stage-type", `/pipeline/stages/0/stage/type unknown stage type "Deploy" (Harness pipeline schema)`],
    ["shell-misspelt", `${step}/spec/shell shell "Bsh" is not allowed (did you mean "Bash"?) (Harness pipeline schema)`],
    ["failure-strategies-map", `/pipeline/stages/0/stage/failureStrategies failureStrategies must be a list or text, not a map (Harness pipeline schema)`],
    [
      "timeout-words",
      `${step}/timeout timeout "10 minutes" is not a duration: write it like 10s, 10m, 1h30m or 1d (or <+input>) (Harness pipeline schema)`,
    ],
    [
      "step-identifier-dash",
      `${step}/identifier step identifier "shell-step" may only contain letters, digits and _, and must not start with a digit (Harness pipeline schema)`,
    ],
    [
      "failure-error-misspelt",
      `/pipeline/stages/0/stage/failureStrategies/0/onFailure/errors/0 errors entry 1 "AllError" is not allowed (did you mean "AllErrors"?) (Harness pipeline schema)`,
    ],
    ["cd-step-in-custom-stage", `${step}/type step type "K8sCanaryDeploy" cannot be used in a Custom stage (Harness pipeline schema)`],
  ])("%s: one issue out of many", (name, expected) => {
    const { raw, issues } = replay(name);
    expect(raw).toBeGreaterThan(1);
    expect(issues).toEqual([expected]);
  });
});
