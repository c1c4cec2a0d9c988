/**
 * `kit check`: everything wrong with a kit, found without running it — kit.yaml's structure
 * (parse-kit.ts), expression syntax, templates that are missing, never used, not valid Handlebars
 * or printing bare values, variables no answer defines, answers nothing reads, paths outside the
 * layout, update cases laid out wrong (update-case.ts), includes that do not resolve (include.ts).
 * Each problem at kit.yaml:line:col or templates/x.hbs:line:col.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { checkTemplateOutputs } from "../render/handlebars.js";
import type { KitIssue } from "./kit-yaml.js";
import { readKitYaml } from "./kit-yaml.js";
import type { IncludeLoader } from "./include.js";
import { addIncludes } from "./include.js";
import { kitTemplates, loadResolvedKit, readKitText, TEMPLATES_DIR } from "./load.js";
import { isExpression, parseKit } from "./parse-kit.js";
import { resolveKitSource } from "./resolve-source.js";
import { templateVariables } from "./template-variables.js";
import { readUpdateCase, TESTS_DIR, UPDATE_DIR } from "./update-case.js";
import { layoutPath, toGeneratorSpec } from "./to-spec.js";
import type { KitGenerator } from "./types.js";

export interface KitCheckResult {
  kit: string;
  issues: KitIssue[];
}

const shownFrom = (cwd: string, absolute: string): string => {
  const rel = path.relative(cwd, absolute);
  return (rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? absolute : rel).split(path.sep).join("/");
};

interface WithString {
  text: string;
  /** Inside a `$each` value, where `item` and `index` are defined. */
  inEach: boolean;
}

/** Strings of a `with` value, where expressions may sit, and the list answers its `$each`es read. */
function withStrings(value: unknown, inEach = false, lists: string[] = []): { strings: WithString[]; lists: string[] } {
  const strings: WithString[] = [];
  const walk = (v: unknown, each: boolean): void => {
    if (typeof v === "string") strings.push({ text: v, inEach: each });
    else if (Array.isArray(v)) for (const x of v) walk(x, each);
    else if (typeof v === "object" && v !== null) {
      const obj = v as Record<string, unknown>;
      if (typeof obj.$each === "string" && "$value" in obj) {
        lists.push(obj.$each);
        walk(obj.$value, true);
      } else for (const x of Object.values(obj)) walk(x, each);
    }
  };
  walk(value, inEach);
  return { strings, lists };
}

