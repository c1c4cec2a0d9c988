/**
 * Runs a split validator (split-standalone.ts): the hot script through node:vm, and each cold chunk
 * the first time one of its stubs is called. Chunks have no code cache of their own: V8 compiles a
 * chunk's functions lazily, so a document that reaches a cold function pays for about one chunk
 * (~200 KB), not for the ~13 MB of functions generated pipelines never reach.
 */
import { createRequire } from "node:module";
import vm from "node:vm";
import { FORMATS } from "./ajv-runtime.js";
import type { StandaloneValidate } from "./standalone-cache.js";

const require = createRequire(import.meta.url);

type Scope = Record<string, unknown>;
type Chunk = Record<string, StandaloneValidate>;

export interface SplitValidator {
  validate: StandaloneValidate;
  script: vm.Script;
  /** V8 accepted the code cache passed in. */
  codeCacheUsed: boolean;
  /** Names of the cold functions called so far, in first-call order. */
  coldReached: Set<string>;
  /** How many chunks were loaded so far. */
  chunksLoaded(): number;
}

/** The same wrapper Node puts around a CommonJS module, plus `formats` (see create-ajv.ts) and `cold`. */
export function wrapHot(hot: string): string {
  return `(function (module, exports, require, formats, cold) {${hot}\n})`;
}

export interface SplitSource {
  /**
   * The hot script as wrapHot returns it. The cache stores it wrapped, so that the string V8 gets is
   * one flat piece of the file (a concatenation would be copied again, ~20 ms for 7 MB).
   */
  wrappedHot: string;
  /** The source of chunk `index`; throws (a KitError) when it cannot be read. */
  readChunk(index: number): string;
  /** Names the script in stack traces. */
  filename: string;
  cachedData?: Buffer;
}

/** Undefined when the hot script does not produce a validator; errors from it propagate. */
export function runSplit(source: SplitSource): SplitValidator | undefined {
  const loaded: Chunk[] = [];
  const coldReached = new Set<string>();
  let scope: Scope = {};

  const loadChunk = (index: number): Chunk => {
    const factory = new vm.Script(source.readChunk(index), { filename: `${source.filename}#chunk${index}` }).runInThisContext();
    return (factory as (scope: Scope) => Chunk)(scope);
  };

  /** Every stub's body: the real function's result, and its errors on the stub, where Ajv's code reads them. */
  const cold = (stub: StandaloneValidate, index: number, data: unknown, options: unknown): boolean => {
    const real = (loaded[index] ??= loadChunk(index))[stub.name];
    if (real === undefined) throw new Error(`${source.filename}: chunk ${index} has no ${stub.name}`);
    coldReached.add(stub.name);
    const valid = (real as (data: unknown, options: unknown) => boolean)(data, options);
    stub.errors = real.errors;
    return valid;
  };

  const script = new vm.Script(source.wrappedHot, {
    filename: source.filename,
    ...(source.cachedData ? { cachedData: source.cachedData } : {}),
  });
  const factory = script.runInThisContext() as (...args: unknown[]) => void;
  const module: { exports: unknown; scope?: Scope } = { exports: {} };
  factory(module, module.exports, require, FORMATS, cold);
  if (typeof module.exports !== "function" || typeof module.scope !== "object") return undefined;
  scope = module.scope;
  return {
    validate: module.exports as StandaloneValidate,
    script,
    codeCacheUsed: source.cachedData !== undefined && !script.cachedDataRejected,
    coldReached,
    chunksLoaded: () => loaded.filter(Boolean).length,
  };
}
