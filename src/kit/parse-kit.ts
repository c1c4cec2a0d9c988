/**
 * kit.yaml's value → a KitDefinition, with every structural problem as an issue at its place:
 * unknown fields (with did-you-mean), wrong types, bad kinds, defaults of the wrong kind, `when`
 * on keys not asked before, bad patterns. The loader refuses a kit with any; `kit check` lists them.
 */
import { parseAnswer } from "../answers/kinds.js";
import type { AnswerKind, AnswerSpec, AnswerValue } from "../answers/spec.js";
import { HELPER_NAMES } from "../render/helpers.js";
import { closest } from "../util/suggest.js";
import type { KitIssue, KitYaml, YamlPath } from "./kit-yaml.js";
import { GENERATOR_NAME, isObj, SEMVER } from "./kit-yaml.js";
import type { FilePolicy, KitAnswer, KitCondition, KitDefinition, KitFile, KitGenerator } from "./types.js";
import { FILE_POLICIES } from "./types.js";
import { parseIncludes } from "./include-parse.js";
import { parseMigrations } from "./migrations.js";

export const ANSWER_KINDS: readonly AnswerKind[] = [
  "identifier", "name", "entity-name", "template-name", "text", "url", "git-url", "choice", "list", "tags", "secret-ref", "ref", "token", "timeout",
  "version-label", "namespace", "image", "color", "region", "boolean",
];
const KIT_FIELDS = ["$schema", "name", "version", "description", "include", "generators", "migrations"];
const GENERATOR_FIELDS = ["description", "answers", "files"];
const ANSWER_FIELDS = [
  "key", "kind", "message", "description", "required", "default", "defaultText", "choices", "choicesFrom", "when", "prompted",
  "pattern", "patternMessage", "validate",
];
const FILE_FIELDS = ["template", "path", "identifier", "each", "key", "policy", "when", "if", "with"];
const CHOICE_SOURCES = ["pipeline-templates"];
/** Names templates see besides the answers, so no answer may take them. */
export const RESERVED_KEYS = ["item", "index", "root", "this"];
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const isExpression = (value: unknown): value is string => typeof value === "string" && value.includes("{{");

type Obj = Record<string, unknown>;

