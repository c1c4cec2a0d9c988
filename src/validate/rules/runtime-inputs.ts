/**
 * Run inputs: where a pipeline asks for a value at run time (`<+input>`), and whether a set of
 * values (an input set's `pipeline:` block, a trigger's inputYaml) lands on those places. Lists
 * are matched the way Harness merges them: stages, steps and sources by identifier, variables by
 * name, `parallel` blocks looked into. Harness's save checks none of this (PR #41782); a value on a
 * fixed field is ignored or fails the run (harness-api-triggers.md §0, §4).
 */
import { isDuration } from "./timeouts.js";
import { childPointer, fromPointer, isRecord } from "../pointer.js";
import { isExpression } from "./context.js";

const RUNTIME = /^<\+input>/;

/** A runtime input that needs no value from a trigger: it has a default, or is asked during the run. */
const ANSWERED_LATER = /\.default\(|\.executionInput\(\)/;

export interface RuntimeField {
  /** Pointer into the pipeline document. */
  pointer: string;
  key: string;
  /** The `<+input>…` text itself (with its allowedValues, default, regex). */
  spec: string;
}

export type InputFinding =
  | { kind: "not-runtime"; inputPointer: string; pipelinePointer?: string }
  | { kind: "bad-value"; inputPointer: string; field: RuntimeField; expected: string }
  | { kind: "supplied"; inputPointer: string; field: RuntimeField; value: unknown };

export function isRuntimeInput(value: unknown): value is string {
  return typeof value === "string" && RUNTIME.test(value.trim());
}

/** Every runtime input of a pipeline document (`{pipeline: …}`). */
export function runtimeFields(pipelineDoc: unknown, pointer = ""): RuntimeField[] {
  const found: RuntimeField[] = [];
  const visit = (node: unknown, at: string, key: string): void => {
    if (isRuntimeInput(node)) found.push({ pointer: at, key, spec: node.trim() });
    else if (Array.isArray(node)) node.forEach((child, i) => visit(child, childPointer(at, i), String(i)));
    else if (isRecord(node)) for (const [k, child] of Object.entries(node)) visit(child, childPointer(at, k), k);
  };
  visit(pipelineDoc, pointer, "");
  return found;
}

/** The runtime inputs a trigger must answer (no default, not asked during the run). */
export function neededFields(pipelineDoc: unknown): RuntimeField[] {
  return runtimeFields(pipelineDoc).filter((f) => !ANSWERED_LATER.test(f.spec));
}

/**
 * Matches input values against a pipeline: `pipeline` is the pipeline's `pipeline:` map (at
 * `pipelinePointer` of its document), `input` the values' `pipeline:` map (at `inputPointer`).
 */
export function matchInputs(pipeline: unknown, input: unknown, pipelinePointer = "/pipeline", inputPointer = "/pipeline"): InputFinding[] {
  const findings: InputFinding[] = [];
  walk(pipeline, input, pipelinePointer, inputPointer, "pipeline", findings);
  return findings;
}

/** A field's place as Harness names it: keys and list entries by identifier or name (`pipeline.stages.deploy.spec`). */
export function fieldPath(doc: unknown, pointer: string): string {
  const names: string[] = [];
  let node = doc;
  for (const segment of fromPointer(pointer)) {
    if (Array.isArray(node)) {
      node = node[Number(segment)];
      const inner = isRecord(node) && Object.keys(node).length === 1 ? Object.values(node)[0] : node;
      const id = isRecord(inner) ? (inner.identifier ?? inner.name) : undefined;
      names.push(typeof id === "string" ? id : segment);
    } else {
      node = isRecord(node) ? node[segment] : undefined;
      if (!["stage", "step", "stepGroup", "parallel"].includes(segment)) names.push(segment);
    }
  }
  return names.join(".");
}

function walk(pipeline: unknown, input: unknown, pipelinePointer: string, inputPointer: string, key: string, out: InputFinding[]): void {
  if (isRuntimeInput(pipeline)) {
    const field: RuntimeField = { pointer: pipelinePointer, key, spec: pipeline.trim() };
    // A value left as <+input> in an input set keeps the question for the run: not an answer.
    if (isRuntimeInput(input)) return;
    const expected = misfit(field, input, pipeline);
    if (expected !== undefined) out.push({ kind: "bad-value", inputPointer, field, expected });
    else out.push({ kind: "supplied", inputPointer, field, value: input });
    return;
  }
  if (Array.isArray(pipeline) && Array.isArray(input)) {
    const index = new Map<string, { node: unknown; pointer: string }>();
    for (const entry of flatten(pipeline, pipelinePointer)) {
      const id = identity(entry.node);
      if (id !== undefined && !index.has(id)) index.set(id, entry);
    }
    for (const entry of flatten(input, inputPointer)) {
      const id = identity(entry.node);
      const match = id === undefined ? undefined : index.get(id);
      if (match === undefined) out.push({ kind: "not-runtime", inputPointer: entry.pointer });
      else walk(match.node, entry.node, match.pointer, entry.pointer, "", out);
    }
    return;
  }
  if (isRecord(pipeline) && isRecord(input)) {
    for (const [k, value] of Object.entries(input)) {
      const there = pipeline[k];
      const at = childPointer(inputPointer, k);
      // identifier, name and type say which node is meant; repeating them is how input sets are written.
      if (["identifier", "name", "type"].includes(k) && there === value) continue;
      if (there === undefined) out.push({ kind: "not-runtime", inputPointer: at });
      else walk(there, value, childPointer(pipelinePointer, k), at, k, out);
    }
    return;
  }
  out.push({ kind: "not-runtime", inputPointer, pipelinePointer });
}

/** List entries with `parallel` blocks opened (they group entries, they are not matched themselves). */
function flatten(list: readonly unknown[], pointer: string): { node: unknown; pointer: string }[] {
  const out: { node: unknown; pointer: string }[] = [];
  list.forEach((node, i) => {
    const at = childPointer(pointer, i);
    if (isRecord(node) && Array.isArray(node.parallel) && Object.keys(node).length === 1) out.push(...flatten(node.parallel, childPointer(at, "parallel")));
    else out.push({ node, pointer: at });
  });
  return out;
}

/** How Harness tells list entries apart: `stage:`/`step:` wrappers by identifier, variables by name. */
function identity(node: unknown): string | undefined {
  if (!isRecord(node)) return typeof node === "string" ? `value:${node}` : undefined;
  if (typeof node.identifier === "string") return `id:${node.identifier}`;
  if (typeof node.name === "string") return `name:${node.name}`;
  const keys = Object.keys(node);
  if (keys.length === 1) {
    const inner = identity(node[keys[0] as string]);
    return inner === undefined ? undefined : `${keys[0] as string}/${inner}`;
  }
  return undefined;
}

/** What the field expects, when `value` does not fit it. */
function misfit(field: RuntimeField, value: unknown, spec: string): string | undefined {
  if (isExpression(value)) return undefined;
  const allowed = /\.allowedValues\(([^)]*)\)/.exec(spec);
  if (allowed !== undefined && allowed !== null) {
    const choices = (allowed[1] ?? "").split(",").map((c) => c.trim());
    if (!choices.includes(String(value))) return `one of ${choices.join(", ")}`;
  }
  const regex = /\.regex\((.*)\)\s*$/.exec(spec);
  if (regex !== null) {
    try {
      if (!new RegExp(`^(?:${regex[1] ?? ""})$`).test(String(value))) return `text matching ${regex[1] ?? ""}`;
    } catch {
      // A pattern this runtime cannot read is Harness's to judge.
    }
  }
  if (field.key === "timeout" || field.key === "duration") {
    return typeof value === "string" && isDuration(value) ? undefined : "a duration such as 10m, 1h30m or 1d";
  }
  if (field.key === "build") {
    const ok = isRecord(value) && ["branch", "tag", "PR", "commitSha"].includes(String(value.type)) && isRecord(value.spec);
    return ok ? undefined : "a build map: type branch, tag, PR or commitSha, and its spec";
  }
  if (typeof value === "object" && value !== null) return "a single value, not a map or a list";
  return undefined;
}
