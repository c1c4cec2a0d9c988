/**
 * A kit generator → the generic GeneratorSpec that resolve/render/validate/write already run.
 * Defaults, paths and keys are Handlebars expressions compiled once here; a kit never supplies
 * code, only text these expressions and the helpers interpret.
 */
import type { Answers, AnswerSpec, AnswerValue, Condition } from "../answers/spec.js";
import { KitError } from "../errors.js";
import type { GeneratorSpec, RenderJob } from "../generate/spec.js";
import type { EntityKind } from "../layout.js";
import { entityFromPath, entityPath, KIND_LOCATION, NESTED_KEY } from "../layout.js";
import { compileExpression } from "../render/handlebars.js";
import type { KitIssue } from "./kit-yaml.js";
import { isExpression } from "./parse-kit.js";
import type { WithValue } from "./with-values.js";
import { compileWith } from "./with-values.js";
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

/** How a kind's place reads in messages: `services/<identifier>.yaml`, `triggers/<pipeline>/<identifier>.yaml`. */
function placeOf(kind: EntityKind): string {
  const { dir, ext } = KIND_LOCATION[kind];
  if (dir === "") return "project.json";
  const nested = NESTED_KEY[kind];
  if (nested === undefined) return `${dir}/<identifier>${ext}`;
  return nested.placedAs === "folder" ? `${dir}/${nested.shown}/<identifier>${ext}` : `${dir}/<identifier>/${nested.shown}${ext}`;
}

/**
 * A rendered path checked against the out-dir layout: its kind and identifier (and, for a nested
 * kind, its group: a template version's versionLabel, a trigger's or input set's pipeline), or a reason.
 */
export function layoutPath(p: string): { kind: EntityKind; identifier: string; group?: string } | string {
  if (p === "") return "it is empty";
  if (p.startsWith("/") || /^[A-Za-z]:/.test(p) || p.includes("\\")) return "it must be a relative path with / separators";
  if (p.split("/").some((s) => s === ".." || s === "." || s === "")) return "it must not contain \"..\", \".\" or empty segments";
  const place = entityFromPath(p);
  const nestedKind = (Object.keys(KIND_LOCATION) as EntityKind[]).find((k) => KIND_LOCATION[k].nested === true && p.startsWith(`${KIND_LOCATION[k].dir}/`));
  if (place === undefined && nestedKind !== undefined) return `it must be ${placeOf(nestedKind)}`;
  if (place === undefined) return `it is not a place in the layout (${(Object.keys(KIND_LOCATION) as EntityKind[]).map(placeOf).join(", ")})`;
  if (place.kind === "project") return place;
  if (place.identifier === "" || place.group === "" || entityPath(place.kind, place.identifier, place.group) !== p) return `it must be ${placeOf(place.kind)}`;
  return place;
}

function answerSpec(gen: KitGenerator, a: KitAnswer, issues: KitIssue[]): AnswerSpec {
  const spec: AnswerSpec = { key: a.key, kind: a.kind, message: a.message };
  if (a.required) spec.required = true;
  if (a.prompted) spec.ask = true;
  if (a.description !== undefined) spec.doc = a.description;
  if (a.when !== undefined) spec.only = a.when as readonly Condition[];
  if (a.choices !== undefined) spec.choices = a.choices;
  if (a.choicesFrom === "pipeline-templates") spec.choices = (ctx) => ctx.pipelineTemplates;
  if (isExpression(a.default)) {
    const fn = expression(a.default, a.at, `default of "${a.key}"`, issues);
    const text = a.default;
    spec.default = (answers: Answers): AnswerValue | undefined => {
      const value = run(fn, templateData(gen, answers), a.at, `default of "${a.key}"`).trim();
      return value === "" ? undefined : value;
    };
    spec.defaultText = a.defaultText ?? text;
  } else if (a.default !== undefined) spec.default = a.default;
  const validate = a.validate === undefined ? undefined : expression(a.validate, a.at, `validate of "${a.key}"`, issues);
  const pattern = a.pattern === undefined ? undefined : new RegExp(a.pattern, "u");
  const scalarChoices = a.choices !== undefined && a.kind !== "choice" && a.kind !== "list" ? a.choices : undefined;
  if (pattern !== undefined || scalarChoices !== undefined || validate !== undefined) {
    spec.check = (value, answers) => {
      if (scalarChoices !== undefined && !scalarChoices.includes(String(value))) return `${a.key} "${String(value)}" is not one of ${scalarChoices.join(", ")}`;
      const items = Array.isArray(value) ? value : [String(value)];
      const bad = pattern === undefined ? undefined : items.find((v) => !pattern.test(v));
      if (bad !== undefined) return a.patternMessage ?? `${a.key} "${bad}" does not match ${a.pattern ?? ""}`;
      if (validate === undefined) return undefined;
      const message = run(validate, { ...templateData(gen, answers), value }, a.at, `validate of "${a.key}"`).trim();
      return message === "" ? undefined : message;
    };
  }
  return spec;
}

