/**
 * A generator's answer specs as inquirer questions (what plop prompts with). Each question checks
 * its input with the same `parseAnswer` used for answers files and `--set`, so a bad value is
 * refused at the prompt with the same sentence.
 */
import { display } from "./resolve.js";
import { parseAnswer } from "./kinds.js";
import type { AnswerContext, Answers, AnswerSpec, AnswerValue } from "./spec.js";
import { applies, choicesOf, isAsked } from "./spec.js";

/** An inquirer question, typed loosely: node-plop passes these to inquirer unchanged. */
export interface PromptQuestion {
  type: "input" | "list" | "confirm";
  name: string;
  message: string;
  choices?: string[];
  default?: (answers: Answers) => string | boolean | undefined;
  when?: (answers: Answers) => boolean;
  validate?: (input: unknown, answers?: Answers) => true | string;
}

/**
 * Questions for the keys that are asked. `preset` holds answers already given (answers file,
 * `--set`): they are copied in first and their questions skipped. Without presets, questions
 * for unconditional keys carry no `when`, so plop's positional bypass keeps working.
 */
export function toQuestions(specs: readonly AnswerSpec[], ctx: AnswerContext, preset: Record<string, unknown> = {}): PromptQuestion[] {
  const seeded = Object.keys(preset).length > 0;
  const questions: PromptQuestion[] = [];
  if (seeded) {
    questions.push({
      type: "input",
      name: "__preset",
      message: "",
      when: (answers) => {
        Object.assign(answers, preset);
        return false;
      },
    });
  }
  for (const spec of specs.filter(isAsked)) {
    const choices = choicesOf(spec, ctx);
    const question: PromptQuestion = {
      type: spec.kind === "boolean" ? "confirm" : spec.kind === "choice" ? "list" : "input",
      name: spec.key,
      message: spec.message,
      default: (answers) => shownDefault(spec, answers),
      validate: (input, answers) => parseAnswer(spec, input, answers ?? {}, ctx).problem ?? true,
    };
    if (spec.kind === "choice" && choices !== undefined) question.choices = [...choices];
    if (seeded || spec.only !== undefined) {
      question.when = (answers) => answers[spec.key] === undefined && applies(spec, answers);
    }
    questions.push(question);
  }
  return questions;
}

function shownDefault(spec: AnswerSpec, answers: Answers): string | boolean | undefined {
  const value: AnswerValue | undefined = typeof spec.default === "function" ? spec.default(answers) : spec.default;
  if (value === undefined) return undefined;
  return typeof value === "boolean" ? value : display(value);
}
