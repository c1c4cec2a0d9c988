/**
 * One Ajv error in words: which rule (a stable code), where (JSON pointer, key or value) and what
 * to do. Works on errors from the kit's schemas (which carry `x-*` hints, see schemas/common.ts)
 * and from Harness's official schema (which does not).
 */
import type { ErrorObject } from "ajv";
import type { NameRule } from "../rules/identifiers.js";
import { checkIdentifier, checkName, checkVersionLabel, describeIdentifierProblem, describeNameProblem, describeVersionLabelProblem } from "../rules/identifiers.js";
import { closest } from "../util/suggest.js";
import { fieldLabel, objectLabel, typeWords } from "./labels.js";
import { words } from "./messages.js";
import { ENTRY_OF } from "./schemas/common.js";
import { childPointer, isRecord, valueAt } from "./pointer.js";
import type { PointerIssue } from "./types.js";

type AnySchema = Record<string, unknown>;

const TYPE_CODES: Readonly<Record<string, string>> = {
  "step type": "unknown-step-type",
  "stage type": "unknown-stage-type",
  "connector type": "unknown-connector-type",
};

export function describeError(error: ErrorObject, doc: unknown): PointerIssue | undefined {
  const path = error.instancePath;
  // Verbose errors carry the value; the official validator's do not, so read it from the document.
  const data: unknown = "data" in error ? error.data : valueAt(doc, path);
  const parent: AnySchema = isRecord(error.parentSchema) ? error.parentSchema : {};
  const params = error.params as Record<string, unknown>;
  const label = typeof parent["x-label"] === "string" ? parent["x-label"] : fieldLabel(path);
  const expected = typeof parent["x-expected"] === "string" ? parent["x-expected"] : undefined;
  const issue = (code: string, message: string, at: "key" | "value" = "value", target = path): PointerIssue => ({
    path: target,
    severity: "error",
    code,
    message,
    at,
  });
  switch (error.keyword) {
    case "required":
      return issue("missing-key", words.missingKey(objectLabel(doc, path), String(params.missingProperty)), "key");
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const known = isRecord(parent.properties) ? Object.keys(parent.properties) : [];
      const severity = parent["x-unknown"] === "error" ? "error" : "warning";
      const message = words.unknownKey(key, objectLabel(doc, path), closest(key, known));
      return { ...issue("unknown-key", message, "key", childPointer(path, key)), severity };
    }
    case "enum":
    case "const": {
      const allowed = (error.keyword === "enum" ? (params.allowedValues as unknown[]) : [params.allowedValue]).map(String);
      const suggestion = typeof data === "string" ? closest(data, allowed) : undefined;
      const code = TYPE_CODES[label];
      if (code !== undefined || label.endsWith(" type")) return issue(code ?? "unknown-type", words.unknownType(label, data, suggestion));
      return issue("invalid-value", words.notOneOf(label, data, allowed, suggestion));
    }
    case "x-not-here":
      return issue("invalid-value", words.notHere(label, data, stageTypeAround(doc, path)));
    case "format":
      return describeFormat(String(params.format), label, data, expected, issue);
    case "type":
      // A map or list given where a value belongs starts on the next line: point at its key.
      return issue("wrong-type", words.wrongType(label, expected ?? typeWords(params.type as string | string[]), data), isRecord(data) || Array.isArray(data) ? "key" : "value");
    case "pattern": {
      // Harness's schema writes identifier and name rules as patterns: say which rule, as the kit does.
      const key = path.slice(path.lastIndexOf("/") + 1);
      if (typeof data === "string" && (key === "identifier" || key === "name")) return describeFormat(key === "name" ? "kit-name" : "kit-identifier", label, data, expected, issue);
      if (typeof data === "string" && key === "timeout") return issue("timeout-syntax", words.badTimeout(label, data));
      return issue("invalid-format", words.badFormat(label, data, expected ?? `text matching ${String(params.pattern)}`));
    }
    case "minLength":
      return issue("empty-value", words.empty(label));
    case "maxLength":
      return issue("too-long", words.tooLong(label, Number(params.limit)));
    case "minItems":
      return issue("too-few-items", words.tooFewItems(label, Number(params.limit)));
    case "maxItems":
      return issue("too-many-items", words.tooManyItems(label, Number(params.limit)));
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return issue("out-of-range", words.outOfRange(label, String(params.comparison), Number(params.limit)));
    case "minProperties":
      return issue("invalid-entry", words.emptyEntry(objectLabel(doc, path), expected ?? "a map with keys"));
    case "maxProperties":
      return issue("invalid-entry", words.crowdedEntry(objectLabel(doc, path), isRecord(data) ? Object.keys(data) : [], expected ?? "fewer keys"), "key");
    case ENTRY_OF: {
      const present = params.present as string[];
      const owner = objectLabel(doc, path);
      if (present.length > 1) return issue("invalid-entry", words.crowdedEntry(owner, present, expected ?? "one key"), "key");
      if (isRecord(data) && Object.keys(data).length > 0) return issue("invalid-entry", words.entryWithout(owner, expected ?? "one key"), "key");
      return issue("invalid-entry", words.emptyEntry(owner, expected ?? "a map with keys"));
    }
    case "x-one-key-of": {
      const present = params.present as string[];
      const owner = objectLabel(doc, path);
      return present.length === 0
        ? issue("missing-key", words.needsOneKey(owner, params.keys as string[]), "key")
        : issue("conflicting-keys", words.tooManyKeys(owner, present), "key", childPointer(path, present[1] ?? ""));
    }
    case "not":
      return issue("invalid-value", words.noMatch(label, data));
    default:
      return issue("schema", `${label} ${error.message ?? "is not valid"}`);
  }
}

const NAME_FORMATS: Readonly<Record<string, NameRule>> = { "kit-name": "yaml", "kit-entity-name": "entity", "kit-template-name": "template" };

function describeFormat(
  format: string,
  label: string,
  value: unknown,
  expected: string | undefined,
  issue: (code: string, message: string) => PointerIssue,
): PointerIssue {
  const text = String(value);
  if (format === "kit-identifier" || format === "kit-connector-identifier") {
    const problem = checkIdentifier(text, { allowDollar: format === "kit-connector-identifier" });
    if (problem) return issue(`identifier-${problem.rule}`, describeIdentifierProblem(label, text, problem));
  }
  const nameRule = NAME_FORMATS[format];
  if (nameRule !== undefined) {
    const problem = checkName(text, nameRule);
    if (problem) return issue(`name-${problem.rule}`, describeNameProblem(label, text, problem, nameRule));
  }
  if (format === "kit-version-label") {
    const problem = checkVersionLabel(text);
    if (problem) return issue("version-label-invalid", describeVersionLabelProblem(label, text, problem));
  }
  return issue("invalid-format", words.badFormat(label, value, expected ?? format));
}

/** The type of the stage a step sits in, for "cannot be used in a Custom stage". */
function stageTypeAround(doc: unknown, path: string): string | undefined {
  const stage = /^(.*\/stage)\/spec\//.exec(path)?.[1];
  const type = stage === undefined ? undefined : valueAt(doc, `${stage}/type`);
  return typeof type === "string" ? type : undefined;
}
