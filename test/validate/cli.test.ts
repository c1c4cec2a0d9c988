/** `harness-scaffold validate` as a user runs it: exit codes, default path, formats, bad usage. */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/cli.js";
import { REFERENCE, describeReference, referenceFile } from "../helpers/reference.js";

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/validate");
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "hs-validate-cli-"));
  await cp(path.join(fixtures, "valid"), path.join(dir, ".harness"), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const breakStepType = (): Promise<void> =>
  writeFile(
    path.join(dir, ".harness/pipelines/bad.yaml"),
    "pipeline:\n  name: Bad\n  identifier: bad\n  stages:\n    - stage:\n        name: Run\n        identifier: run\n        type: Custom\n        spec:\n          execution:\n            steps:\n              - step:\n                  name: Hi\n                  identifier: hi\n                  type: ShellScripts\n                  spec: {}\n",
  );

describe("harness-scaffold validate", () => {
  it("checks .harness by default and exits 0 when there are only warnings", async () => {
    const { code, stdout } = await runInProcess(["validate"], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('warning ref-not-found secret "github_pat" not found locally, must exist in Harness');
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("0 errors, 2 warnings in 19 files");
  });

  it("exits 1 with --strict when warnings remain", async () => {
    const { code, stdout } = await runInProcess(["validate", "--strict"], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain("error ref-not-found");
  });

  it("exits 1 on an error and points at it", async () => {
    await breakStepType();
    const { code, stdout } = await runInProcess(["validate"], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('.harness/pipelines/bad.yaml:15:25 error unknown-step-type unknown step type "ShellScripts" (did you mean "ShellScript"?)');
  });

  it("validates one named file, resolving its references against the rest of its layout", async () => {
    const { code, stdout } = await runInProcess(["validate", ".harness/pipelines/deploy.yaml", "--format", "json"], { cwd: dir });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ ok: true, issues: [] });
  });

  it("prints JSON and SARIF", async () => {
    await breakStepType();
    const json = await runInProcess(["validate", "--format", "json"], { cwd: dir });
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; issues: { code: string }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.issues.map((i) => i.code)).toContain("unknown-step-type");
    const sarif = await runInProcess(["validate", "--format", "sarif"], { cwd: dir });
    expect(sarif.code).toBe(1);
    expect((JSON.parse(sarif.stdout) as { version: string }).version).toBe("2.1.0");
  });

  it.each([
    [["validate", "--format", "xml"], 'validate: unknown format "xml"'],
    [["validate", "nowhere.yaml"], 'validate: "nowhere.yaml" does not exist'],
    [["validate", "--bogus"], 'unknown option "--bogus"'],
  ])("exits 2 for bad usage: %j", async (args, message) => {
    const { code, stdout, stderr } = await runInProcess(args, { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
  });

  it("exits 2 when there is no .harness and no path", async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), "hs-validate-empty-"));
    const { code, stderr } = await runInProcess(["validate"], { cwd: empty });
    await rm(empty, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(stderr).toContain('hint: run "harness-scaffold new" first');
  });
});

describeReference("harness-scaffold validate --official-schema", () => {
  it(
    "adds Harness's official schema with --official-schema, and reports only what the kit's own checks missed",
    async () => {
      // A JiraApproval without its connector: the kit takes any spec for that step type, Harness's schema does not.
      // A CD step in a Custom stage: both see it; only the kit's issue is reported.
      await cp(path.join(fixtures, "official-only/jira-approval-no-connector.yaml"), path.join(dir, ".harness/pipelines/jira.yaml"));
      await cp(path.join(fixtures, "official-only/cd-step-in-custom-stage.yaml"), path.join(dir, ".harness/pipelines/canary.yaml"));
      const env = { XDG_CACHE_HOME: path.join(os.tmpdir(), "hs-validate-test-cache") };
      const schema = referenceFile(REFERENCE.pipelineSchema);
      const { code, stdout } = await runInProcess(["validate", "--official-schema", schema, "--format", "json"], { cwd: dir, env });
      const parsed = JSON.parse(stdout) as { issues: { file: string; line: number; code: string; severity: string }[] };
      expect(parsed.issues.filter((i) => i.severity === "error")).toEqual([
        expect.objectContaining({ file: ".harness/pipelines/canary.yaml", line: 15, code: "step-not-allowed-in-stage" }),
        expect.objectContaining({ file: ".harness/pipelines/jira.yaml", line: 18, code: "official-schema" }),
      ]);
      expect(code).toBe(1);
    },
    240_000,
  );
});
