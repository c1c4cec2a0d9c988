/**
 * Build step, run by `npm run build` after tsc (`node dist/src/precompile.js`): compiles the kit's
 * schemas and built-in templates into dist/precompiled/ (see util/load-precompiled.ts), so that a
 * run loads them instead of compiling. Each script is then run once and every generated function
 * called, and V8's code cache saved with all of them compiled.
 */
import { randomUUID } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { PRECOMPILED_VALIDATORS, type KitValidate } from "./validate/compile.js";
import { KIT_FORMATS } from "./validate/kit-formats.js";
import { precompiledValidatorsCode } from "./validate/precompile.js";
import { expressionTexts, PRECOMPILED_TEMPLATES } from "./render/handlebars.js";
import { builtinKit, PRECOMPILED_KIT_FILE, precompiledKitJson } from "./kit/builtin.js";
import { precompiledTemplatesCode } from "./render/precompile.js";
import { codeCacheFile, loadPrecompiled, PRECOMPILED_DIR, precompiledFile, stampCode } from "./util/load-precompiled.js";

// From the TS sources PRECOMPILED_DIR is a folder beside src/ that nothing reads.
if (!import.meta.url.endsWith(".js")) throw new Error("precompile runs on the built files (node dist/src/precompile.js)");

async function replace(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}

async function store(name: string, unstamped: string, provided: object, warmUp: (value: unknown) => void): Promise<void> {
  const code = stampCode(unstamped);
  await replace(precompiledFile(PRECOMPILED_DIR, name, ".js"), code);
  const loaded = loadPrecompiled(name, provided);
  if (loaded === undefined) throw new Error(`precompile: the generated ${name} script does not run`);
  warmUp(loaded.value);
  await replace(precompiledFile(PRECOMPILED_DIR, name, ".v8"), codeCacheFile(code, loaded.script.createCachedData()));
}

await mkdir(PRECOMPILED_DIR, { recursive: true });
await store(PRECOMPILED_VALIDATORS, precompiledValidatorsCode(), { formats: KIT_FORMATS }, (value) => {
  // One call compiles a whole function; what it returns for `{}` does not matter.
  for (const validate of (value as { functions: KitValidate[] }).functions) validate({});
});
await replace(PRECOMPILED_KIT_FILE, precompiledKitJson());
// Loading the built-in kit compiles every expression it has, recording their texts.
builtinKit();
await store(PRECOMPILED_TEMPLATES, precompiledTemplatesCode(undefined, expressionTexts), {}, () => undefined);
