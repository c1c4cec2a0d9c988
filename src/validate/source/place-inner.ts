/**
 * Places an issue found inside YAML that a string field holds (a trigger's `inputYaml: |` block)
 * at its line in the file: a block scalar's lines are the file's lines, shifted by the block's
 * indentation. Other string styles (quoted, folded) cannot be mapped line by line; the issue then
 * points at the field.
 */
import { isScalar, LineCounter, parseDocument, Scalar } from "yaml";
import type { FileIssue } from "../rules/cross-file.js";
import type { Issue } from "../types.js";
import { fromPointer } from "../pointer.js";
import { locate, spanOfOffsets } from "./locate.js";
import type { ParsedSource } from "./parse.js";

export function placeInner(parsed: ParsedSource, issue: FileIssue): Issue {
  const outer = locate(parsed, issue.path, "value");
  const base: Issue = {
    file: parsed.file,
    line: outer.line,
    column: outer.column,
    endLine: outer.endLine,
    endColumn: outer.endColumn,
    severity: issue.severity,
    code: issue.code,
    message: issue.message,
    path: issue.path,
  };
  const node = parsed.document?.getIn(fromPointer(issue.path), true);
  if (!isScalar(node) || node.type !== Scalar.BLOCK_LITERAL || typeof node.value !== "string" || node.range === undefined || node.range === null) return base;
  const headerLine = spanOfOffsets(parsed, node.range[0]).line;
  const indent = blockIndent(parsed.text, node.range[0]);
  if (indent === undefined) return base;
  const lineCounter = new LineCounter();
  const inner = parseDocument(node.value, { lineCounter });
  const span = locate({ document: inner, lineCounter }, issue.innerPath ?? "", "value");
  return {
    ...base,
    line: headerLine + span.line,
    column: indent + span.column,
    endLine: headerLine + span.endLine,
    endColumn: indent + span.endColumn,
    path: `${issue.path}${issue.innerPath ?? ""}`,
  };
}

/** Indentation of the first non-empty line after the block header at `offset`. */
function blockIndent(text: string, offset: number): number | undefined {
  const lines = text.slice(offset).split("\n").slice(1);
  const first = lines.find((line) => line.trim() !== "");
  return first === undefined ? undefined : first.length - first.trimStart().length;
}
