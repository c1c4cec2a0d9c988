/**
 * SARIF 2.1.0, the format GitHub code scanning reads: one run, one rule per issue code, one result
 * per issue with its region. Upload with github/codeql-action/upload-sarif.
 */
import { ISSUE_CODES } from "../codes.js";
import type { ValidationResult } from "../types.js";

export interface SarifOptions {
  toolVersion: string;
}

export function formatSarif(result: ValidationResult, options: SarifOptions): string {
  const codes = [...new Set(result.issues.map((i) => i.code))].sort();
  const rules = codes.map((code) => ({
    id: code,
    name: code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: ISSUE_CODES[code] ?? code },
  }));
  const results = result.issues.map((issue) => ({
    ruleId: issue.code,
    ruleIndex: codes.indexOf(issue.code),
    level: issue.severity,
    message: { text: issue.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(issue.file), uriBaseId: "%SRCROOT%" },
          region: {
            startLine: Math.max(1, issue.line),
            startColumn: Math.max(1, issue.column),
            ...(issue.endLine !== undefined && issue.endColumn !== undefined && issue.endLine >= issue.line
              ? { endLine: issue.endLine, endColumn: Math.max(issue.endColumn, issue.endLine === issue.line ? issue.column + 1 : 1) }
              : {}),
          },
        },
        logicalLocations: issue.path === "" ? undefined : [{ fullyQualifiedName: issue.path, kind: "object" }],
      },
    ],
  }));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "harness-scaffold", version: options.toolVersion, rules } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
