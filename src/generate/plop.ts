/**
 * The kit's generators as plop generators. plopfile.ts calls `registerGenerators`; so does the
 * CLI (through node-plop) when it prompts. Each generator has one action, of our own type
 * `harness-scaffold`, which runs the same render → validate → write pipeline as the CLI.
 */
import path from "node:path";
import { toQuestions } from "../answers/prompts.js";
import { DEFAULT_OUT_DIR } from "../layout.js";
import { templateSet } from "../render/templates.js";
import { generate } from "./generate.js";
import { formatGenerated } from "./messages.js";
import { GENERATORS } from "./registry.js";
import { loadKit } from "../kit/load.js";
import type { Kit } from "../kit/types.js";

export const ACTION_TYPE = "harness-scaffold";

/** The parts of plop's API we use (node-plop's NodePlopAPI satisfies it). */
export interface PlopLike {
  setGenerator(name: string, config: { description: string; prompts: unknown; actions: unknown }): unknown;
  setActionType(name: string, fn: (answers: Record<string, unknown>, config: Record<string, unknown>, plop: PlopLike) => Promise<string>): void;
  getDestBasePath(): string;
}

/** Options the CLI passes through node-plop's config; plop's own CLI passes none of them. */
export interface KitPlopOptions {
  /** Answers already given (answers file, --set): their prompts are skipped. */
  preset?: Record<string, unknown>;
  templatesDir?: string;
  cwd?: string;
  /** Register this kit's generators instead of the built-in ones. */
  kit?: Kit;
}

export function registerGenerators(plop: PlopLike, config: { harnessScaffold?: KitPlopOptions } = {}): void {
  const options = config.harnessScaffold ?? {};
  const cwd = options.cwd ?? plop.getDestBasePath();
  const kit = options.kit;
  const ctx = { pipelineTemplates: (kit?.templates ?? templateSet({ cwd, templatesDir: options.templatesDir })).pipelineTemplates() };
  plop.setActionType(ACTION_TYPE, async (answers, action, api) => {
    const base = api.getDestBasePath();
    const result = await generate({
      generator: String(action.generator),
      answers: withoutPlopKeys(answers),
      outDir: path.resolve(base, typeof action.outDir === "string" ? action.outDir : DEFAULT_OUT_DIR),
      cwd: base,
      force: action.force === true,
      useDefaults: true,
      ...(kit === undefined ? {} : { kit }),
      ...(options.templatesDir === undefined ? {} : { templatesDir: options.templatesDir }),
    });
    return formatGenerated(result).trimEnd();
  });
  for (const spec of kit?.specs ?? GENERATORS) {
    plop.setGenerator(spec.name, {
      description: spec.description,
      prompts: toQuestions(spec.answers, ctx, options.preset),
      actions: [{ type: ACTION_TYPE, generator: spec.name, outDir: DEFAULT_OUT_DIR }],
    });
  }
}

/**
 * Registers a kit's generators in a plopfile: `registerKit(plop, "./my-kit")` or a package name.
 * Relative folders and packages are found from plop's destination folder.
 */
export function registerKit(plop: PlopLike, source: string, options: Omit<KitPlopOptions, "kit"> = {}): void {
  const cwd = options.cwd ?? plop.getDestBasePath();
  registerGenerators(plop, { harnessScaffold: { ...options, cwd, kit: loadKit(source, { cwd }) } });
}

/** Answers as inquirer returns them, minus our seeding question. */
function withoutPlopKeys(answers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).filter(([key]) => !key.startsWith("__")));
}
