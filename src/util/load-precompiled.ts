/**
 * Code generated at build time (src/precompile.ts) from the kit's schemas and templates, so that a
 * run loads it instead of compiling the same things again (seconds of Ajv and Handlebars work).
 *
 * Layout of `dist/precompiled/`:
 *   `<name>.js` — one function expression, `(function (require, provided) { … return value; })`;
 *   `<name>.v8` — V8's code cache for it, made after the build ran every function once, so a run
 *                 skips compiling the (large) generated functions too; it starts with the SHA-256
 *                 of the code it belongs to (V8 itself only compares lengths). V8 refuses a cache
 *                 from another Node version, and the code then compiles as usual.
 *
 * The folder is found relative to this module: from dist/src/util/ it is dist/precompiled/; from
 * the TS sources (tests, tsx) it does not exist, so they always compile live.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

export const PRECOMPILED_DIR: string = fileURLToPath(new URL("../../precompiled/", import.meta.url));

export interface LoadedPrecompiled {
  /** What the function returned. */
  value: unknown;
  /** For the build, which saves its code cache after warming it up. */
  script: vm.Script;
}

export const precompiledFile = (dir: string, name: string, ext: ".js" | ".v8"): string => path.join(dir, `${name}${ext}`);

/**
 * Runs `<name>.js` with `provided` (the values the generated code takes from the kit's own modules).
 * Undefined when there is no such file or it does not run: callers then compile live.
 */
export function loadPrecompiled(name: string, provided: object, dir: string = PRECOMPILED_DIR): LoadedPrecompiled | undefined {
  const file = precompiledFile(dir, name, ".js");
  let code: string;
  try {
    code = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const cachedData = codeCacheFor(code, precompiledFile(dir, name, ".v8"));
  try {
    const script = new vm.Script(code, { filename: file, cachedData });
    const factory = script.runInThisContext() as (require: NodeJS.Require, provided: object) => unknown;
    // The generated code `require`s Ajv's runtime helpers; resolve them from the package, as an import would.
    return { value: factory(createRequire(file), provided), script };
  } catch {
    return undefined;
  }
}

const digest = (code: string): Buffer => createHash("sha256").update(code).digest();
const DIGEST_BYTES = 32;

/** The file's contents for `<name>.v8`: V8's cache after the digest of the code it was made from. */
export function codeCacheFile(code: string, cache: Buffer): Buffer {
  return Buffer.concat([digest(code), cache]);
}

/** The cache saved for exactly this code, else undefined (none, or made for other code). */
function codeCacheFor(code: string, file: string): Buffer | undefined {
  let stored: Buffer;
  try {
    stored = readFileSync(file);
  } catch {
    return undefined;
  }
  if (stored.length <= DIGEST_BYTES || !stored.subarray(0, DIGEST_BYTES).equals(digest(code))) return undefined;
  return stored.subarray(DIGEST_BYTES);
}
