/**
 * Triggers and input sets against their pipeline: each mistake found at its own line (inside a
 * trigger's `inputYaml: |` too), with the valid corpus (pipelines included) as the rest of the layout.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkCron } from "../../src/rules/cron.js";
import type { SourceFile } from "../../src/validate/types.js";
import { validateSources } from "../../src/validate/validate.js";

const validDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/validate/valid");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const valid = (rel: string): string => readFileSync(path.join(validDir, rel), "utf8");
const PUSH = "triggers/build_payments_api/on_push.yaml";
const PR = "triggers/build_payments_api/on_pr.yaml";
const NIGHTLY = "triggers/nightly_checks/every_night.yaml";
const GO = "inputsets/build_payments_api/go_latest.yaml";

/** Validates `text` as the file at `rel`, the rest of the valid layout as context. */
async function issuesOf(rel: string, text: string, extra: SourceFile[] = []): Promise<string[]> {
  const context = filesUnder(validDir)
    .map((f) => path.relative(validDir, f).split(path.sep).join("/"))
    .filter((f) => f !== rel && !extra.some((e) => e.path === f))
    .map((f) => ({ path: f, text: valid(f) }));
  const result = await validateSources([{ path: rel, text }, ...extra], { context });
  return result.issues.filter((i) => i.file === rel && i.code !== "ref-not-found" || i.file === rel && i.severity === "warning").map((i) => `${i.line}:${i.column} ${i.severity} ${i.code} ${i.message}`);
}

