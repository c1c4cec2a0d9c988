/**
 * Interactive answers for the CLI, through plop: node-plop loads the compiled plopfile, and the
 * generator's own prompts (inquirer) ask for what the answers file and --set left open.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { KitError } from "../errors.js";
import type { KitPlopOptions } from "./plop.js";

/** dist/plopfile.js next to the compiled CLI; plopfile.ts when running from sources (tests, tsx). */
function plopfilePath(): string {
  for (const candidate of ["../../plopfile.js", "../../plopfile.ts"]) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new KitError("E_INTERNAL", "plopfile not found next to the CLI; run npm run build");
}

export async function promptAnswers(options: {
  generator: string;
  preset: Record<string, unknown>;
  cwd: string;
  templatesDir?: string | undefined;
}): Promise<Record<string, unknown>> {
  const { default: nodePlop } = await import("node-plop");
  const kit: KitPlopOptions = { preset: options.preset, cwd: options.cwd };
  if (options.templatesDir !== undefined) kit.templatesDir = options.templatesDir;
  const config = { destBasePath: options.cwd, force: false, harnessScaffold: kit };
  const plop = await nodePlop(plopfilePath(), config);
  const answers = (await plop.getGenerator(options.generator).runPrompts()) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(answers).filter(([key]) => !key.startsWith("__")));
}
