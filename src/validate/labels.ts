/**
 * How messages name a place in a document: `step "build"`, `stage identifier`, `auth of connector
 * "dockerhub"`. Derived from the JSON pointer and the document, so every schema gets it for free.
 */
import { fromPointer, isRecord, toPointer, valueAt } from "./pointer.js";

/** Keys that hold a Harness node (something with its own identifier), and how messages call it. */
const NODE_WORDS: Readonly<Record<string, string>> = {
  pipeline: "pipeline",
  stage: "stage",
  step: "step",
  stepGroup: "step group",
  connector: "connector",
  project: "project",
  service: "service",
  environment: "environment",
  infrastructureDefinition: "infrastructure",
  manifest: "manifest",
  trigger: "trigger",
  inputSet: "input set",
  overlayInputSet: "overlay input set",
  template: "template",
};

function nodeWord(segment: string | undefined): string | undefined {
  return segment === undefined ? undefined : NODE_WORDS[segment];
}

function named(word: string, value: unknown): string {
  const id = isRecord(value) ? value.identifier : undefined;
  return typeof id === "string" && id !== "" ? `${word} "${id}"` : word;
}

/** The object at `pointer`, in words. */
export function objectLabel(doc: unknown, pointer: string): string {
  const segments = fromPointer(pointer);
  if (segments.length === 0) return "the document";
  const last = segments.at(-1) as string;
  const word = nodeWord(last);
  if (word !== undefined) return named(word, valueAt(doc, pointer));
  const before = segments.at(-2);
  let own = last;
  if (/^\d+$/.test(last)) own = `${before ?? "list"} entry ${Number(last) + 1}`;
  else if (last === "spec" && before !== undefined && nodeWord(before) === undefined && !/^\d+$/.test(before)) own = `${before} spec`;
  const owner = ownerLabel(doc, segments.slice(0, -1));
  return owner === undefined ? own : `${own} of ${owner}`;
}

/** A field of an object: `step identifier` for a node's own fields, else the key itself. */
export function fieldLabel(pointer: string): string {
  const segments = fromPointer(pointer);
  const key = segments.at(-1) ?? "value";
  const word = nodeWord(segments.at(-2));
  if (word !== undefined && (key === "identifier" || key === "name" || key === "type")) return `${word} ${key}`;
  if (/^\d+$/.test(key)) return `${segments.at(-2) ?? "list"} entry ${Number(key) + 1}`;
  return key;
}

/** The closest enclosing node (`step "build"`), if any. */
export function ownerLabel(doc: unknown, segments: readonly string[]): string | undefined {
  for (let i = segments.length; i > 0; i--) {
    const word = nodeWord(segments[i - 1]);
    if (word !== undefined) return named(word, valueAt(doc, toPointer(segments.slice(0, i))));
  }
  return undefined;
}

/** A value as a message quotes it: text in quotes, short; others by their kind. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return `${typeof value === "number" ? "the number" : ""} ${String(value)}`.trim();
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: "a map",
  array: "a list",
  string: "text",
  boolean: "true or false",
  integer: "a whole number",
  number: "a number",
  null: "nothing",
  expression: "an expression such as <+input>",
};

export function typeWords(types: string | readonly string[]): string {
  const list = (Array.isArray(types) ? types : [types]).map((t: string) => TYPE_WORDS[t] ?? t);
  return list.length <= 1 ? (list[0] ?? "a value") : `${list.slice(0, -1).join(", ")} or ${list.at(-1)}`;
}