describe("run inputs of triggers and input sets", () => {
  it("the valid triggers, input sets and overlay pass", async () => {
    for (const rel of [PUSH, PR, NIGHTLY, GO, "inputsets/build_payments_api/main_latest.yaml"]) expect(await issuesOf(rel, valid(rel)), rel).toEqual([]);
  });

  it("a value in inputYaml on a field that is not <+input> is found at its line in the trigger file", async () => {
    const text = valid(PUSH).replace("      identifier: build_payments_api\n", "      identifier: build_payments_api\n      timeout: 1h\n");
    const issues = await issuesOf(PUSH, text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^30:16 error input-not-runtime pipeline\.timeout is not a runtime input of pipeline "build_payments_api" \(pipelines\/build\.yaml\)/);
    expect(text.split("\n")[29]).toBe("      timeout: 1h");
  });

  it("a trigger that leaves out a runtime input the pipeline needs is found at its inputYaml", async () => {
    const text = valid(PR).replace("      properties:\n        ci:\n          codebase:\n            build:\n              type: PR\n              spec:\n                number: <+trigger.prNumber>\n", "");
    expect(text).not.toContain("properties");
    const issues = await issuesOf(PR, text);
    expect(issues).toEqual([
      expect.stringMatching(/^22:3 error input-missing the trigger leaves out runtime input of pipeline "build_payments_api": pipeline\.properties\.ci\.codebase\.build; give it a value/),
    ]);
  });

  it("input sets named by inputSetRefs count; one of another pipeline is refused", async () => {
    // go_version has a default, so on_push needs no input set for it.
    const noRef = valid(PUSH).replace("  inputSetRefs:\n    - go_latest\n", "");
    expect(await issuesOf(PUSH, noRef)).toEqual([]);
    const other = "inputsets/nightly_checks/quiet.yaml";
    const quiet = "inputSet:\n  name: quiet\n  identifier: quiet\n  orgIdentifier: default\n  projectIdentifier: payments\n  pipeline:\n    identifier: nightly_checks\n    timeout: 1h\n";
    const text = valid(PUSH).replace("    - go_latest\n", "    - go_latest\n    - quiet\n");
    const issues = await issuesOf(PUSH, text, [{ path: other, text: quiet }]);
    expect(issues).toEqual([expect.stringMatching(/^27:7 error input-set-other-pipeline input set "quiet" belongs to pipeline "nightly_checks" \(inputsets\/nightly_checks\/quiet\.yaml\), not to "build_payments_api"/)]);
  });

  it("values must fit: a timeout is a duration, an allowedValues input gets an allowed value", async () => {
    const timeout = valid(NIGHTLY).replace("timeout: 15m", "timeout: soon");
    expect(await issuesOf(NIGHTLY, timeout)).toEqual([
      expect.stringMatching(/^26:32 error input-invalid-value the value for pipeline\.stages\.checks\.spec\.execution\.steps\.report\.timeout does not fit the runtime input <\+input>: expected a duration/),
    ]);
    const version = valid(GO).replace('value: "1.22"', 'value: "1.19"');
    expect(await issuesOf(GO, version)).toEqual([
      expect.stringMatching(/^12:16 error input-invalid-value the value for pipeline\.variables\.go_version\.value does not fit the runtime input <\+input>\.default\(1\.22\)\.allowedValues\(1\.21,1\.22\): expected one of 1\.21, 1\.22/),
    ]);
  });

  it("an input set: values on non-input fields, the wrong pipeline's folder", async () => {
    const extra = valid(GO).replace("    variables:\n", "    description: fixed\n    variables:\n");
    expect(await issuesOf(GO, extra)).toEqual([expect.stringMatching(/^9:18 error input-not-runtime pipeline\.description is not a runtime input/)]);
    const elsewhere = "inputsets/nightly_checks/go_latest.yaml";
    expect(await issuesOf(elsewhere, valid(GO))).toEqual([
      expect.stringMatching(/^8:17 error wrong-pipeline-folder this input set is for pipeline "build_payments_api" but sits in the folder of pipeline "nightly_checks"/),
    ]);
  });

  it("inputYaml for another pipeline, and a trigger for a pipeline that is nowhere", async () => {
    const wrong = valid(PR).replace("    pipeline:\n      identifier: build_payments_api", "    pipeline:\n      identifier: nightly_checks");
    expect(await issuesOf(PR, wrong)).toEqual([expect.stringMatching(/^24:19 error input-wrong-pipeline inputYaml is for pipeline "nightly_checks", but the trigger starts "build_payments_api"/)]);
    const ghost = valid(NIGHTLY).replaceAll("nightly_checks", "ghost");
    expect(await issuesOf("triggers/ghost/every_night.yaml", ghost)).toEqual([expect.stringMatching(/^6:23 warning ref-not-found pipeline "ghost" not found locally, must exist in Harness/)]);
  });

  it("schedules: every minute, a made-up time zone, a QUARTZ expression without seconds", async () => {
    expect(await issuesOf(NIGHTLY, valid(NIGHTLY).replace("0 30 2 ? * MON-FRI", "0 * * ? * *"))).toEqual([
      expect.stringMatching(/^13:21 error cron-too-often cron expression "0 \* \* \? \* \*" runs every 1 minute; Harness needs at least 5 minutes between runs/),
    ]);
    expect(await issuesOf(NIGHTLY, valid(NIGHTLY).replace("Europe/Berlin", "Europe/Atlantis"))).toEqual([expect.stringMatching(/^14:19 error timezone-invalid time zone "Europe\/Atlantis" is not known/)]);
    expect(await issuesOf(NIGHTLY, valid(NIGHTLY).replace("0 30 2 ? * MON-FRI", "30 2 * * MON"))).toEqual([expect.stringMatching(/^13:21 error cron-syntax .*QUARTZ cron expression has 6 or 7 fields/)]);
  });

  it("a push trigger without a branch condition, and a trigger id used twice for one pipeline", async () => {
    const anyBranch = valid(PUSH).replace(/ {10}payloadConditions:\n(.*\n){3}/, "");
    expect(await issuesOf(PUSH, anyBranch)).toEqual([expect.stringMatching(/^15:9 error push-without-branch this push trigger has no branch condition/)]);
    const twin = valid(PR).replace("identifier: on_pr", "identifier: on_push");
    const both = await validateSources([{ path: PUSH, text: valid(PUSH) }, { path: PR, text: twin }]);
    expect(both.issues.filter((i) => i.severity === "error").map((i) => `${i.file}:${i.line} ${i.code} ${i.message}`)).toEqual([
      `${PR}:3 duplicate-entity trigger "on_push" is also defined in ${PUSH}`,
    ]);
    // The same identifier under another pipeline is another trigger.
    const elsewhere = valid(NIGHTLY).replace("identifier: every_night", "identifier: on_push");
    expect(await issuesOf(NIGHTLY, elsewhere)).toEqual([]);
  });
});

describe("cron expressions", () => {
  it.each([
    ["*/5 * * * *", "UNIX", undefined],
    ["*/4 * * * *", "UNIX", "too-often"],
    ["58,2 * * * *", "UNIX", "too-often"],
    ["0 23,0 * * *", "UNIX", undefined],
    ["0 1 * * MON-FRI", "UNIX", undefined],
    ["0 1 * JAN,JUL 1", "UNIX", undefined],
    ["0 61 * * *", "UNIX", "syntax"],
    ["0 1 * *", "UNIX", "syntax"],
    ["0 0/5 * * * ?", "QUARTZ", undefined],
    ["* 0/5 * * * ?", "QUARTZ", "too-often"],
    ["0 0 12 ? * MON#2", "QUARTZ", undefined],
    ["0 0 12 L * ? 2030", "QUARTZ", undefined],
  ] as const)("%s (%s): %s", (expression, type, problem) => {
    expect(checkCron(expression, type)?.kind).toBe(problem);
  });
});
