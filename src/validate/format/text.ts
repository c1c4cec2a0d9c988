/**
 * The text report: `file:line:col severity code message`, then the source line with a caret
 * under the spot (eemeli/yaml's prettyErrors is the model), then a one-line summary.
 */
import type { Issue, SourceFile, ValidationResult } from "../types.js";

export interface TextFormatOptions {
  /** Sources of the files, to quote the offending line (files not given print without a quote). */
  files?: readonly SourceFile[];
}

export function formatText(result: ValidationResult, options: TextFormatOptions = {}): string {
  const texts = new Map((options.files ?? []).map((file) => [file.path, file.text]));
  // Split (and masked) only when an issue quotes the file: a clean run touches no text.
  const lines = new Map<string, string[]>();
  const linesOf = (path: string): string[] | undefined => {
    const text = texts.get(path);
    if (text === undefined) return undefined;
    let split = lines.get(path);
    if (split === undefined) lines.set(path, (split = maskSecretValues(text).split(/\r?\n/)));
    return split;
  };
  const out: string[] = [];
  for (const issue of result.issues) {
    out.push(`${issue.file}:${issue.line}:${issue.column} ${issue.severity} ${issue.code} ${issue.message}`);
    const source = linesOf(issue.file)?.[issue.line - 1];
    if (source !== undefined && issue.line > 0) out.push(...quote(source, issue));
  }
  out.push(summary(result, options.files?.length));
  return `${out.join("\n")}\n`;
}

function quote(source: string, issue: Issue): string[] {
  const gutter = String(issue.line);
  const shown = source.replace(/\t/g, " ");
  const width = issue.endLine === issue.line && issue.endColumn !== undefined ? Math.max(1, issue.endColumn - issue.column) : 1;
  const caret = `${" ".repeat(Math.max(0, issue.column - 1))}${"^".repeat(Math.min(width, Math.max(1, shown.length - issue.column + 1)))}`;
  return [`  ${gutter} | ${shown.length > 160 ? `${shown.slice(0, 157)}...` : shown}`, `  ${" ".repeat(gutter.length)} | ${caret}`];
}

/**
 * A secret file must hold no value; if one does anyway, its line is quoted without the value, so
 * the report that tells the user to remove it does not print it.
 */
function maskSecretValues(text: string): string {
  if (!/^\s*["']?secret["']?\s*:/m.test(text)) return text;
  return text.replace(/^(\s*["']?value["']?\s*:\s*)(\S.*)$/gm, (_, key: string) => `${key}[redacted]`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function summary(result: ValidationResult, fileCount?: number): string {
  const errors = result.issues.filter((i) => i.severity === "error").length;
  const warnings = result.issues.length - errors;
  const files = fileCount === undefined ? "" : ` in ${plural(fileCount, "file")}`;
  if (result.issues.length === 0) return `no problems found${files}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}${files}`;
}
