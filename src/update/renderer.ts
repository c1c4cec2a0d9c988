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
import type { Kit } from "../kit/types.js";

export interface RenderedRun {
  files: RenderedFile[];
  /** The answers to record for the run (resolved, sensitive ones left out). */
  answers: Record<string, unknown>;
}

export interface RunRenderer {
  /** Words for messages, e.g. "the built-in generators". */
  readonly name: string;
  /** Answer keys the run's generator takes (to route `--set` when the out dir holds several runs). */
  answerKeys(run: ManifestRun): string[];
  /** Renders the run with these answers (recorded ones with `--set` applied). */
  render(run: ManifestRun, answers: Record<string, unknown>, origins: Record<string, string>): RenderedRun;
}

/**
 * Runs recorded with a kit (`run.kit`) render through that kit, loaded from its recorded source
 * (a folder relative to cwd, or an installed package); the others through the built-in generators.
 */
export function builtinRenderer(options: { cwd: string; templatesDir?: string | undefined }): RunRenderer {
  const builtIn = builtinOnlyRenderer(options);
  const kits = new Map<string, Kit>();
  const kitOf = (run: ManifestRun): Kit | undefined => {
    if (run.kit === undefined) return undefined;
    let kit = kits.get(run.kit.source);
    if (kit === undefined) {
      kit = loadKit(run.kit.source, { cwd: options.cwd });
      kits.set(run.kit.source, kit);
    }
    return kit;
  };
  return {
    name: builtIn.name,
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
      return { files, answers: recorded };
    },
  };
}

function builtinOnlyRenderer(options: { cwd: string; templatesDir?: string | undefined }): RunRenderer {
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
