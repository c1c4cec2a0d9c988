/**
 * Durations in a pipeline (`timeout`, a Wait step's `duration`, retry intervals): Harness takes a
 * number and a unit, repeated (`30s`, `10m`, `1h30m`, `1d 2h`), or a runtime input/expression.
 */
import { fieldLabel } from "../labels.js";
import { words } from "../messages.js";
import type { PointerIssue } from "../types.js";
import { isExpression, type DocumentRule } from "./context.js";
import { walkValues } from "./walk.js";

const DURATION = /^(\d+(ms|[smhdw])\s*)+$/;

/** True for a duration Harness accepts (at least one unit, not all zero). */
export function isDuration(value: string): boolean {
  const text = value.trim();
  return DURATION.test(text) && /[1-9]/.test(text);
}

export const timeouts: DocumentRule = (doc) => {
  const issues: PointerIssue[] = [];
  for (const { key, value, pointer, parent } of walkValues(doc)) {
    const isDurationField = key === "timeout" || key === "duration" || (Array.isArray(parent) && pointer.includes("/retryIntervals/"));
    if (!isDurationField || typeof value !== "string" || isExpression(value) || isDuration(value)) continue;
    issues.push({ path: pointer, severity: "error", code: "timeout-syntax", message: words.badTimeout(fieldLabel(pointer), value) });
  }
  return issues;
};
