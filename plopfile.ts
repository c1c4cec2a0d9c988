/**
 * Registers every generator in generators/ with plop, so `npx plop <generator>` prompts with the
 * same questions as `harness-scaffold new` and writes through the same render → validate → write
 * action. The CLI loads the compiled copy (dist/plopfile.js) with node-plop for its own prompts.
 */
import type { KitPlopOptions, PlopLike } from "./src/generate/plop.js";
import { registerGenerators } from "./src/generate/plop.js";

export default function plopfile(plop: PlopLike, config?: { harnessScaffold?: KitPlopOptions }): void {
  registerGenerators(plop, config ?? {});
}
