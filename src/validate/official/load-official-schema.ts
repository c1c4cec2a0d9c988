/**
 * Harness's published v0 pipeline schema as a ready validator: read (or download once), repair,
 * compile once per schema version, then load the compiled code from the cache on every later run.
 */
import { createHash } from "node:crypto";
import type { ErrorObject } from "ajv";
import { AJV_VERSION } from "./ajv-runtime.js";
import { resolveCacheDir } from "./cache-dir.js";
import { parseSchemaJson } from "./parse-schema-json.js";
import { readSchemaSource, schemaSourceFile } from "./read-schema-source.js";
import { rememberedSha256, rememberSha256, statBeforeRead } from "./schema-fingerprint.js";
import { GUARD_VERSION, guardTypedBranches } from "./guard-typed-branches.js";
import { REPAIR_VERSION, repairSchema } from "./repair-schema.js";
import { loadStandalone, saveCodeCache, standalonePath, writeStandalone } from "./standalone-cache.js";
import type { LoadedStandalone, StandaloneValidate } from "./standalone-cache.js";
import { WARM_UP_PIPELINES } from "./warm-up.js";

export interface OfficialSchemaOptions {
  cwd: string;
  /** Where downloads and compiled validators go; default from resolveCacheDir. */
  cacheDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
}

export interface OfficialSchema {
  /** sha256 (hex) of the schema file's bytes. */
  sha256: string;
  /** Errors for `doc` (a parsed pipeline file, `{ pipeline: … }`); empty when it is valid. */
  validate(doc: unknown): ErrorObject[];
  /** True when the compiled validator came from the cache directory (no compiling this run). */
  fromCache: boolean;
  /** Set when the validator could not be cached: every run will compile again until it is fixed. */
  cacheProblem?: string;
}

/**
 * Stop each branch at its first error. Every oneOf/anyOf branch is still tried and reports its first
 * error, so the error that matters (the mistyped step type, the bad identifier, at its exact path) is
 * among them either way. Measured on the v0 bundle (README.md, "Harness's official pipeline schema"):
 * allErrors made an invalid pipeline ~6x slower to check and a valid one no faster.
 */
export const ALL_ERRORS = false;

/** Bump when the code written to the cache changes shape (2: schema constants inlined; 3: split into hot script and cold chunks; 4: hot script stored wrapped). */
const CODE_FORMAT = 4;

/** The warm-up pipelines choose which functions are hot: new ones should re-split old caches. */
const WARM_UP_HASH = createHash("sha256").update(JSON.stringify(WARM_UP_PIPELINES)).digest("hex").slice(0, 12);

/** Names one compiled validator: the schema's bytes and everything that shapes the generated code. */
function validatorKey(sha256: string): string {
  const recipe = [sha256, AJV_VERSION, `repair@${REPAIR_VERSION}`, `guards@${GUARD_VERSION}`, `allErrors=${ALL_ERRORS}`, `code@${CODE_FORMAT}`, `warm-up@${WARM_UP_HASH}`].join("\n");
  return createHash("sha256").update(recipe).digest("hex").slice(0, 40);
}

/** The schema as the cache compiles it: parsed, repaired, typed branches guarded (guard-typed-branches.ts). */
export function prepareSchema(bytes: Uint8Array, label: string): unknown {
  const { schema } = repairSchema(parseSchemaJson(bytes, label));
  guardTypedBranches(schema);
  return schema;
}

function errorsOf(validate: StandaloneValidate): (doc: unknown) => ErrorObject[] {
  return (doc) => (validate(doc) ? [] : [...(validate.errors ?? [])]);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function loadOfficialSchema(source: string, options: OfficialSchemaOptions): Promise<OfficialSchema> {
  const cacheDir = resolveCacheDir(options);
  // Most runs: the schema file is unchanged since it was hashed, and its validator is cached.
  const sourceFile = schemaSourceFile(source, { cwd: options.cwd, cacheDir });
  const remembered = sourceFile === undefined ? undefined : await rememberedSha256(sourceFile, cacheDir);
  if (remembered !== undefined) {
    const found = await fromCache(remembered, cacheDir);
    if (found !== undefined) return found;
  }

  const before = sourceFile === undefined ? undefined : await statBeforeRead(sourceFile);
  const { bytes, label } = await readSchemaSource(source, { ...options, cacheDir });
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sourceFile !== undefined && before !== undefined) await rememberSha256(sourceFile, cacheDir, sha256, before);
  const found = remembered === sha256 ? undefined : await fromCache(sha256, cacheDir);
  if (found !== undefined) return found;

  const key = validatorKey(sha256);
  const file = standalonePath(cacheDir, key);
  options.signal?.throwIfAborted();
  const schema = prepareSchema(bytes, label);
  // Only a first run compiles: cached runs never load Ajv's compiler (~0.1 s of module loading).
  const [{ compileStandalone }, { splitBySamples }] = await Promise.all([import("./compile-standalone.js"), import("./split-standalone.js")]);
  const compiled = compileStandalone(schema, label, ALL_ERRORS);
  options.signal?.throwIfAborted();
  try {
    await writeStandalone(file, key, splitBySamples(compiled.code, WARM_UP_PIPELINES));
    const loaded = await loadStandalone(file, key);
    if (loaded === undefined) throw new Error(`${file} does not load back`);
    const problem = await refreshCodeCache(file, loaded);
    return { sha256, validate: errorsOf(loaded.validate), fromCache: false, ...(problem ? { cacheProblem: problem } : {}) };
  } catch (error) {
    // Caching only saves time: validate with the in-memory validator and say why the next run will be slow.
    return {
      sha256,
      validate: errorsOf(compiled.validate),
      fromCache: false,
      cacheProblem: `could not cache the compiled schema in ${file} (${describe(error)}); set XDG_CACHE_HOME to a writable directory`,
    };
  }
}

async function fromCache(sha256: string, cacheDir: string): Promise<OfficialSchema | undefined> {
  const key = validatorKey(sha256);
  const file = standalonePath(cacheDir, key);
  const cached = await loadStandalone(file, key);
  if (cached === undefined) return undefined;
  // A code cache from another Node version (or none): still correct, only slower; refresh it.
  const problem = cached.codeCacheUsed ? undefined : await refreshCodeCache(file, cached);
  return { sha256, validate: errorsOf(cached.validate), fromCache: true, ...(problem ? { cacheProblem: problem } : {}) };
}

async function refreshCodeCache(file: string, loaded: LoadedStandalone): Promise<string | undefined> {
  try {
    await saveCodeCache(file, loaded, WARM_UP_PIPELINES);
    return undefined;
  } catch (error) {
    return `could not save V8's code cache next to ${file} (${describe(error)}); loading stays slower`;
  }
}
