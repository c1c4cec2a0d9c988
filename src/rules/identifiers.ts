/**
 * Harness's identifier and name rules, shared by the answer prompts, the validator and the
 * emulator so all three accept and refuse exactly the same strings.
 * Facts: shared/harness-api.md §5 (pipeline schema patterns, EntityIdentifierValidator keywords).
 */

/** Pipeline/service/environment/infrastructure schemas: no `$` (stricter than the server). */
export const IDENTIFIER_PATTERN = /^[a-zA-Z_][0-9a-zA-Z_]{0,127}$/;
/** Connector schema and the server's own validator also allow `$` after the first character. */
export const CONNECTOR_IDENTIFIER_PATTERN = /^[a-zA-Z_][0-9a-zA-Z_$]{0,127}$/;
export const NAME_PATTERN = /^[a-zA-Z_0-9-.][-0-9a-zA-Z_\s.]{0,127}$/;
/**
 * A template's name: Harness's template service is stricter than the editor schema above (no
 * leading digit, "-" or ".", no "." anywhere) (shared/harness-api-templates.md §7).
 */
export const TEMPLATE_NAME_PATTERN = /^[a-zA-Z_][-0-9a-zA-Z_\s]{0,127}$/;
/**
 * A template's versionLabel: what both Harness's server (no whitespace, 64 characters) and its
 * editor schema (no "/" or "&") accept (shared/harness-api-templates.md §7).
 */
export const VERSION_LABEL_PATTERN = /^[0-9a-zA-Z][^\s/&]{0,63}$/;
export const IDENTIFIER_MAX_LENGTH = 128;
export const NAME_MAX_LENGTH = 128;
/**
 * Names Harness checks as request fields (`@NGEntityName`: projects, organizations, connectors,
 * secrets) default to 64 characters; YAML entities follow their schema's 128 (harness-api.md §5).
 */
export const ENTITY_NAME_MAX_LENGTH = 64;
/**
 * Identifiers we derive stay within 64 characters: older Harness code capped identifiers there
 * (the current limit, 128, is not confirmed for every account).
 */
export const DERIVED_IDENTIFIER_MAX_LENGTH = 64;
export const DESCRIPTION_MAX_LENGTH = 1024;

/** Words Harness rejects as identifiers with "<id> is a keyword, so cannot be used". */
export const RESERVED_IDENTIFIERS: ReadonlySet<string> = new Set([
  "or", "and", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "not", "null", "true", "false",
  "new", "var", "return", "step", "parallel", "stepGroup", "org", "account", "class",
  "shellScriptProvisioner", "status", "liteEngineTask",
]);

export type RuleProblem =
  | { rule: "empty" }
  | { rule: "too-long"; max: number }
  | { rule: "pattern" }
  | { rule: "reserved" };

/**
 * `maxLength` lowers the limit below the pattern's 128 (the emulator's `identifierMaxLength`:
 * older Harness code capped identifiers at 64); the kit's own checks keep the default.
 */
export function checkIdentifier(value: string, options: { allowDollar?: boolean; maxLength?: number } = {}): RuleProblem | undefined {
  if (value.trim() === "") return { rule: "empty" };
  const max = options.maxLength ?? IDENTIFIER_MAX_LENGTH;
  if (value.length > max) return { rule: "too-long", max };
  const pattern = options.allowDollar ? CONNECTOR_IDENTIFIER_PATTERN : IDENTIFIER_PATTERN;
  if (!pattern.test(value)) return { rule: "pattern" };
  if (RESERVED_IDENTIFIERS.has(value)) return { rule: "reserved" };
  return undefined;
}

/** Which name rule applies: a YAML entity's (the default), a request field's, or a template's. */
export type NameRule = "yaml" | "entity" | "template";

export function checkName(value: string, rule: NameRule = "yaml"): RuleProblem | undefined {
  if (value.trim() === "") return { rule: "empty" };
  const max = rule === "entity" ? ENTITY_NAME_MAX_LENGTH : NAME_MAX_LENGTH;
  if (value.length > max) return { rule: "too-long", max };
  if (!(rule === "template" ? TEMPLATE_NAME_PATTERN : NAME_PATTERN).test(value)) return { rule: "pattern" };
  return undefined;
}

export function checkVersionLabel(value: string): RuleProblem | undefined {
  if (value.trim() === "") return { rule: "empty" };
  if (value.length > 64) return { rule: "too-long", max: 64 };
  if (!VERSION_LABEL_PATTERN.test(value)) return { rule: "pattern" };
  return undefined;
}

export function describeVersionLabelProblem(what: string, value: string, problem: RuleProblem): string {
  return describeProblem(what, value, problem, 'must start with a letter or digit and may not contain spaces, "/" or "&"');
}

/** One sentence for an identifier problem, worded as Harness would, so users recognise it. */
export function describeIdentifierProblem(what: string, value: string, problem: RuleProblem): string {
  return describeProblem(what, value, problem, "may only contain letters, digits and _, and must not start with a digit");
}

export function describeNameProblem(what: string, value: string, problem: RuleProblem, rule: NameRule = "yaml"): string {
  const allowed = rule === "template"
    ? 'must start with a letter or "_" and may only contain letters, digits, spaces, "-" and "_" (a template name has no ".")'
    : 'may only contain letters, digits, spaces, "-", "_" and "."';
  return describeProblem(what, value, problem, allowed);
}

function describeProblem(what: string, value: string, problem: RuleProblem, allowed: string): string {
  switch (problem.rule) {
    case "empty":
      return `${what} cannot be empty`;
    case "too-long":
      return `${what} "${truncate(value)}" is ${value.length} characters; the limit is ${problem.max}`;
    case "pattern":
      return `${what} "${truncate(value)}" ${allowed}`;
    case "reserved":
      return `${what} "${value}" is a keyword, so cannot be used`;
  }
}

/**
 * Derives an identifier from a display name: `payments-api` → `payments_api`, `2fa svc` → `_2fa_svc`.
 * Returns undefined when nothing usable is left (e.g. a name made only of punctuation).
 */
export function identifierFromName(name: string): string | undefined {
  let id = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .replace(/[^0-9a-zA-Z_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (id === "") return undefined;
  if (/^[0-9]/.test(id)) id = `_${id}`;
  id = id.slice(0, DERIVED_IDENTIFIER_MAX_LENGTH);
  if (RESERVED_IDENTIFIERS.has(id)) id = `${id}_`;
  return id;
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
}
