/**
 * Code generated at build time (src/precompile.ts) from the kit's schemas and templates, so that a
 * run loads it instead of compiling the same things again (seconds of Ajv and Handlebars work).
 *
 * Layout of `dist/precompiled/`:
 *   `<name>.js` — one function expression, `(function (require, provided) { … return value; })`;
 *   `<name>.v8` — V8's code cache for it, made after the build ran every function once, so a run
 *                 skips compiling the (large) generated functions too. V8 refuses a cache from
 *                 another Node version, and the code then compiles as usual.
 *
 * The folder is found relative to this module: from dist/src/util/ it is dist/precompiled/; from
 * the TS sources (tests, tsx) it does not exist, so they always compile live.
 */
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
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(precompiledFile(dir, name, ".v8"));
  } catch {
    cachedData = undefined;
  }
  try {
    const script = new vm.Script(code, { filename: file, cachedData });
    const factory = script.runInThisContext() as (require: NodeJS.Require, provided: object) => unknown;
    // The generated code `require`s Ajv's runtime helpers; resolve them from the package, as an import would.
    return { value: factory(createRequire(file), provided), script };
  } catch {
    return undefined;
  }
}
