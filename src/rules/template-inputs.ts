/**
 * `templateInputs` against a template's runtime-input skeleton (what Harness derives by keeping
 * only the `<+input>` leaves of the template's spec): every runtime input supplied, nothing else
 * set, maps where the template has maps and lists where it has lists. List entries are matched by
 * identifier (a step's, a stage's) and else by position, as Harness merges them. Shared by the
 * validator and the emulator.
 */

export type InputProblemKind = "missing" | "unknown" | "wrong-type";

export interface InputProblem {
  kind: InputProblemKind;
  /** Path inside the template's spec (and so inside templateInputs). */
  path: (string | number)[];
  /** For "wrong-type": what the template has there. */
  expected?: "a map" | "a list";
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `<+input>`, also with modifiers such as `.default(x)` or `.allowedValues(a,b)`. */
export function isRuntimeInput(value: unknown): boolean {
  return typeof value === "string" && value.trim().startsWith("<+input>");
}

export function hasRuntimeInputs(value: unknown): boolean {
  if (isRuntimeInput(value)) return true;
  if (Array.isArray(value)) return value.some(hasRuntimeInputs);
  if (isRecord(value)) return Object.values(value).some(hasRuntimeInputs);
  return false;
}

/** Keys the skeleton keeps beside the inputs so entries can be told apart; echoing them is fine. */
const ECHO_KEYS: ReadonlySet<string> = new Set(["type", "identifier"]);

export function matchTemplateInputs(spec: unknown, inputs: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  compare(spec, inputs, [], problems);
  return problems;
}

function compare(template: unknown, given: unknown, path: (string | number)[], out: InputProblem[]): void {
  if (isRuntimeInput(template)) {
    if (given === undefined || given === null) out.push({ kind: "missing", path });
    return;
  }
  if (given === undefined) {
    if (isRecord(template)) for (const [key, child] of Object.entries(template)) compare(child, undefined, [...path, key], out);
    else if (Array.isArray(template)) template.forEach((child, i) => compare(child, undefined, [...path, i], out));
    return;
  }
  if (isRecord(template)) {
    if (!isRecord(given)) return void out.push({ kind: "wrong-type", path, expected: "a map" });
    for (const [key, child] of Object.entries(template)) compare(child, given[key], [...path, key], out);
    for (const key of Object.keys(given)) if (!(key in template)) out.push({ kind: "unknown", path: [...path, key] });
    return;
  }
  if (Array.isArray(template)) {
    if (!Array.isArray(given)) return void out.push({ kind: "wrong-type", path, expected: "a list" });
    compareLists(template, given, path, out);
    return;
  }
  const key = path.at(-1);
  if (typeof key === "string" && ECHO_KEYS.has(key) && given === template) return;
  out.push({ kind: "unknown", path });
}

/** An entry's identifier: its own, or that of the one node it holds (`- step: {identifier}`). */
function entryId(entry: unknown): string | undefined {
  if (!isRecord(entry)) return undefined;
  if (typeof entry.identifier === "string") return entry.identifier;
  const values = Object.values(entry);
  const only = values.length === 1 ? values[0] : undefined;
  return isRecord(only) && typeof only.identifier === "string" ? only.identifier : undefined;
}

function compareLists(template: unknown[], given: unknown[], path: (string | number)[], out: InputProblem[]): void {
  const used = new Set<number>();
  template.forEach((entry, i) => {
    const id = entryId(entry);
    let at = id === undefined ? -1 : given.findIndex((g) => entryId(g) === id);
    if (at < 0 && id === undefined && i < given.length) at = i;
    if (at >= 0) used.add(at);
    // Only entries holding inputs belong in templateInputs; others may be left out.
    if (at < 0 && !hasRuntimeInputs(entry)) return;
    compare(entry, at < 0 ? undefined : given[at], [...path, at < 0 ? i : at], out);
  });
  given.forEach((_, i) => {
    if (!used.has(i)) out.push({ kind: "unknown", path: [...path, i] });
  });
}
