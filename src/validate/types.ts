/** The data validation produces: issues located in the original text, never exceptions. */
import type { ErrorObject } from "ajv";

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
  /** Stable rule code, e.g. "identifier-pattern", "unknown-step-type", "ref-not-found" (see codes.ts). */
  code: string;
  message: string;
  /** JSON pointer into the parsed document ("" for the whole document). */
  path: string;
  /** Where the offending node ends (1-based, exclusive column), when known: for carets and SARIF regions. */
  endLine?: number;
  endColumn?: number;
}

/** An issue known by its place in the document only, before it is located in a text. */
export interface PointerIssue {
  path: string;
  severity: Severity;
  code: string;
  message: string;
  /** Point at the key (for a missing or unknown key) or at the value (for a bad value). Default: value. */
  at?: "key" | "value";
}

export interface ValidationResult {
  ok: boolean;
  issues: Issue[];
}

/** Harness's official pipeline schema, loaded and compiled (see ./official/). */
export interface OfficialSchema {
  sha256: string;
  validate(doc: unknown): ErrorObject[];
}

export interface ValidateOptions {
  /** Every warning (e.g. a reference not found locally) becomes an error. */
  strict?: boolean;
  /** Also check pipelines against Harness's official schema (layer 2). */
  official?: OfficialSchema;
}
