/**
 * How `update` renders a recorded run again. Behind this small interface so the generator source
 * can change: today the built-in generators (src/generate/registry.ts) with `--templates`
 * overrides; a kit loader plugs in as another RunRenderer.
 */
import type { AnswerValue } from "../answers/spec.js";
import { resolveAnswers } from "../answers/resolve.js";
import { findGenerator } from "../generate/registry.js";
import type { RenderedFile } from "../render/render.js";
import { renderJobs } from "../render/render.js";
import { templateSet } from "../render/templates.js";
import { MANIFEST_FILE } from "../layout.js";
import type { ManifestRun } from "../write/manifest.js";
import { loadKit } from "../kit/load.js";
import { findKitGenerator, renderRun } from "../kit/render-run.js";
import type { KitRecord } from "../kit/record.js";
import { kitRecord, recordedSourceBase } from "../kit/record.js";
import type { Kit } from "../kit/types.js";
import { KitError } from "../errors.js";

export interface RenderedRun {
  files: RenderedFile[];
  /** The answers to record for the run (resolved, sensitive ones left out). */
  answers: Record<string, unknown>;
  /** For kit runs: the kit, policies and keys to record now (replacing the old entry's). */
  record?: KitRecord;
}

export interface RunRenderer {
  /** Words for messages, e.g. "the built-in generators". */
  readonly name: string;
  /** Answer keys the run's generator takes (to route `--set` when the out dir holds several runs). */
  answerKeys(run: ManifestRun): string[];
  /** Renders the run with these answers (recorded ones with `--set` applied). */
  render(run: ManifestRun, answers: Record<string, unknown>, origins: Record<string, string>): RenderedRun;
}

/** The kit the built-in generators are (generators/kit.yaml); a modified copy keeps this name. */
export const BUILTIN_KIT_NAME = "harness-scaffold";

export interface RendererOptions {
  cwd: string;
  outDir: string;
  templatesDir?: string | undefined;
  /** `update --kit`: runs recorded with a kit of this name render with this one instead. */
  kit?: Kit | undefined;
}

/**
 * Runs recorded with a kit (`run.kit`) render through that kit, loaded from its recorded source
 * (src/kit/record.ts), or through `options.kit` when it has the recorded kit's name; the others
 * through the built-in generators (or `options.kit` when it is a copy of the built-in kit).
 */
export function builtinRenderer(options: RendererOptions): RunRenderer {
  const builtIn = builtinOnlyRenderer(options);
  const kits = new Map<string, Kit>();
  const given = options.kit;
  const kitOf = (run: ManifestRun): Kit | undefined => {
    if (given !== undefined && given.name === (run.kit?.name ?? BUILTIN_KIT_NAME)) return given;
    if (run.kit === undefined) return undefined;
    let kit = kits.get(run.kit.source);
    if (kit === undefined) {
      kit = loadKit(run.kit.source, { cwd: recordedSourceBase(run.kit.source, options.outDir, options.cwd) });
      kits.set(run.kit.source, kit);
    }
    return kit;
  };
  return {
    name: given === undefined ? builtIn.name : `kit ${given.name} ${given.version}`,
    answerKeys: (run) => {
      const kit = kitOf(run);
      return kit === undefined ? builtIn.answerKeys(run) : findKitGenerator(kit, run.generator).answers.map((a) => a.key);
    },
    render(run, values, origins) {
      const kit = kitOf(run);
      if (kit === undefined) return builtIn.render(run, values, origins);
      const { spec, answers, files } = renderRun(kit, run.generator, values);
      const recorded = Object.fromEntries(
        spec.answers.filter((a) => a.sensitive !== true && answers[a.key] !== undefined).map((a) => [a.key, answers[a.key] as AnswerValue]),
      );
      return { files, answers: recorded, record: kitRecord(kit, files, options.outDir) };
    },
  };
}

/** `update --kit` must name the kit of at least one recorded run; else it is a mistake. */
export function checkGivenKit(kit: Kit, runs: readonly ManifestRun[], shownManifest: string): void {
  const names = [...new Set(runs.map((r) => r.kit?.name ?? BUILTIN_KIT_NAME))];
  if (names.includes(kit.name)) return;
  throw new KitError("E_USAGE", `--kit ${kit.origin.source}: kit ${kit.name} made none of the runs in ${shownManifest} (they come from ${names.join(", ")})`, {
    hint: "give a newer version of the kit the runs were generated with",
  });
}

function builtinOnlyRenderer(options: RendererOptions): RunRenderer {
  const templates = templateSet({ cwd: options.cwd, templatesDir: options.templatesDir });
  const ctx = { pipelineTemplates: templates.pipelineTemplates() };
  return {
    name: options.templatesDir === undefined ? "the built-in generators" : `the built-in generators with templates from ${options.templatesDir}`,
    answerKeys: (run) => findGenerator(run.generator).answers.map((a) => a.key),
    render(run, values, origins) {
      const spec = findGenerator(run.generator);
      const recordedOrigin = `${MANIFEST_FILE} (run ${run.generator} ${run.identifier})`;
      const allOrigins = Object.fromEntries(Object.keys(values).map((k) => [k, origins[k] ?? recordedOrigin]));
      const { answers } = resolveAnswers(spec.answers, { values, origins: allOrigins }, { generator: spec.name, ctx, useDefaults: true });
      const files = renderJobs(spec.files(answers), templates);
      const recorded = Object.fromEntries(
        spec.answers.filter((s) => s.sensitive !== true && answers[s.key] !== undefined).map((s) => [s.key, answers[s.key] as AnswerValue]),
      );
      return { files, answers: recorded };
    },
  };
}
