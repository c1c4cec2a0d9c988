/**
 * Interactive answers for the CLI, through plop: node-plop loads the compiled plopfile, and the
 * generator's own prompts (inquirer) ask for what the answers file and --set left open.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { KitError } from "../errors.js";
import type { KitPlopOptions } from "./plop.js";
import type { Kit } from "../kit/types.js";

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
  /** Prompt for a kit's generator instead of a built-in one. */
  kit?: Kit | undefined;
  /** Aborted by Ctrl-C: inquirer then stops without settling its promise, so race it. */
  signal: AbortSignal;
  /** The terminal inquirer reads; released afterwards so a cancelled prompt cannot keep the process alive. */
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
}): Promise<Record<string, unknown>> {
  const { default: nodePlop } = await import("node-plop");
  const kit: KitPlopOptions = { preset: options.preset, cwd: options.cwd };
  if (options.templatesDir !== undefined) kit.templatesDir = options.templatesDir;
  if (options.kit !== undefined) kit.kit = options.kit;
  const config = { destBasePath: options.cwd, force: false, harnessScaffold: kit };
  const plop = await nodePlop(plopfilePath(), config);
  // Ctrl-C: inquirer closes its prompt and re-raises SIGINT without settling its promise, and the
  // signal may arrive after the event loop has run dry; so watch the keystroke itself as well.
  let stop = (): void => undefined;
  const cancelled = new Promise<never>((_, reject) => {
    stop = () => reject(new KitError("E_INPUT", "cancelled at the prompt; nothing was written"));
  });
  const onKey = (chunk: unknown): void => {
    if (String(chunk).includes("\u0003")) stop();
  };
  if (options.signal.aborted) stop();
  options.signal.addEventListener("abort", stop, { once: true });
  options.input.on("data", onKey);
  const asked = plop.getGenerator(options.generator).runPrompts() as Promise<Record<string, unknown>>;
  let answers: Record<string, unknown>;
  try {
    answers = await Promise.race([asked, cancelled]);
  } finally {
    options.input.removeListener("data", onKey);
    options.signal.removeEventListener("abort", stop);
    if (options.input.isTTY) options.input.setRawMode?.(false);
    options.input.pause();
  }
  return Object.fromEntries(Object.entries(answers).filter(([key]) => !key.startsWith("__")));
}
