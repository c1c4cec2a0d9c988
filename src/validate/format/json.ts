/** The JSON report: exactly `{ ok, issues: [{ file, line, column, severity, code, message, path }] }`. */
import type { ValidationResult } from "../types.js";

export function formatJson(result: ValidationResult): string {
  const issues = result.issues.map(({ file, line, column, severity, code, message, path }) => ({ file, line, column, severity, code, message, path }));
  return `${JSON.stringify({ ok: result.ok, issues }, null, 2)}\n`;
}
