/**
 * Ajv reports every failed branch: one wrong step type in Harness's schema yields dozens of
 * errors from `oneOf`/`if-then` alternatives. This keeps the errors that explain the mistake and
 * words each once.
 */
import type { ErrorObject } from "ajv";
import { describeError } from "./describe.js";
import { valueAt } from "./pointer.js";
import type { PointerIssue } from "./types.js";

/** Errors about branch bookkeeping, never about the document itself. */
const BOOKKEEPING = new Set(["if", "then", "else", "allOf", "$ref"]);
const BRANCHING = new Set(["oneOf", "anyOf"]);
const DISCRIMINATORS = new Set(["enum", "const"]);

export function reduceErrors(errors: readonly ErrorObject[], doc: unknown): PointerIssue[] {
  const kept = dropBranchNoise(errors.filter((e) => !BOOKKEEPING.has(e.keyword)), doc);
  const issues: PointerIssue[] = [];
  for (const error of kept) {
    const issue = describeError(error, doc);
    if (issue) issues.push(issue);
  }
  return mergeMisspelledKeys(dedupe(issues));
}

/**
 * Within `oneOf`/`anyOf`: a discriminator (`type: ShellScript`) that some branch accepts means the
 * other branches' complaints about it are noise; an error deeper down explains a failed branch
 * better than the branch summary; alternatives at the same spot (boolean or expression) collapse
 * into one "does not match" error.
 */
function dropBranchNoise(errors: ErrorObject[], doc: unknown): ErrorObject[] {
  const accepted = new Set<string>();
  for (const e of errors) {
    if (!DISCRIMINATORS.has(e.keyword)) continue;
    const allowed = e.keyword === "enum" ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue];
    if (allowed.includes(valueAt(doc, e.instancePath))) accepted.add(e.instancePath);
  }
  const branching = errors.filter((e) => BRANCHING.has(e.keyword));
  const result: ErrorObject[] = [];
  const mergedEnums = new Map<string, ErrorObject>();
  for (const e of errors) {
    if (BRANCHING.has(e.keyword)) {
      // Keep the summary only when nothing under it says more.
      if (!errors.some((o) => !BRANCHING.has(o.keyword) && isUnder(o.instancePath, e.instancePath) && o.instancePath !== e.instancePath)) {
        const sameSpot = errors.filter((o) => o.instancePath === e.instancePath && !BRANCHING.has(o.keyword));
        if (sameSpot.length !== 1) result.push({ ...e, keyword: "not" });
      }
      continue;
    }
    if (DISCRIMINATORS.has(e.keyword)) {
      if (accepted.has(e.instancePath)) continue;
      // Merge alternatives (`enum: [A]` in one branch, `enum: [B]` in another) into one list.
      const previous = mergedEnums.get(e.instancePath);
      const values = e.keyword === "enum" ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue];
      if (previous) {
        (previous.params as { allowedValues: unknown[] }).allowedValues.push(...values);
        continue;
      }
      const merged: ErrorObject = { ...e, keyword: "enum", params: { allowedValues: [...values] } };
      mergedEnums.set(e.instancePath, merged);
      result.push(merged);
      continue;
    }
    const inBranch = branching.some((b) => isUnder(e.instancePath, b.instancePath));
    // A branch whose discriminator did not match is not the user's intent: drop what it says below it.
    if (inBranch && e.keyword !== "additionalProperties" && [...mergedEnums.keys()].some((p) => siblingOrBelow(e.instancePath, p))) continue;
    result.push(e);
  }
  return result;
}

function isUnder(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** `e` is at or below the object that holds the mismatched discriminator `discriminatorPath`. */
function siblingOrBelow(path: string, discriminatorPath: string): boolean {
  const owner = discriminatorPath.slice(0, discriminatorPath.lastIndexOf("/"));
  return isUnder(path, owner) && path !== discriminatorPath;
}

/** `spce:` instead of `spec:` is one mistake: keep "unknown key (did you mean spec?)" as an error, drop "missing spec". */
function mergeMisspelledKeys(issues: PointerIssue[]): PointerIssue[] {
  const missing = new Map<string, PointerIssue>();
  for (const issue of issues) {
    if (issue.code !== "missing-key") continue;
    const key = /"([^"]+)"$/.exec(issue.message)?.[1];
    if (key !== undefined) missing.set(`${issue.path}\u0000${key}`, issue);
  }
  const dropped = new Set<PointerIssue>();
  for (const issue of issues) {
    if (issue.code !== "unknown-key") continue;
    const suggestion = /did you mean "([^"]+)"/.exec(issue.message)?.[1];
    const owner = issue.path.slice(0, issue.path.lastIndexOf("/"));
    const twin = suggestion === undefined ? undefined : missing.get(`${owner}\u0000${suggestion}`);
    if (twin) {
      dropped.add(twin);
      issue.severity = "error";
    }
  }
  return issues.filter((i) => !dropped.has(i));
}

function dedupe(issues: PointerIssue[]): PointerIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.code}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
