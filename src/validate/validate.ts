/**
 * Entry points of validation: in-memory files (`validateSources`) or paths on disk
 * (`validatePaths`). Both return issues as data, sorted by file and position; neither throws for
 * a mistake in the files.
 */
import { DEFAULT_OUT_DIR } from "../layout.js";
import { checkValue, contextOf, placeAll, problemsOf } from "./check-document.js";
import { placeInner } from "./source/place-inner.js";
import { loadOfficial, officialIssues, officialTemplateIssues } from "./official-layer.js";
import { toEntity, type Entity, type SetRule } from "./rules/cross-file.js";
import { references } from "./rules/references.js";
import { runInputs } from "./rules/run-inputs.js";
import { duplicateEntities, projectScope } from "./rules/scope.js";
import { stableTwice, templateLinks } from "./rules/template-links.js";
import { templatePlace } from "./rules/template-place.js";
import { detectKind } from "./source/kind.js";
import { layoutContext } from "./source/layout-context.js";
import { parseSource, type ParsedSource } from "./source/parse.js";
import { readPaths } from "./source/read-paths.js";
import type { Issue, SourceFile, ValidateOptions, ValidationResult } from "./types.js";

const SET_RULES: readonly SetRule[] = [duplicateEntities, projectScope, references, runInputs, templateLinks, stableTwice, templatePlace];

export interface ValidateSourcesOptions extends ValidateOptions {
  /** Files that only help resolve references (e.g. the rest of a layout); their own issues are not reported. */
  context?: readonly SourceFile[];
  /** Files whose kind cannot be told are errors when listed here (named by the user), warnings otherwise. */
  explicit?: ReadonlySet<string>;
}

/** Validates in-memory files (paths as shown to the user). Never throws for a user's mistake. */
export async function validateSources(files: readonly SourceFile[], options: ValidateSourcesOptions = {}): Promise<ValidationResult> {
  const issues: Issue[] = [];
  const parsedByFile = new Map<string, ParsedSource>();
  const entities: Entity[] = [];
  const reported = new Set(files.map((f) => f.path));
  for (const source of [...files, ...(options.context ?? []).filter((f) => !reported.has(f.path))]) {
    const parsed = parseSource(source.path, source.text);
    parsedByFile.set(source.path, parsed);
    const own: Issue[] = [...problemsOf(parsed)];
    if (parsed.value !== undefined) {
      const { kind, issues: kindIssues } = detectKind(source.path, parsed.value);
      const unknownIsWarning = options.explicit !== undefined && !options.explicit.has(source.path);
      own.push(...placeAll(parsed, kindIssues.map((i) => (i.code === "unknown-kind" && unknownIsWarning ? { ...i, severity: "warning" as const } : i))));
      if (kind !== undefined) {
        const kitIssues = placeAll(parsed, checkValue(kind, parsed.value, contextOf(parsed)));
        own.push(...kitIssues);
        if (kind === "pipeline" && options.official) own.push(...withoutRepeats(placeAll(parsed, officialIssues(options.official, parsed.value)), kitIssues));
        if (kind === "template" && options.official) own.push(...withoutRepeats(placeAll(parsed, officialTemplateIssues(options.official, parsed.value)), kitIssues));
        entities.push(toEntity(source.path, kind, parsed.value));
      }
    }
    if (reported.has(source.path)) issues.push(...own);
  }
  for (const rule of SET_RULES) {
    for (const found of rule(entities)) {
      const parsed = parsedByFile.get(found.file);
      if (parsed && reported.has(found.file)) issues.push(found.innerPath === undefined ? placeAll(parsed, [found])[0] as Issue : placeInner(parsed, found));
    }
  }
  return finish(issues, options.strict === true);
}

export interface ValidatePathsOptions extends ValidateOptions {
  cwd: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Harness's v0 pipeline schema: a file path or an https URL. */
  officialSchema?: string;
  /** Where a downloaded or compiled official schema is cached (default: the official loader's choice). */
  cacheDir?: string;
  signal?: AbortSignal;
}

/** Reads files and directories (default layout `.harness`) and validates them together. */
export async function validatePaths(
  paths: readonly string[],
  options: ValidatePathsOptions,
): Promise<ValidationResult & { files: SourceFile[] }> {
  const wanted = paths.length > 0 ? paths : [DEFAULT_OUT_DIR];
  const read = await readPaths(wanted, options.cwd, options.signal);
  const official =
    options.officialSchema === undefined
      ? options.official
      : await loadOfficial(options.officialSchema, { cwd: options.cwd, cacheDir: options.cacheDir, env: options.env, signal: options.signal });
  const context = await layoutContext(read, options.cwd, options.signal);
  const result = await validateSources(read.files, { ...options, official, context, explicit: read.explicit });
  const all = finish([...read.issues, ...result.issues], options.strict === true);
  return { ...all, files: read.files };
}

/** The official schema repeats many of the kit's findings: keep only what it adds. */
function withoutRepeats(official: Issue[], kit: readonly Issue[]): Issue[] {
  return official.filter((o) => !kit.some((k) => k.path === o.path || o.path.startsWith(`${k.path}/`) || (k.line === o.line && k.column === o.column)));
}

function finish(issues: Issue[], strict: boolean): ValidationResult {
  const final = strict ? issues.map((i) => (i.severity === "warning" ? { ...i, severity: "error" as const } : i)) : issues;
  final.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return { ok: !final.some((i) => i.severity === "error"), issues: final };
}
