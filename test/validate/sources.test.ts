/** Reading files, and placing issues in texts that use comments, anchors, merge keys and tabs. */
import { chmod, mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkDocument } from "../../src/validate/check-document.js";
import { validatePaths, validateSources } from "../../src/validate/validate.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "hs-validate-src-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const summary = (issues: { file: string; line: number; severity: string; code: string }[]): string[] =>
  issues.map((i) => `${i.file}:${i.line} ${i.severity} ${i.code}`);

describe("reading paths", () => {
  it("turns binary, non-UTF-8 and unreadable files into issues instead of failing", async () => {
    await mkdir(path.join(dir, "pipelines"));
    await writeFile(path.join(dir, "pipelines/binary.yaml"), Buffer.from([0x70, 0x00, 0x01, 0x02]));
    await writeFile(path.join(dir, "pipelines/latin1.yaml"), Buffer.from("pipeline:\n  name: caf\xe9\n", "latin1"));
    await writeFile(path.join(dir, "pipelines/locked.yaml"), "pipeline: {}\n");
    await chmod(path.join(dir, "pipelines/locked.yaml"), 0o000);
    const result = await validatePaths(["pipelines"], { cwd: dir });
    const codes = summary(result.issues);
    expect(codes).toContain("pipelines/binary.yaml:1 error file-binary");
    expect(codes).toContain("pipelines/latin1.yaml:1 error file-encoding");
    // root reads everything: only check the permission case when it applies
    if (process.getuid?.() !== 0) expect(codes).toContain("pipelines/locked.yaml:1 error file-unreadable");
    expect(result.ok).toBe(false);
  });

  it("warns about an empty directory and about files in it that are not Harness entities", async () => {
    await mkdir(path.join(dir, "empty"));
    await mkdir(path.join(dir, "k8s"));
    await writeFile(path.join(dir, "k8s/deployment.yaml"), "apiVersion: apps/v1\nkind: Deployment\n");
    await writeFile(path.join(dir, "k8s/notes.txt"), "not looked at\n");
    const result = await validatePaths(["empty", "k8s"], { cwd: dir });
    expect(summary(result.issues)).toEqual(["empty:1 warning no-files", "k8s/deployment.yaml:1 warning unknown-kind"]);
    expect(result.ok).toBe(true);
    const named = await validatePaths(["k8s/deployment.yaml"], { cwd: dir });
    expect(summary(named.issues)).toEqual(["k8s/deployment.yaml:1 error unknown-kind"]);
  });

  it("reports a path that does not exist", async () => {
    const result = await validatePaths(["missing"], { cwd: dir });
    expect(summary(result.issues)).toEqual(["missing:1 error path-not-found"]);
  });
});

describe("locating issues", () => {
  it("follows anchors, aliases and merge keys, and ignores comments and a BOM", async () => {
    const text = `\uFEFF# base settings, shared below
pipeline:
  name: Demo # trailing comment
  identifier: demo
  stages:
    - stage: &base
        name: One
        identifier: one
        type: Custom
        spec:
          execution:
            steps:
              - step:
                  name: Wait
                  identifier: wait
                  type: Wait
                  spec:
                    duration: soon
    - stage:
        <<: *base
        identifier: two
`;
    const result = await validateSources([{ path: "pipelines/demo.yaml", text }]);
    // Both stages share the anchored step: the bad duration is reported where it is written.
    expect(result.issues.map((i) => `${i.line}:${i.column} ${i.code} ${i.path}`)).toEqual([
      "18:31 timeout-syntax /pipeline/stages/0/stage/spec/execution/steps/0/step/spec/duration",
      "18:31 timeout-syntax /pipeline/stages/1/stage/spec/execution/steps/0/step/spec/duration",
    ]);
  });

  it("points at the last of two duplicate keys and names the line of the first", async () => {
    const text = '{\n  "project": {\n    "identifier": "a",\n    "name": "A",\n    "identifier": "b"\n  }\n}\n';
    const result = await validateSources([{ path: "project.json", text }]);
    expect(result.issues).toEqual([
      expect.objectContaining({ line: 5, column: 5, code: "duplicate-key", message: 'key "identifier" is set twice (first on line 3); only the last one counts' }),
    ]);
  });
});

describe("checkDocument", () => {
  const body = { connector: { name: "k8s", identifier: "k8s", type: "K8sCluster", spec: { credential: { type: "InheritFromDelegate" } } } };

  it("checks a request body by kind without a text (positions 0:0, the path says where)", () => {
    expect(checkDocument("connector", body)).toEqual([
      {
        file: "<document>",
        line: 0,
        column: 0,
        severity: "error",
        code: "inherit-needs-selectors",
        message: expect.stringContaining("needs delegateSelectors") as unknown as string,
        path: "/connector/spec/credential/type",
      },
    ]);
  });

  it("places issues in the body's text when given", () => {
    const text = JSON.stringify(body, null, 2);
    const [issue] = checkDocument("connector", JSON.parse(text), { text, file: "body.json" });
    expect(issue).toMatchObject({ file: "body.json", line: 8, column: 17, code: "inherit-needs-selectors" });
  });
});
