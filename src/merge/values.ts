/** Small helpers on plain data: equality as the merge means it, and a yaml node's data. */
import type { Document } from "yaml";
import { isNode } from "yaml";
import { ABSENT } from "./types.js";

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Deep equality of parsed data; key order does not count, list order does, null is a value. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === ABSENT || b === ABSENT) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => k in b && same(a[k], b[k]));
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return false;
}

/** The plain data of a node of `doc` (aliases resolved). */
export function dataOf(node: unknown, doc: Document): unknown {
  return isNode(node) ? node.toJS(doc) : node;
}

/** A short one-line rendering of a value for messages: scalars as they are, the rest as compact JSON. */
export function showValue(value: unknown): string {
  if (value === ABSENT || value === undefined) return "(absent)";
  if (typeof value === "string") return value === "" ? '""' : value;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