/** The templates under templates/ an expression template like `pipeline/{{template}}.yaml.hbs` can name. */
function templatesMatching(expression: string, all: readonly string[]): string[] {
  const pattern = expression.split(/\{\{[\s\S]*?\}\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+");
  const re = new RegExp(`^${pattern}$`);
  return all.filter((t) => re.test(t));
}

/**
 * Template names an expression template spells out whole, e.g. both names in
 * `{{#if x}}a/b.yaml.hbs{{else}}a/c.yaml.hbs{{/if}}` (but no part of `pipeline/{{template}}.yaml.hbs`).
 */
export function literalTemplates(expression: string): string[] {
  return expression.split(/\{\{[\s\S]*?\}\}/).map((s) => s.trim()).filter((s) => /^[^.\s/][^\s]*\.hbs$/.test(s));
}

function withKeys(value: Record<string, unknown> | undefined): string[] {
  return value === undefined ? [] : Object.keys(value);
}

export function checkKit(source: string, options: { cwd: string }): KitCheckResult {
  const { dir, file } = resolveKitSource(source, options.cwd);
  const shownFile = shownFrom(options.cwd, file);
  const yaml = readKitYaml(readKitText(file, shownFile), shownFile);
  if (yaml.errors.length > 0) return { kit: shownFile, issues: yaml.errors };
  const { definition, issues } = parseKit(yaml);
  const specs = definition.generators.map((gen) => toGeneratorSpec(gen, issues));
  // Included kits are loaded as `new` would (their own problems listed); `kit check` them for more.
  const load: IncludeLoader = (r, s, chain) => loadResolvedKit(r, s, options.cwd, chain);
  addIncludes(yaml, definition, specs, { dir, cwd: options.cwd, chain: [{ file, shown: shownFile }], load }, issues);
  const generatorNames = specs.map((g) => g.name);
  const templates = kitTemplates(dir, options.cwd);
  const used = new Set<string>();
  const root = path.join(dir, TEMPLATES_DIR);
  let all: string[] = [];
  try {
    all = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".hbs")).map((f) => f.split(path.sep).join("/")).sort();
  } catch {
    if (definition.generators.length > 0) issues.push({ at: shownFile, message: `the kit has no ${TEMPLATES_DIR}/ folder` });
  }
  for (const gen of definition.generators) checkGenerator(gen);
  for (const t of all) {
    if (!used.has(t)) issues.push({ at: shownFrom(options.cwd, path.join(root, t)), message: "this template is used by no generator's files" });
  }
  issues.push(...checkUpdateCases(dir, definition.version, generatorNames, options.cwd));
  return { kit: definition.name || shownFile, issues };

  function expressionVars(text: string | undefined): string[] {
    if (text === undefined || !text.includes("{{")) return [];
    try {
      return templateVariables(text).map((v) => v.name);
    } catch {
      return []; // reported by toGeneratorSpec with its place
    }
  }

  function checkGenerator(gen: KitGenerator): void {
    const keys = new Set(gen.answers.map((a) => a.key));
    const read = new Set<string>();
    const undefinedIn = (names: string[], at: string, what: string, extra: string[] = []): void => {
      for (const name of new Set(names)) {
        if (keys.has(name) || extra.includes(name)) read.add(name);
        else issues.push({ at, message: `${what} uses "${name}", which no answer of ${gen.name} defines` });
      }
    };
    for (const a of gen.answers) {
      if (isExpression(a.default)) undefinedIn(expressionVars(a.default), a.at, `the default of "${a.key}"`);
      undefinedIn(expressionVars(a.validate), a.at, `the validate of "${a.key}"`, ["value"]);
      for (const c of a.when ?? []) for (const k of Object.keys(c)) read.add(k);
    }
    for (const f of gen.files) {
      const item = f.each === undefined ? [] : ["item", "index"];
      if (f.each !== undefined) read.add(f.each);
      for (const c of f.when ?? []) for (const k of Object.keys(c)) read.add(k);
      for (const text of [f.path, f.key, f.identifier, f.template, f.if]) undefinedIn(expressionVars(text), f.at, "the file", item);
      const values = withStrings(f.with, f.each !== undefined);
      undefinedIn(values.lists, f.at, "a $each value");
      for (const { text, inEach } of values.strings) undefinedIn(expressionVars(text), f.at, "a with value", inEach ? ["item", "index"] : []);
      const place = layoutPath(f.path.replace(/\{\{[\s\S]*?\}\}/g, "x"));
      if (typeof place === "string") issues.push({ at: f.at, message: `path "${f.path}" is outside the layout: ${place}` });
      // A template chosen by an expression: its whole names if it spells them out, else every
      // template its pattern can name (`pipeline/{{template}}.yaml.hbs`).
      const literal = isExpression(f.template) ? literalTemplates(f.template) : [f.template];
      const named = isExpression(f.template) && literal.length === 0 ? templatesMatching(f.template, all) : literal;
      if (named.length === 0) issues.push({ at: f.at, message: `template "${f.template}" names no template under ${TEMPLATES_DIR}/` });
      for (const id of named) {
        used.add(id);
        const problem = templates.exists(id);
        if (problem !== undefined) issues.push({ at: f.at, message: problem });
        else checkTemplate(id, [...item, ...withKeys(f.with)]);
      }
    }
    for (const a of gen.answers) {
      if (!read.has(a.key)) issues.push({ at: a.at, message: `answer "${a.key}" is read by no template, path or expression of ${gen.name}` });
    }

    function checkTemplate(id: string, extra: string[]): void {
      let text: string;
      let shown: string;
      try {
        const source = templates.read(id);
        text = source.text;
        shown = source.shown;
      } catch (cause) {
        issues.push({ at: shownFrom(options.cwd, path.join(root, id)), message: (cause as Error).message });
        return;
      }
      let uses;
      try {
        uses = templateVariables(text);
      } catch (cause) {
        const m = /Parse error on line (\d+)/.exec((cause as Error).message);
        issues.push({ at: `${shown}:${m?.[1] ?? 1}:1`, message: `not valid Handlebars: ${((cause as Error).message.split("\n").at(-1) ?? "").trim()}` });
        return;
      }
      for (const p of checkTemplateOutputs(text)) issues.push({ at: `${shown}:${p.line}:${p.column}`, message: p.message });
      for (const use of uses) {
        if (keys.has(use.name) || extra.includes(use.name)) read.add(use.name);
        else {
          issues.push({ at: `${shown}:${use.line}:${use.column}`, message: `uses "${use.name}", which no answer of ${gen.name} defines` });
        }
      }
    }
  }
}

/** The layout of every tests/<case>/update/ (what kit test would refuse to run). */
function checkUpdateCases(dir: string, version: string, generators: string[], cwd: string): KitIssue[] {
  const root = path.join(dir, TESTS_DIR);
  if (!existsSync(root)) return [];
  return readdirSync(root).sort().filter((name) => existsSync(path.join(root, name, UPDATE_DIR))).flatMap((name) => {
    const caseDir = path.join(root, name, UPDATE_DIR);
    return readUpdateCase(caseDir, shownFrom(cwd, caseDir), { version, generators }).issues;
  });
}
