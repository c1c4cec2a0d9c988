/**
 * Compiled validators on disk. Ajv's standalone code for the v0 bundle is ~20 MB of JavaScript;
 * parsing that takes ~0.5 s, so it is loaded through node:vm with a V8 code cache (~5 MB) saved
 * beside it; deserialising that cache is most of a cached run (README.md, "Performance").
 *
 * Layout under `<cacheDir>/official-schema/validators/`:
 *   `<key>.js` — the standalone code between a header and a trailer naming the key, so a truncated
 *                or foreign file is recognised without hashing 22 MB;
 *   `<key>.v8` — V8's code cache for it; V8 itself rejects one from another Node version or build.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import type { ErrorObject } from "ajv";
import { writeFileAtomic } from "./cache-dir.js";
import { FORMATS } from "./ajv-runtime.js";

const require = createRequire(import.meta.url);

/** An Ajv validate function as standalone code exports it. */
export type StandaloneValidate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export interface LoadedStandalone {
  validate: StandaloneValidate;
  script: vm.Script;
  /** V8 accepted the saved code cache; false means it should be (re)written. */
  codeCacheUsed: boolean;
}

export function standalonePath(cacheDir: string, key: string): string {
  return path.join(cacheDir, "official-schema", "validators", `${key}.js`);
}

function codeCachePath(file: string): string {
  return file.replace(/\.js$/, ".v8");
}

const header = (key: string) => `// harness-scaffold: compiled Harness v0 pipeline schema ${key}\n`;
const trailer = (key: string) => `\n// end of ${key}\n`;

/**
 * Writes the code as pure ASCII (non-ASCII characters can only sit in string literals and become
 * \u escapes), so it can be read back as latin1: a one-byte string, decoded in half the time of UTF-8.
 */
export async function writeStandalone(file: string, key: string, code: string): Promise<void> {
  const ascii = code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  await writeFileAtomic(file, header(key) + ascii + trailer(key));
}

/** The validator in `file`, or undefined when it is missing, truncated, foreign or does not run. */
export async function loadStandalone(file: string, key: string): Promise<LoadedStandalone | undefined> {
  let text: string;
  try {
    text = await readFile(file, "latin1");
  } catch {
    return undefined;
  }
  if (!text.startsWith(header(key)) || !text.endsWith(trailer(key))) return undefined;
  const cachedData = await readFile(codeCachePath(file)).catch(() => undefined);
  try {
    // The same wrapper Node puts around a CommonJS module, plus `formats` (see create-ajv.ts).
    const script = new vm.Script(`(function (module, exports, require, formats) {${text}\n})`, {
      filename: file,
      cachedData,
    });
    const factory = script.runInThisContext() as (...args: unknown[]) => void;
    const module: { exports: unknown } = { exports: {} };
    factory(module, module.exports, require, FORMATS);
    if (typeof module.exports !== "function") return undefined;
    return {
      validate: module.exports as StandaloneValidate,
      script,
      codeCacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    };
  } catch {
    return undefined;
  }
}

/**
 * Runs `samples` through the validator so V8 compiles the functions they reach, then saves the code
 * cache, which includes every function compiled so far.
 */
export async function saveCodeCache(file: string, loaded: LoadedStandalone, samples: readonly unknown[]): Promise<void> {
  for (const sample of samples) loaded.validate(sample);
  await writeFileAtomic(codeCachePath(file), loaded.script.createCachedData());
}