interface CompiledFile {
  file: KitFile;
  path: Expression;
  template?: Expression;
  identifier?: Expression;
  key?: Expression;
  if?: Expression;
  with?: WithValue;
}

/** The generator as a GeneratorSpec; expression syntax errors are added to `issues`. */
export function toGeneratorSpec(gen: KitGenerator, issues: KitIssue[]): GeneratorSpec {
  const answers = gen.answers.map((a) => answerSpec(gen, a, issues));
  const files: CompiledFile[] = gen.files.map((file) => {
    const compiled: CompiledFile = { file, path: expression(file.path, file.at, "path", issues) };
    if (file.key !== undefined) compiled.key = expression(file.key, file.at, "key", issues);
    if (file.if !== undefined) compiled.if = expression(file.if, file.at, "if", issues);
    if (file.identifier !== undefined) compiled.identifier = expression(file.identifier, file.at, "identifier", issues);
    if (isExpression(file.template)) compiled.template = expression(file.template, file.at, "template", issues);
    if (file.with !== undefined) compiled.with = compileWith(file.with, file.at, issues);
    return compiled;
  });
  return {
    name: gen.name,
    description: gen.description,
    answers,
    files(given: Answers): RenderJob[] {
      const base = templateData(gen, given);
      const jobs: RenderJob[] = [];
      // Consecutive files with the same `each` go element by element: all files of the first
      // element, then all of the second (an environment next to its infrastructure).
      const groups: CompiledFile[][] = [];
      for (const f of files) {
        const last = groups.at(-1);
        if (last !== undefined && f.file.each !== undefined && last[0]?.file.each === f.file.each) last.push(f);
        else groups.push([f]);
      }
      for (const group of groups) {
        const each = group[0]?.file.each;
        const items = each === undefined ? [undefined] : (Array.isArray(given[each]) ? (given[each] as string[]) : []);
        items.forEach((item, index) => {
          for (const compiled of group) {
            if (!holds(compiled.file.when, given)) continue;
            const scope = each === undefined ? base : { ...base, item, index };
            if (compiled.if !== undefined && run(compiled.if, scope, compiled.file.at, `if "${compiled.file.if ?? ""}"`).trim() === "") continue;
            jobs.push(fileJob(compiled, scope, item));
          }
        });
      }
      return jobs;
    },
  };
}

function fileJob({ file, path, key, template, identifier, with: extra }: CompiledFile, scope: Record<string, unknown>, item: unknown): RenderJob {
  const data = extra === undefined ? scope : { ...scope, ...(extra(scope) as Record<string, unknown>) };
  // Paths, keys and template names see the answers (and item), never the `with` values.
  const target = run(path, scope, file.at, `path "${file.path}"`).trim();
  const place = layoutPath(target);
  if (typeof place === "string") {
    throw new KitError("E_TEMPLATE", `${file.at}: path "${file.path}" rendered "${target}", which is refused: ${place}`, {
      hint: "a kit writes only entity files inside the out dir, e.g. services/{{identifier}}.yaml",
    });
  }
  const templateId = template === undefined ? file.template : run(template, scope, file.at, `template "${file.template}"`).trim();
  const id = place.kind === "project" && identifier !== undefined ? run(identifier, scope, file.at, "identifier").trim() : place.identifier;
  const job: RenderJob = { template: templateId, kind: place.kind, identifier: id, data, policy: file.policy };
  if (place.group !== undefined) job.group = place.group;
  if (file.each !== undefined) job.key = key === undefined ? String(item) : run(key, scope, file.at, `key "${file.key ?? ""}"`).trim();
  return job;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}
