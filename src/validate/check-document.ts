/**
 * Everything that can be said about one document on its own: the kit's schema (layer 1) and the
 * per-document rules (unique identifiers, durations, connector save rules). The validator runs it
 * on every file; the emulator runs it on request bodies so that it refuses what `validate` refuses.
 */
import type { EntityKind } from "../layout.js";
import { kitValidator } from "./compile.js";
import { reduceErrors } from "./reduce.js";
import { connectorRules } from "./rules/connector-rules.js";
import { referenceIdentifiers } from "./rules/reference-identifiers.js";
import type { DocumentRule, RuleContext } from "./rules/context.js";
import { secretRules } from "./rules/secret-rules.js";
import { stepNotAllowedInStage } from "./rules/step-not-allowed-in-stage.js";
import { SPEC_TYPE_POINTER, templateType } from "./rules/template-type.js";
import { timeouts } from "./rules/timeouts.js";
import { triggerRules } from "./rules/trigger-rules.js";
import { uniqueIdentifiers } from "./rules/unique-identifiers.js";
import { locate, spanOfOffsets } from "./source/locate.js";
import { parseSource, type ParsedSource } from "./source/parse.js";
import { valueAt } from "./pointer.js";
import type { Issue, PointerIssue } from "./types.js";

const RULES: Readonly<Partial<Record<EntityKind, readonly DocumentRule[]>>> = {
  pipeline: [uniqueIdentifiers, timeouts, stepNotAllowedInStage],
  connector: [connectorRules],
  trigger: [triggerRules],
  template: [uniqueIdentifiers, timeouts, stepNotAllowedInStage, templateType],
  secret: [secretRules],
};

/** A runtime input left for whoever uses the template: `<+input>`, `<+input>.default(x)`. */
const isRuntimeInput = (value: unknown): boolean => typeof value === "string" && value.trim().startsWith("<+input>");

/** Issues of one parsed document, by JSON pointer (not yet placed in a text). */
export function checkValue(kind: EntityKind, value: unknown, context: RuleContext = { lineOf: () => undefined }): PointerIssue[] {
  const validate = kitValidator(kind);
  let errors = validate(value) ? [] : (validate.errors ?? []);
  // A template may leave any value to its user as a runtime input.
  if (kind === "template") errors = errors.filter((e) => !isRuntimeInput(valueAt(value, e.instancePath)));
  let issues = errors.length === 0 ? [] : reduceErrors(errors, value);
  const ruled: PointerIssue[] = [];
  for (const rule of RULES[kind] ?? []) ruled.push(...rule(value, context));
  ruled.push(...referenceIdentifiers(kind)(value, context));
  // A step type in a Stage template is one mistake: say that, not also "unknown stage type".
  if (ruled.some((i) => i.code === "template-type-mismatch")) issues = issues.filter((i) => i.path !== SPEC_TYPE_POINTER);
  return [...issues, ...ruled];
}

export interface CheckDocumentOptions {
  /** The document's original text (YAML or JSON): issues then carry its lines and columns, and duplicate keys are found. */
  text?: string;
  /** The name issues carry in `file` (default "<document>"); a `.json` ending parses `text` as JSON. */
  file?: string;
}

/**
 * Checks one document of a known kind, e.g. a request body. Without `text`, issues carry line 0
 * and column 0 and only `path` says where. Never throws for a bad document.
 */
export function checkDocument(kind: EntityKind, doc: unknown, options: CheckDocumentOptions = {}): Issue[] {
  const file = options.file ?? "<document>";
  if (options.text === undefined) {
    return checkValue(kind, doc).map((i) => ({ file, line: 0, column: 0, severity: i.severity, code: i.code, message: i.message, path: i.path }));
  }
  const parsed = parseSource(file, options.text);
  return [...problemsOf(parsed), ...placeAll(parsed, checkValue(kind, doc, contextOf(parsed)))];
}

export function contextOf(parsed: ParsedSource): RuleContext {
  return { lineOf: (pointer) => locate(parsed, pointer, "key").line };
}

/** Places pointer issues in the parsed text. */
export function placeAll(parsed: ParsedSource, issues: readonly PointerIssue[]): Issue[] {
  return issues.map((issue) => {
    const span = locate(parsed, issue.path, issue.at ?? "value");
    return {
      file: parsed.file,
      line: span.line,
      column: span.column,
      severity: issue.severity,
      code: issue.code,
      message: issue.message,
      path: issue.path,
      endLine: span.endLine,
      endColumn: span.endColumn,
    };
  });
}

/** Syntax problems found while parsing (they have offsets, not pointers). */
export function problemsOf(parsed: ParsedSource): Issue[] {
  return parsed.problems.map((p) => {
    const span = spanOfOffsets(parsed, p.offset, p.end);
    return { file: parsed.file, line: span.line, column: span.column, severity: p.severity, code: p.code, message: p.message, path: "", endLine: span.endLine, endColumn: span.endColumn };
  });
}