export function parseKit(yaml: KitYaml): { definition: KitDefinition; issues: KitIssue[] } {
  const issues: KitIssue[] = [];
  const problem = (path: YamlPath, message: string, key = false): void => {
    issues.push({ at: yaml.at(path, key), message });
  };
  const fields = (obj: Obj, allowed: string[], path: YamlPath, what: string): void => {
    for (const field of Object.keys(obj)) {
      if (allowed.includes(field)) continue;
      const guess = closest(field, allowed);
      problem([...path, field], `unknown field "${field}" in ${what}${guess === undefined ? "" : ` (did you mean "${guess}"?)`}`, true);
    }
  };
  const text = (obj: Obj, field: string, path: YamlPath, required: boolean): string | undefined => {
    const v = obj[field];
    if (v === undefined || v === null) {
      if (required) problem(path, `missing required field "${field}"`);
      return undefined;
    }
    if (typeof v !== "string" || v.trim() === "") {
      problem([...path, field], `"${field}" must be non-empty text`);
      return undefined;
    }
    return v;
  };

  const root = yaml.value;
  const definition: KitDefinition = { name: "", version: "", description: "", generators: [] };
  if (!isObj(root)) {
    problem([], "kit.yaml must be a mapping with name, version and generators");
    return { definition, issues };
  }
  fields(root, KIT_FIELDS, [], "the kit");
  definition.name = text(root, "name", [], true) ?? "";
  definition.version = text(root, "version", [], true) ?? "";
  if (definition.version !== "" && !SEMVER.test(definition.version)) problem(["version"], `version "${definition.version}" is not semver like 1.0.0`);
  definition.description = text(root, "description", [], false) ?? "";
  const included = parseIncludes(yaml);
  issues.push(...included.issues);
  if (included.includes.length > 0) definition.include = included.includes;
  const generators = root.generators;
  // A kit of only includes (a team's pin of a platform kit) needs no generators of its own.
  const onlyIncludes = (generators === undefined || generators === null) && root.include !== undefined && root.include !== null;
  if (!onlyIncludes && (!isObj(generators) || Object.keys(generators).length === 0)) {
    problem(generators === undefined ? [] : ["generators"], "the kit needs \"generators\": a mapping of generator names to generators (or \"include\")");
    return { definition, issues };
  }
  for (const [name, raw] of Object.entries(isObj(generators) ? generators : {})) {
    const path = ["generators", name];
    if (!GENERATOR_NAME.test(name)) problem(path, `generator name "${name}" must be lowercase letters, digits and "-"`, true);
    if (!isObj(raw)) {
      problem(path, `generator "${name}" must be a mapping with description, answers and files`);
      continue;
    }
    fields(raw, GENERATOR_FIELDS, path, `generator "${name}"`);
    const generator: KitGenerator = { name, description: text(raw, "description", path, false) ?? "", answers: [], files: [], at: yaml.at(path, true) };
    const answers = Array.isArray(raw.answers) ? raw.answers : [];
    if (raw.answers !== undefined && !Array.isArray(raw.answers)) problem([...path, "answers"], "\"answers\" must be a list");
    answers.forEach((a, i) => {
      const parsed = parseAnswerDef(a, [...path, "answers", i], generator.answers);
      if (parsed !== undefined) generator.answers.push(parsed);
    });
    if (!Array.isArray(raw.files) || raw.files.length === 0) problem(raw.files === undefined ? path : [...path, "files"], `generator "${name}" needs "files": a list of templates to render`);
    else raw.files.forEach((f, i) => {
      const parsed = parseFileDef(f, [...path, "files", i], generator.answers);
      if (parsed !== undefined) generator.files.push(parsed);
    });
    definition.generators.push(generator);
  }
  const keys = new Set(definition.generators.flatMap((g) => g.answers.map((a) => a.key)));
  // With includes, the included generators' keys count too: checked once they are loaded.
  const parsed = parseMigrations(yaml, definition.version, definition.include === undefined ? keys : undefined);
  issues.push(...parsed.issues);
  if (parsed.migrations.length > 0) definition.migrations = parsed.migrations;
  return { definition, issues };

  function parseAnswerDef(raw: unknown, path: YamlPath, earlier: KitAnswer[]): KitAnswer | undefined {
    if (!isObj(raw)) return void problem(path, "an answer must be a mapping with key and kind");
    fields(raw, ANSWER_FIELDS, path, "an answer");
    const key = text(raw, "key", path, true);
    const kind = text(raw, "kind", path, true);
    if (key === undefined || kind === undefined) return undefined;
    if (!KEY.test(key)) return void problem([...path, "key"], `answer key "${key}" must be letters, digits and "_", not starting with a digit`);
    if (HELPER_NAMES.includes(key)) return void problem([...path, "key"], `answer key "${key}" is the name of a helper; rename it (helpers: ${HELPER_NAMES.join(", ")})`);
    if (RESERVED_KEYS.includes(key)) return void problem([...path, "key"], `answer key "${key}" is reserved for "each" files; rename it`);
    // One key may have one definition per case (`url` for two connector types), each with its `when`.
    if (earlier.some((a) => a.key === key && (a.when === undefined || raw.when === undefined))) {
      return void problem([...path, "key"], `answer key "${key}" is defined twice (allowed only when each definition has its own "when")`);
    }
    if (!ANSWER_KINDS.includes(kind as AnswerKind)) {
      const guess = closest(kind, ANSWER_KINDS);
      problem([...path, "kind"], `unknown kind "${kind}"${guess === undefined ? "" : ` (did you mean "${guess}"?)`}; kinds: ${ANSWER_KINDS.join(", ")}`);
    }
    // An unknown kind is reported above; reading it as text keeps later checks from cascading.
    const answer: KitAnswer = {
      key, kind: ANSWER_KINDS.includes(kind as AnswerKind) ? (kind as AnswerKind) : "text", message: text(raw, "message", path, false) ?? key,
      required: flag(raw, "required", path), prompted: flag(raw, "prompted", path), at: yaml.at(path),
    };
    const description = text(raw, "description", path, false);
    if (description !== undefined) answer.description = description;
    if (raw.choices !== undefined) {
      if (!Array.isArray(raw.choices) || raw.choices.length === 0 || raw.choices.some((c) => typeof c !== "string" && typeof c !== "number")) {
        problem([...path, "choices"], "\"choices\" must be a non-empty list of values");
      } else answer.choices = raw.choices.map(String);
    } else if (raw.choicesFrom !== undefined) {
      if (!CHOICE_SOURCES.includes(String(raw.choicesFrom))) problem([...path, "choicesFrom"], `choicesFrom must be one of ${CHOICE_SOURCES.join(", ")}`);
      else answer.choicesFrom = "pipeline-templates";
    } else if (answer.kind === "choice") problem(path, `answer "${key}" of kind choice needs "choices"`);
    for (const field of ["validate", "defaultText"] as const) {
      const value = text(raw, field, path, false);
      if (value !== undefined) answer[field] = value;
    }
    if (raw.pattern !== undefined) {
      const pattern = text(raw, "pattern", path, false);
      try {
        if (pattern !== undefined) new RegExp(pattern, "u");
        if (pattern !== undefined) answer.pattern = pattern;
      } catch (cause) {
        problem([...path, "pattern"], `pattern is not a valid regular expression: ${(cause as Error).message}`);
      }
    }
    const patternMessage = text(raw, "patternMessage", path, false);
    if (patternMessage !== undefined) answer.patternMessage = patternMessage;
    const when = parseWhen(raw.when, [...path, "when"], earlier);
    if (when !== undefined) answer.when = when;
    if (raw.default !== undefined && raw.default !== null) {
      const value = raw.default as AnswerValue;
      if (!isExpression(value)) {
        const probe: AnswerSpec = { key, kind: answer.kind, message: answer.message, ...(answer.choices ? { choices: answer.choices } : {}) };
        const parsed = parseAnswer(probe, value, {}, { pipelineTemplates: [] });
        if (parsed.problem !== undefined) problem([...path, "default"], `default of the wrong kind for "${kind}": ${parsed.problem}`);
      }
      answer.default = value;
    }
    return answer;
  }

  function flag(raw: Obj, field: string, path: YamlPath): boolean {
    const v = raw[field];
    if (v === undefined || v === null) return false;
    if (typeof v !== "boolean") problem([...path, field], `"${field}" must be true or false`);
    return v === true;
  }

  function parseWhen(raw: unknown, path: YamlPath, earlier: KitAnswer[]): KitCondition[] | undefined {
    if (raw === undefined || raw === null) return undefined;
    const list = Array.isArray(raw) ? raw : [raw];
    const out: KitCondition[] = [];
    list.forEach((c, i) => {
      const at = Array.isArray(raw) ? [...path, i] : path;
      if (!isObj(c) || Object.keys(c).length === 0) return void problem(at, "\"when\" must map earlier answer keys to a value or a list of values");
      const condition: KitCondition = {};
      for (const [key, values] of Object.entries(c)) {
        if (!earlier.some((a) => a.key === key)) {
          const guess = closest(key, earlier.map((a) => a.key));
          problem([...at, key], `"when" uses "${key}", which is not an answer asked before this one${guess === undefined ? "" : ` (did you mean "${guess}"?)`}`, true);
        }
        const items = Array.isArray(values) ? values : [values];
        if (items.some((v) => isObj(v) || Array.isArray(v) || v === null)) problem([...at, key], `"when" values for "${key}" must be plain values`);
        condition[key] = items.map(String);
      }
      out.push(condition);
    });
    return out;
  }

  function parseFileDef(raw: unknown, path: YamlPath, answers: KitAnswer[]): KitFile | undefined {
    if (!isObj(raw)) return void problem(path, "a file must be a mapping with template and path");
    fields(raw, FILE_FIELDS, path, "a file");
    const template = text(raw, "template", path, true);
    const target = text(raw, "path", path, true);
    if (template === undefined || target === undefined) return undefined;
    const policy = raw.policy ?? "managed";
    if (!FILE_POLICIES.includes(policy as FilePolicy)) problem([...path, "policy"], `policy "${String(policy)}" is not one of ${FILE_POLICIES.join(", ")}`);
    const file: KitFile = { template, path: target, policy: policy as FilePolicy, at: yaml.at(path) };
    const each = text(raw, "each", path, false);
    if (each !== undefined) {
      const source = answers.find((a) => a.key === each);
      if (source === undefined) problem([...path, "each"], `"each" names "${each}", which is not an answer of this generator`);
      else if (source.kind !== "list") problem([...path, "each"], `"each" needs a list answer; "${each}" is of kind ${source.kind}`);
      file.each = each;
    }
    const identifier = text(raw, "identifier", path, false);
    if (identifier !== undefined) file.identifier = identifier;
    const key = text(raw, "key", path, false);
    if (key !== undefined) {
      if (each === undefined) problem([...path, "key"], "\"key\" only applies to files with \"each\"");
      file.key = key;
    }
    const when = parseWhen(raw.when, [...path, "when"], answers);
    if (when !== undefined) file.when = when;
    const condition = text(raw, "if", path, false);
    if (condition !== undefined) file.if = condition;
    if (raw.with !== undefined) {
      if (!isObj(raw.with)) problem([...path, "with"], "\"with\" must map template variables to values or expressions");
      else file.with = raw.with;
    }
    return file;
  }
}
