/**
 * The built-in generators (the built-in kit, generators/kit.yaml) and how generators describe
 * themselves to `harness-scaffold list`, the README and the plopfile.
 */
import { builtinKit } from "../kit/builtin.js";
import type { AnswerContext, AnswerValue } from "../answers/spec.js";
import { choicesOf, describeOnly, isAsked } from "../answers/spec.js";
import { display } from "../answers/resolve.js";
import { KitError } from "../errors.js";
import { builtinTemplatesDir } from "../paths.js";
import { templateSet } from "../render/templates.js";
import { closest } from "../util/suggest.js";
import type { GeneratorSpec } from "./spec.js";

export const GENERATORS: readonly GeneratorSpec[] = builtinKit().specs;

export function findGenerator(name: string): GeneratorSpec {
  const found = GENERATORS.find((g) => g.name === name);
  if (found !== undefined) return found;
  const guess = closest(name, GENERATORS.map((g) => g.name));
  throw new KitError(
    "E_USAGE",
    `unknown generator "${name}"${guess === undefined ? "" : ` (did you mean "${guess}"?)`}`,
    { hint: `the generators are ${GENERATORS.map((g) => g.name).join(", ")}; see "harness-scaffold list"` },
  );
}

export interface AnswerKeyInfo {
  key: string;
  kind: string;
  description: string;
  required: boolean;
  /** Asked at an interactive prompt (others take their default silently). */
  prompted: boolean;
  default?: string;
  choices?: string[];
  /** When the key applies, e.g. "type is DockerRegistry". */
  when?: string;
}

export interface GeneratorInfo {
  name: string;
  description: string;
  answers: AnswerKeyInfo[];
}

/** Every generator with its answer keys, in prompt order. */
export function describeGenerators(ctx: AnswerContext, specs: readonly GeneratorSpec[] = GENERATORS): GeneratorInfo[] {
  return specs.map((g) => ({
    name: g.name,
    description: g.description,
    answers: g.answers.map((spec) => {
      const info: AnswerKeyInfo = {
        key: spec.key,
        kind: spec.kind,
        description: spec.doc ?? spec.message,
        required: spec.required === true,
        prompted: isAsked(spec),
      };
      const fallback = typeof spec.default === "function" ? spec.defaultText : defaultText(spec.default);
      if (fallback !== undefined) info.default = fallback;
      const choices = choicesOf(spec, ctx);
      if (choices !== undefined) info.choices = [...choices];
      const when = describeOnly(spec);
      if (when !== undefined) info.when = when;
      return info;
    }),
  }));
}

function defaultText(value: AnswerValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === "") return '""';
  if (Array.isArray(value) && value.length === 0) return "[]";
  if (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0) return "{}";
  return display(value);
}

/**
 * The generators and their answer keys (what `harness-scaffold list --json` prints). Pipeline
 * templates added by `templatesDir` (relative to `cwd`) are listed among the `template` choices.
 */
export function listGenerators(options: { cwd?: string; templatesDir?: string } = {}): GeneratorInfo[] {
  const set = templateSet({ cwd: options.cwd ?? builtinTemplatesDir, templatesDir: options.templatesDir });
  return describeGenerators({ pipelineTemplates: set.pipelineTemplates() });
}
