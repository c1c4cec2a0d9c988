/**
 * Entry points of validation. PLACEHOLDER with the final signatures: the validate work replaces the
 * bodies (kit schemas, official schema, cross-file rules) without changing how callers call them.
 */
import type { SourceFile, ValidateOptions, ValidationResult } from "./types.js";

/** Validates in-memory files (paths as shown to the user). Never throws for a user's mistake. */
export async function validateSources(_files: readonly SourceFile[], _options: ValidateOptions = {}): Promise<ValidationResult> {
  return { ok: true, issues: [] };
}

export interface ValidatePathsOptions extends ValidateOptions {
  cwd: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Harness's v0 pipeline schema: a file path or an https URL. */
  officialSchema?: string;
  signal?: AbortSignal;
}

/** Reads files and directories (default layout `.harness`) and validates them together. */
export async function validatePaths(
  _paths: readonly string[],
  _options: ValidatePathsOptions,
): Promise<ValidationResult & { files: SourceFile[] }> {
  return { ok: true, issues: [], files: [] };
}
