/**
 * One run of a kit generator without the CLI or the disk: answers → resolved answers → rendered
 * files. `generate` writes what this returns; `update` can call it to re-render a recorded run
 * from (kit, generator, answers).
 */
import { resolveAnswers } from "../answers/resolve.js";
import type { Answers } from "../answers/spec.js";
import { KitError } from "../errors.js";
import type { GeneratorSpec } from "../generate/spec.js";
import type { RenderedFile } from "../render/render.js";
import { renderJobs } from "../render/render.js";
import { closest } from "../util/suggest.js";
import type { Kit } from "./types.js";

export interface RenderRunResult {
  spec: GeneratorSpec;
  answers: Answers;
  derived: Array<{ key: string; value: string }>;
  files: RenderedFile[];
}

export function findKitGenerator(kit: Kit, name: string): GeneratorSpec {
  const found = kit.specs.find((g) => g.name === name);
  if (found !== undefined) return found;
  const names = kit.specs.map((g) => g.name);
  const guess = closest(name, names);
  throw new KitError("E_USAGE", `the kit ${kit.name} has no generator "${name}"${guess === undefined ? "" : ` (did you mean "${guess}"?)`}`, {
    hint: `its generators are ${names.join(", ")}; see "harness-scaffold list --kit ${kit.origin.source}"`,
  });
}

/** Renders run `generator` of `kit` with `answers` (defaults fill the gaps unless useDefaults is false). */
export function renderRun(kit: Kit, generator: string, answers: Record<string, unknown>, options: { useDefaults?: boolean } = {}): RenderRunResult {
  const spec = findKitGenerator(kit, generator);
  const resolved = resolveAnswers(spec.answers, { values: answers, origins: {} }, {
    generator: spec.name,
    ctx: { pipelineTemplates: kit.templates.pipelineTemplates() },
    useDefaults: options.useDefaults ?? true,
  });
  const files = renderJobs(spec.files(resolved.answers), kit.templates);
  return { spec, answers: resolved.answers, derived: resolved.derived, files };
}
