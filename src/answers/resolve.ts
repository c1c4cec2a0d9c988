/**
 * From raw answers (file + flags, or prompts) to the complete, checked answers a generator renders
 * from. Every problem is collected and reported at once, each naming its key and origin.
 */
import { KitError } from "../errors.js";
import { closest } from "../util/suggest.js";
import { parseAnswer } from "./kinds.js";
import type { RawAnswers } from "./load.js";
import type { AnswerContext, Answers, AnswerSpec, AnswerValue } from "./spec.js";
import { applies, conditionKeys, describeOnly, isAsked } from "./spec.js";

export interface Resolved {
  answers: Answers;
  /** Answers the user did not give that were computed from other answers (shown to the user). */
  derived: Array<{ key: string; value: string }>;
}

export interface ResolveOptions {
  generator: string;
  ctx: AnswerContext;
  /** Fill missing answers from defaults (true), or treat missing asked answers as missing (false). */
  useDefaults: boolean;
  /** Only check what was given (before prompting): no defaults, nothing is missing. */
  partial?: boolean;
}

export function resolveAnswers(specs: readonly AnswerSpec[], raw: RawAnswers, options: ResolveOptions): Resolved {
  const problems: string[] = [];
  const known = new Set(specs.map((s) => s.key));
  for (const key of Object.keys(raw.values)) {
    if (known.has(key)) continue;
    const guess = closest(key, known);
    problems.push(
      `${origin(raw, key)}answer "${key}" is not used by the ${options.generator} generator` +
        (guess === undefined ? "" : ` (did you mean "${guess}"?)`),
    );
  }
  const answers: Answers = {};
  const derived: Resolved["derived"] = [];
  // A key may have one spec per case (e.g. `url` for DockerRegistry and for Github).
  const applied = new Set<string>();
  const inapplicable = new Map<string, string[]>();
  for (const spec of specs) {
    const given = raw.values[spec.key];
    const has = given !== undefined && given !== null;
    if (!applies(spec, answers)) {
      if (has && !(options.partial && !conditionsKnown(spec, answers))) {
        inapplicable.set(spec.key, [...(inapplicable.get(spec.key) ?? []), describeOnly(spec) ?? ""]);
      }
      continue;
    }
    applied.add(spec.key);
    if (has) {
      const parsed = parseAnswer(spec, given, answers, options.ctx);
      if (parsed.problem !== undefined) problems.push(`${origin(raw, spec.key)}${parsed.problem}`);
      else answers[spec.key] = parsed.value;
      continue;
    }
    if (options.partial) continue;
    const fallback = typeof spec.default === "function" ? spec.default(answers) : spec.default;
    const mayDefault = options.useDefaults || !isAsked(spec);
    if (fallback !== undefined && mayDefault) {
      const parsed = parseAnswer(spec, fallback, answers, options.ctx);
      if (parsed.problem !== undefined) {
        problems.push(`cannot derive "${spec.key}": ${parsed.problem}; set it explicitly`);
        continue;
      }
      answers[spec.key] = parsed.value;
      if (typeof spec.default === "function") derived.push({ key: spec.key, value: display(parsed.value) });
    } else if (spec.required || (fallback !== undefined && !mayDefault)) {
      problems.push(`missing required answer "${spec.key}" (${spec.message})`);
    }
  }
  for (const [key, cases] of inapplicable) {
    if (!applied.has(key)) problems.push(`${origin(raw, key)}answer "${key}" only applies when ${cases.join(", or ")}`);
  }
  if (problems.length > 0) throw answersError(options.generator, problems);
  return { answers, derived };
}

/** Before prompting, a condition may name a key the user has not answered yet. */
function conditionsKnown(spec: AnswerSpec, answers: Answers): boolean {
  return conditionKeys(spec).every((key) => answers[key] !== undefined);
}

function origin(raw: RawAnswers, key: string): string {
  const where = raw.origins[key];
  return where === undefined ? "" : `${where}: `;
}

/** How an answer reads in messages and `derived`. */
export function display(value: AnswerValue): string {
  if (Array.isArray(value)) return value.join(",");
  if (typeof value === "object") return Object.entries(value).map(([k, v]) => (v === "" ? k : `${k}:${v}`)).join(",");
  return String(value);
}

function answersError(generator: string, problems: string[]): KitError {
  const message =
    problems.length === 1
      ? (problems[0] ?? "")
      : `${problems.length} problems with the answers for ${generator}:\n${problems.map((p) => `  - ${p}`).join("\n")}`;
  return new KitError("E_INPUT", message, {
    hint: `see every answer key with "harness-scaffold list ${generator}"; pass answers with --set key=value or --answers FILE`,
    details: { problems },
  });
}
