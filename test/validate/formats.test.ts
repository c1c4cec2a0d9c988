/** The three report formats, as a terminal, a CI script and GitHub code scanning read them. */
import { describe, expect, it } from "vitest";
import { formatIssues } from "../../src/validate/format/index.js";
import { validateSources } from "../../src/validate/validate.js";

const pipeline = `pipeline:
  name: Demo
  identifier: demo
  stages:
    - stage:
        name: Run
        identifier: run
        type: Custom
        spec:
          execution:
            steps:
              - step:
                  name: Hello
                  identifier: shell-step
                  type: ShellScripts
                  spec: {}
`;
const files = [{ path: "pipelines/demo.yaml", text: pipeline }];

describe("text format", () => {
  it("prints file:line:col severity code message, the source line and a caret under the spot", async () => {
    const result = await validateSources(files);
    expect(formatIssues(result, "text", { files })).toBe(`pipelines/demo.yaml:14:31 error identifier-pattern step identifier "shell-step" may only contain letters, digits and _, and must not start with a digit
  14 |                   identifier: shell-step
     |                               ^^^^^^^^^^
pipelines/demo.yaml:15:25 error unknown-step-type unknown step type "ShellScripts" (did you mean "ShellScript"?)
  15 |                   type: ShellScripts
     |                         ^^^^^^^^^^^^
2 errors, 0 warnings in 1 file
`);
  });

  it("says so when there is nothing to report", () => {
    expect(formatIssues({ ok: true, issues: [] }, "text", { files })).toBe("no problems found in 1 file\n");
  });
});

describe("json format", () => {
  it("is exactly { ok, issues: [{ file, line, column, severity, code, message, path }] }", async () => {
    const result = await validateSources(files);
    const parsed = JSON.parse(formatIssues(result, "json")) as { ok: boolean; issues: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(["ok", "issues"]);
    expect(parsed.ok).toBe(false);
    expect(parsed.issues[1]).toEqual({
      file: "pipelines/demo.yaml",
      line: 15,
      column: 25,
      severity: "error",
      code: "unknown-step-type",
      message: 'unknown step type "ShellScripts" (did you mean "ShellScript"?)',
      path: "/pipeline/stages/0/stage/spec/execution/steps/0/step/type",
    });
    for (const issue of parsed.issues) expect(Object.keys(issue)).toEqual(["file", "line", "column", "severity", "code", "message", "path"]);
  });
});

describe("sarif format", () => {
  it("is a SARIF 2.1.0 log with one rule per code and a region per result", async () => {
    const result = await validateSources(files);
    const log = JSON.parse(formatIssues(result, "sarif", { toolVersion: "1.2.3" })) as {
      version: string;
      $schema: string;
      runs: { tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string } }[] } }; results: Record<string, unknown>[] }[];
    };
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toContain("sarif-2.1.0");
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: "harness-scaffold", version: "1.2.3" });
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(["identifier-pattern", "unknown-step-type"]);
    expect(run.tool.driver.rules[1]!.shortDescription.text).toBe("a step type Harness does not have");
    expect(run.results[1]).toEqual({
      ruleId: "unknown-step-type",
      ruleIndex: 1,
      level: "error",
      message: { text: 'unknown step type "ShellScripts" (did you mean "ShellScript"?)' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "pipelines/demo.yaml", uriBaseId: "%SRCROOT%" },
            region: { startLine: 15, startColumn: 25, endLine: 15, endColumn: 37 },
          },
          logicalLocations: [{ fullyQualifiedName: "/pipeline/stages/0/stage/spec/execution/steps/0/step/type", kind: "object" }],
        },
      ],
    });
  });

  it("has no results for a clean run", () => {
    const log = JSON.parse(formatIssues({ ok: true, issues: [] }, "sarif")) as { runs: { results: unknown[] }[] };
    expect(log.runs[0]!.results).toEqual([]);
  });
});
