/**
 * Code generated at build time (src/precompile.ts) from the kit's schemas and templates, so that a
 * run loads it instead of compiling the same things again (seconds of Ajv and Handlebars work).
 *
 * Layout of `dist/precompiled/`:
 *   `<name>.js` — a stamp line (`stampCode`: the SHA-256 of what follows), then one function
 *                 expression, `(function (require, provided) { … return value; })`;
 *   `<name>.v8` — V8's code cache for it, made after the build ran every function once, so a run
 *                 skips compiling the (large) generated functions too; it starts with the same
 *                 SHA-256 (V8 itself only compares lengths). V8 refuses a cache from another Node
 *                 version, and the code then compiles as usual.
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

const STAMP = "// harness-scaffold build ";
const DIGEST_BYTES = 32;

/**
 * The code as the build writes it: a first line with the SHA-256 of the rest, which its `.v8`
 * file repeats. A run compares the two lines instead of hashing 1.7 MB of code each time (~8 ms);
 * both files come from one build, and V8 rejects a cache for code of another length anyway.
 */
export function stampCode(code: string): string {
  return `${STAMP}${createHash("sha256").update(code).digest("hex")}\n${code}`;
}

/** The digest a stamped script claims, or undefined when it has no stamp. */
function stampOf(code: string): Buffer | undefined {
  if (!code.startsWith(STAMP)) return undefined;
  const hex = code.slice(STAMP.length, STAMP.length + DIGEST_BYTES * 2);
  return /^[0-9a-f]{64}$/.test(hex) && code[STAMP.length + hex.length] === "\n" ? Buffer.from(hex, "hex") : undefined;
}

/** The contents for `<name>.v8`: the stamped code's digest, then V8's cache. */
export function codeCacheFile(stampedCode: string, cache: Buffer): Buffer {
  const stamp = stampOf(stampedCode);
  if (stamp === undefined) throw new Error("codeCacheFile: the code has no build stamp (see stampCode)");
  return Buffer.concat([stamp, cache]);
}

/** The cache saved for exactly this code, else undefined (none, no stamp, or made for other code). */
function codeCacheFor(code: string, file: string): Buffer | undefined {
  const stamp = stampOf(code);
  if (stamp === undefined) return undefined;
  let stored: Buffer;
  try {
    stored = readFileSync(file);
  } catch {
    return undefined;
  }
  if (stored.length <= DIGEST_BYTES || !stored.subarray(0, DIGEST_BYTES).equals(stamp)) return undefined;
  return stored.subarray(DIGEST_BYTES);
}
