/**
 * Ajv reports every failed branch: one wrong step type in Harness's schema yields a hundred
 * errors from `oneOf` alternatives. This keeps the errors that explain the mistake and words each
 * once (see describe.ts). The kit's own schemas avoid `oneOf`, so most of this serves layer 2.
 */
import type { ErrorObject } from "ajv";
import { describeError } from "./describe.js";
import { parentPointer, valueAt } from "./pointer.js";
import type { PointerIssue } from "./types.js";

export interface ReduceOptions {
  /**
   * Values known to be valid discriminators (every step and stage type). When a `oneOf` over typed
   * nodes fails, a known type means a branch matched and failed deeper; an unknown one is the mistake.
   */
  knownValues?: ReadonlySet<string>;
}

/** Errors about branch bookkeeping, never about the document itself. */
const BOOKKEEPING = new Set(["if", "then", "else", "allOf", "$ref"]);
const BRANCHING = new Set(["oneOf", "anyOf"]);
const DISCRIMINATORS = new Set(["enum", "const"]);
/** Keywords that reject a value's form: one per alternative, not worth a message each. */
const ALTERNATIVES = new Set(["type", "pattern", "minLength", "format", "enum", "const", "not"]);

export function reduceErrors(errors: readonly ErrorObject[], doc: unknown, options: ReduceOptions = {}): PointerIssue[] {
  let kept = errors.filter((e) => !BOOKKEEPING.has(e.keyword));
  kept = kept.filter((e) => !isTemplateNoise(e, doc));
  kept = settleDiscriminators(kept, doc, options.knownValues);
  kept = settleAlternatives(kept);
  const issues: PointerIssue[] = [];
  for (const error of kept) {
    const issue = describeError(error, doc);
    if (issue) issues.push(issue);
  }
  return mergeMisspelledKeys(dedupe(issues));
}

const allowedOf = (e: ErrorObject): unknown[] =>
  e.keyword === "enum" ? [...(e.params as { allowedValues: unknown[] }).allowedValues] : [(e.params as { allowedValue: unknown }).allowedValue];

const under = (path: string, ancestor: string): boolean => path === ancestor || path.startsWith(`${ancestor}/`);

/**
 * Enum/const errors at one path from several branches: either the value is valid for some branch
 * (drop them, the real error is deeper) or for none (one "unknown type" error, and nothing about
 * the branches' other demands on that node).
 */
function settleDiscriminators(errors: ErrorObject[], doc: unknown, known: ReadonlySet<string> | undefined): ErrorObject[] {
  const groups = new Map<string, ErrorObject[]>();
  for (const e of errors) if (isDiscriminatorError(e)) groups.set(e.instancePath, [...(groups.get(e.instancePath) ?? []), e]);
  const drop = new Set<ErrorObject>();
  const add: ErrorObject[] = [];
  for (const [path, group] of groups) {
    const value = valueAt(doc, path);
    const allowed = group.filter((e) => e.keyword !== "not").flatMap(allowedOf);
    const owner = parentPointer(path);
    const knownType = typeof value === "string" && path.endsWith("/type") && known?.has(value) === true;
    // A known type that no branch took shows no error of its own below the node: it exists in
    // Harness, but not here (a CD step in a Custom stage).
    const failedDeeper = errors.some(
      (e) =>
        (e.instancePath.startsWith(`${owner}/`) && e.instancePath !== path && !BRANCHING.has(e.keyword)) ||
        (e.instancePath === owner && e.keyword === "required"),
    );
    if (knownType && group.length > 1 && !failedDeeper && !allowed.includes(value)) {
      for (const e of errors) if (under(e.instancePath, owner)) drop.add(e);
      add.push({ ...(group[0] as ErrorObject), keyword: "x-not-here", params: { allowedValues: [...new Set(allowed)] } });
    } else if (allowed.includes(value) || knownType) {
      // A branch took this type: the others' demands (their types, their required keys) are noise.
      // The kit's schema checks the required keys of every typed node itself.
      for (const e of group) drop.add(e);
      for (const e of errors) if (e.instancePath === owner && e.keyword === "required") drop.add(e);
    } else if (group.length > 1) {
      // No branch took it: the type is the mistake, and what the branches wanted below it is moot.
      for (const e of errors) if (under(e.instancePath, owner)) drop.add(e);
      // A number or a list where every branch wants a name: its form is the mistake, not its value.
      const textOnly = typeof value !== "string" && value !== undefined && allowed.length > 0 && allowed.every((v) => typeof v === "string");
      add.push(
        textOnly
          ? { ...(group[0] as ErrorObject), keyword: "type", params: { type: "string" } }
          : { ...(group[0] as ErrorObject), keyword: "enum", params: { allowedValues: [...new Set(allowed)] } },
      );
    }
  }
  return [...errors.filter((e) => !drop.has(e)), ...add];
}

/** Harness's schema offers every node a template form: "missing template" is noise when the node has a type. */
function isTemplateNoise(e: ErrorObject, doc: unknown): boolean {
  if (e.keyword !== "required" || (e.params as { missingProperty?: string }).missingProperty !== "template") return false;
  const node = valueAt(doc, e.instancePath);
  return typeof node === "object" && node !== null && "type" in node;
}

/** `enum`/`const`, or the never-matching `not: {}` Harness's schema uses for an empty step type list. */
function isDiscriminatorError(e: ErrorObject): boolean {
  return DISCRIMINATORS.has(e.keyword) || (e.keyword === "not" && e.instancePath.endsWith("/type"));
}

/**
 * A `oneOf`/`anyOf` at one path: an error deeper down explains the failed branch better than the
 * alternatives that did not fit the value's kind; without one, the alternatives collapse into one
 * "must be X or Y" error.
 */
function settleAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const branching = errors.filter((e) => BRANCHING.has(e.keyword));
  if (branching.length === 0) return errors;
  const drop = new Set<ErrorObject>(branching);
  const add: ErrorObject[] = [];
  const paths = [...new Set(branching.map((e) => e.instancePath))].sort((a, b) => b.length - a.length);
  for (const path of paths) {
    const here = errors.filter((e) => e.instancePath === path && ALTERNATIVES.has(e.keyword) && !drop.has(e));
    const deeper = errors.some((e) => !BRANCHING.has(e.keyword) && !drop.has(e) && e.instancePath.startsWith(`${path}/`));
    for (const e of here) drop.add(e);
    if (deeper || here.length === 0) continue;
    const types = [...new Set(here.filter((e) => e.keyword === "type").flatMap((e) => [(e.params as { type: string | string[] }).type].flat()))];
    const expression = here.some((e) => e.keyword === "pattern" && String((e.params as { pattern: string }).pattern).includes("<\\+"));
    if (types.length > 0) {
      add.push({ ...(here[0] as ErrorObject), keyword: "type", params: { type: expression && !types.includes("string") ? [...types, "expression"] : types } });
    } else {
      add.push({ ...(here[0] as ErrorObject), keyword: "not", params: {} });
    }
  }
  return [...errors.filter((e) => !drop.has(e)), ...add];
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
    const twin = suggestion === undefined ? undefined : missing.get(`${parentPointer(issue.path)}\u0000${suggestion}`);
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
