/** Validation sits between rendering and writing: errors in the run's files stop it, warnings pass. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Issue, SourceFile } from "../../src/validate/types.js";

const seen: SourceFile[][] = [];
let issues: Issue[] = [];
vi.mock("../../src/validate/validate.js", () => ({
  validateSources: async (files: SourceFile[]) => {
    seen.push(files);
    return { ok: !issues.some((i) => i.severity === "error"), issues };
  },
}));
const { generate, isKitError } = await import("../../src/index.js");
const { tempDir } = await import("./helpers.js");

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  issues = [];
  seen.length = 0;
});
function scratch(): string {
  const { dir, done } = tempDir("hs-val-");
  cleanup = done;
  return dir;
}
const issue = (file: string, severity: Issue["severity"]): Issue => ({
  file, line: 3, column: 5, severity, code: "identifier-pattern", message: "something is off", path: "/project/identifier",
});

describe("the validate step", () => {
  it("refuses to write when a rendered file has an error, and prints the issues", async () => {
    const cwd = scratch();
    issues = [issue("out/project.json", "error")];
    let error: unknown;
    try {
      await generate({ generator: "project", answers: { name: "p" }, outDir: "out", cwd });
    } catch (e) {
      error = e;
    }
    expect(isKitError(error) && error.code).toBe("E_INVALID");
    expect((error as Error).message).toBe(
      "the rendered files do not pass validation; nothing was written:\n  out/project.json:3:5: error identifier-pattern: something is off",
    );
    expect(existsSync(path.join(cwd, "out"))).toBe(false);
  });

  it("writes and returns warnings, and ignores errors in other people's files", async () => {
    const cwd = scratch();
    mkdirSync(path.join(cwd, "out/connectors"), { recursive: true });
    writeFileSync(path.join(cwd, "out/connectors/theirs.json"), "{}");
    issues = [issue("out/project.json", "warning"), issue("out/connectors/theirs.json", "error")];
    const result = await generate({ generator: "project", answers: { name: "p" }, outDir: "out", cwd });
    expect(result.issues).toEqual([issues[0]]);
    expect(existsSync(path.join(cwd, "out/project.json"))).toBe(true);
  });

  it("validates the run's files together with the entity files already in the out dir", async () => {
    const cwd = scratch();
    mkdirSync(path.join(cwd, "out/connectors"), { recursive: true });
    writeFileSync(path.join(cwd, "out/connectors/theirs.json"), '{"connector": {}}');
    writeFileSync(path.join(cwd, "out/notes.txt"), "not an entity");
    await generate({ generator: "project", answers: { name: "p" }, outDir: "out", cwd });
    expect(seen[0]!.map((f) => f.path)).toEqual(["out/connectors/theirs.json", "out/project.json"]);
  });
});
