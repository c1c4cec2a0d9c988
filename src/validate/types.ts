/** The data validation produces: issues located in the original text, never exceptions. */

/** A file to validate: its path as shown to the user, and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

export type Severity = "error" | "warning";

export interface Issue {
  file: string;
  /** 1-based line and column of the offending key or value in the original text. */
  line: number;
  column: number;
  severity: Severity;
  /** Stable rule code, e.g. "identifier-pattern", "unknown-step-type", "ref-not-found". */
  code: string;
  message: string;
  /** JSON pointer into the parsed document ("" for the whole document). */
  path: string;
}

export interface ValidationResult {
  ok: boolean;
  issues: Issue[];
}

export interface ValidateOptions {
  /** Unresolved references become errors instead of warnings. */
  strict?: boolean;
}
