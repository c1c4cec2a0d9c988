/** One entry point for the three report formats. */
import type { SourceFile, ValidationResult } from "../types.js";
import { formatJson } from "./json.js";
import { formatSarif } from "./sarif.js";
import { formatText } from "./text.js";

export type ReportFormat = "text" | "json" | "sarif";
export const REPORT_FORMATS: readonly ReportFormat[] = ["text", "json", "sarif"];

export interface FormatOptions {
  /** Sources, for the text format's quoted lines. */
  files?: readonly SourceFile[];
  /** Version written into SARIF's tool section. */
  toolVersion?: string;
}

/** Renders a validation result as text (with source lines and carets), JSON or SARIF 2.1.0. */
export function formatIssues(result: ValidationResult, format: ReportFormat = "text", options: FormatOptions = {}): string {
  switch (format) {
    case "json":
      return formatJson(result);
    case "sarif":
      return formatSarif(result, { toolVersion: options.toolVersion ?? "0.0.0" });
    case "text":
      return formatText(result, { files: options.files });
  }
}
