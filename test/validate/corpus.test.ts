/**
 * The fixture corpus: every invalid file yields exactly its one expected error (code and line),
 * every hand-written valid file yields none.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { SourceFile } from "../../src/validate/types.js";
import { validatePaths, validateSources } from "../../src/validate/validate.js";

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/validate");
const invalidDir = path.join(fixtures, "invalid");
const validDir = path.join(fixtures, "valid");

interface Expected {
  file: string;
  code: string;
  line: number;
  severity?: "error" | "warning";
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The valid layout minus its pipelines: resolves the references the invalid pipelines make. */
const context: SourceFile[] = filesUnder(validDir)
  .filter((f) => !f.includes(`${path.sep}pipelines${path.sep}`))
  .map((f) => ({ path: `valid/${path.relative(validDir, f).split(path.sep).join("/")}`, text: readFileSync(f, "utf8") }));

const expected = parse(readFileSync(path.join(invalidDir, "expected.yaml"), "utf8")) as Expected[];

describe("invalid corpus", () => {
  it("has at least 30 files, each listed once", () => {
    const listed = expected.map((e) => e.file).sort();
    const onDisk = filesUnder(invalidDir)
      .map((f) => path.relative(invalidDir, f).split(path.sep).join("/"))
      .filter((f) => f !== "expected.yaml")
      .sort();
    expect(listed).toEqual(onDisk);
    expect(listed.length).toBeGreaterThanOrEqual(30);
  });

  it.each(expected)("$file: $code on line $line", async ({ file, code, line, severity = "error" }) => {
    const text = readFileSync(path.join(invalidDir, file), "utf8");
    const result = await validateSources([{ path: file, text }], { context });
    const summary = result.issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.code} ${i.message}`);
    const errors = result.issues.filter((i) => i.severity === "error");
    if (severity === "error") {
      expect(errors.map((i) => [i.code, i.line]), summary.join("\n")).toEqual([[code, line]]);
      expect(result.ok).toBe(false);
    } else {
      expect(errors, summary.join("\n")).toEqual([]);
      expect(result.issues.filter((i) => i.code === code).map((i) => [i.code, i.line]), summary.join("\n")).toEqual([[code, line]]);
      expect(result.ok).toBe(true);
    }
    for (const issue of result.issues) expect(issue.column).toBeGreaterThan(0);
  });
});

describe("valid corpus", () => {
  it("validates with no errors, and warns only about secrets that must exist in Harness", async () => {
    const result = await validatePaths(["."], { cwd: validDir });
    expect(result.files.length).toBeGreaterThanOrEqual(10);
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(result.issues.map((i) => i.message)).toEqual([
      'secret "github_pat" not found locally, must exist in Harness',
      'secret "github_pat" not found locally, must exist in Harness',
    ]);
    expect(result.ok).toBe(true);
  });

  it("fails under --strict because of those warnings", async () => {
    const result = await validatePaths(["."], { cwd: validDir, strict: true });
    expect(result.ok).toBe(false);
    expect(new Set(result.issues.map((i) => `${i.severity} ${i.code}`))).toEqual(new Set(["error ref-not-found"]));
  });
});
