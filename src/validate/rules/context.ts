/** What a per-document rule gets besides the document: a way to cite other places by line. */
import type { PointerIssue } from "../types.js";

export interface RuleContext {
  /** Line of the node at a pointer, when the document came with its text. */
  lineOf(pointer: string): number | undefined;
}

export type DocumentRule = (doc: unknown, context: RuleContext) => PointerIssue[];

/** A value the kit must not judge: a runtime input or expression, resolved by Harness later. */
export function isExpression(value: unknown): boolean {
  return typeof value === "string" && value.includes("<+");
}
