/**
 * A kit generator → the generic GeneratorSpec that resolve/render/validate/write already run.
 * Defaults, paths and keys are Handlebars expressions compiled once here; a kit never supplies
 * code, only text these expressions and the helpers interpret.
 */
import type { Answers, AnswerSpec, AnswerValue, Condition } from "../answers/spec.js";
import { KitError } from "../errors.js";
import type { GeneratorSpec, RenderJob } from "../generate/spec.js";
import type { EntityKind } from "../layout.js";
import { entityPath, kindFromPath, KIND_LOCATION } from "../layout.js";
import { compileExpression } from "../render/handlebars.js";
import type { KitIssue } from "./kit-yaml.js";
import { isExpression } from "./parse-kit.js";
import type { KitAnswer, KitCondition, KitFile, KitGenerator } from "./types.js";

type Expression = (data: object) => string;

/** Compiles an expression, reporting a syntax error at `at` (kit.yaml:line:col). */
function expression(text: string, at: string, what: string, issues: KitIssue[]): Expression {
  try {
    return compileExpression(text);
  } catch (cause) {
    issues.push({ at, message: `${what} "${text}" is not a valid Handlebars expression: ${firstLine(cause)}` });
    return () => "";
  }
}

function run(fn: Expression, data: object, at: string, what: string): string {
  try {
    return fn(data);
  } catch (cause) {
    throw new KitError("E_TEMPLATE", `${at}: ${what} cannot render: ${firstLine(cause)}`, {
      hint: "fix the expression in kit.yaml; every variable it names must be an answer asked before it",
      cause,
    });
  }
}

/** Every answer key present (null when unanswered or not applicable), as templates expect. */
export function templateData(gen: KitGenerator, answers: Answers): Record<string, unknown> {
  return Object.fromEntries(gen.answers.map((a) => [a.key, answers[a.key] ?? null]));
}

export function holds(when: readonly KitCondition[] | undefined, answers: Answers): boolean {
  if (when === undefined || when.length === 0) return true;
  return when.some((c) => Object.entries(c).every(([key, allowed]) => {
    const v = answers[key];
    return (typeof v === "string" || typeof v === "boolean") && allowed.includes(String(v));
  }));
}

/** A rendered path checked against the out-dir layout: its kind and identifier, or a reason. */
export function layoutPath(p: string): { kind: EntityKind; identifier: string } | string {
  if (p === "") return "it is empty";
  if (p.startsWith("/") || /^[A-Za-z]:/.test(p) || p.includes("\\")) return "it must be a relative path with / separators";
  if (p.split("/").some((s) => s === ".." || s === "." || s === "")) return "it must not contain \"..\", \".\" or empty segments";
  const kind = kindFromPath(p);
  if (kind === undefined) {
    const places = Object.values(KIND_LOCATION).map((l) => (l.dir === "" ? "project.json" : `${l.dir}/<identifier>${l.ext}`));
    return `it is not a place in the layout (${places.join(", ")})`;
  }
  const base = p.split("/").at(-1) ?? "";
  const identifier = kind === "project" ? "" : base.slice(0, -KIND_LOCATION[kind].ext.length);
  if (kind !== "project" && entityPath(kind, identifier) !== p) return `it must be ${KIND_LOCATION[kind].dir}/<identifier>${KIND_LOCATION[kind].ext}`;
  return { kind, identifier };
}

function answerSpec(a: KitAnswer, issues: KitIssue[]): AnswerSpec {
  const spec: AnswerSpec = { key: a.key, kind: a.kind, message: a.message, required: a.required, ask: a.prompted };
  if (a.description !== undefined) spec.doc = a.description;
  if (a.when !== undefined) spec.only = a.when as readonly Condition[];
  if (a.choices !== undefined) spec.choices = a.choices;
  if (isExpression(a.default)) {
    const fn = expression(a.default, a.at, `default of "${a.key}"`, issues);
    const text = a.default;
    spec.default = (answers: Answers): AnswerValue | undefined => {
      const value = run(fn, answers, a.at, `default of "${a.key}"`).trim();
      return value === "" ? undefined : value;
    };
    spec.defaultText = text;
  } else if (a.default !== undefined) spec.default = a.default;
  const pattern = a.pattern === undefined ? undefined : new RegExp(a.pattern, "u");
  const scalarChoices = a.choices !== undefined && a.kind !== "choice" && a.kind !== "list" ? a.choices : undefined;
  if (pattern !== undefined || scalarChoices !== undefined) {
    spec.check = (value) => {
      if (scalarChoices !== undefined && !scalarChoices.includes(String(value))) return `${a.key} "${String(value)}" is not one of ${scalarChoices.join(", ")}`;
      const items = Array.isArray(value) ? value : [String(value)];
      if (pattern !== undefined && items.some((v) => !pattern.test(v))) return a.patternMessage ?? `${a.key} "${String(value)}" does not match ${a.pattern}`;
      return undefined;
    };
  }
  return spec;
}

interface CompiledFile {
  file: KitFile;
  path: Expression;
  key?: Expression;
}

/** The generator as a GeneratorSpec; expression syntax errors are added to `issues`. */
export function toGeneratorSpec(gen: KitGenerator, issues: KitIssue[]): GeneratorSpec {
  const answers = gen.answers.map((a) => answerSpec(a, issues));
  const files: CompiledFile[] = gen.files.map((file) => {
    const compiled: CompiledFile = { file, path: expression(file.path, file.at, "path", issues) };
    if (file.key !== undefined) compiled.key = expression(file.key, file.at, "key", issues);
    return compiled;
  });
  return {
    name: gen.name,
    description: gen.description,
    answers,
    files(given: Answers): RenderJob[] {
      const base = templateData(gen, given);
      const jobs: RenderJob[] = [];
      for (const { file, path, key } of files) {
        if (!holds(file.when, given)) continue;
        const items = file.each === undefined ? [undefined] : (Array.isArray(given[file.each]) ? (given[file.each] as string[]) : []);
        items.forEach((item, index) => {
          const data = file.each === undefined ? base : { ...base, item, index };
          const target = run(path, data, file.at, `path "${file.path}"`).trim();
          const place = layoutPath(target);
          if (typeof place === "string") {
            throw new KitError("E_TEMPLATE", `${file.at}: path "${file.path}" rendered "${target}", which is refused: ${place}`, {
              hint: "a kit writes only entity files inside the out dir, e.g. services/{{identifier}}.yaml",
            });
          }
          const job: RenderJob = { template: file.template, kind: place.kind, identifier: place.identifier, data, policy: file.policy };
          if (file.each !== undefined) job.key = key === undefined ? String(item) : run(key, data, file.at, `key "${file.key ?? ""}"`).trim();
          jobs.push(job);
        });
      }
      return jobs;
    },
  };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}
