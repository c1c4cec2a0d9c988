/**
 * Splits Ajv's standalone code (~20 MB, 1,267 validate functions for the v0 bundle) into a hot
 * script and cold chunks. A generated pipeline reaches only ~370 of the functions; reading, decoding
 * and deserialising the code cache of all of them was most of a cached run (README.md,
 * "Performance"). The hot script keeps every non-function statement and the hot functions as Ajv
 * wrote them; each cold function becomes a stub of the same name that hands the call to the real
 * function in its chunk (loaded on first use, see split-runtime.ts) and copies back its `.errors`,
 * which is all Ajv's code reads from a function after calling it. So the split validator gives the
 * same result and errors as the unsplit one for every document, only loading differs.
 *
 * A chunk is `(function (scope) {"use strict"; const {…names it uses…} = scope; function …; return {…}; })`,
 * where `scope` holds the hot script's top-level names (stubs included) that any chunk uses.
 */
import { runSplit, wrapHot } from "./split-runtime.js";
import { topLevelStatements } from "./top-level-statements.js";
import type { TopLevelStatement } from "./top-level-statements.js";

export interface SplitStandalone {
  /** CommonJS body like Ajv's; also reads `cold` (split-runtime.ts) and sets `module.scope`. */
  hot: string;
  /** Source of each chunk, an expression evaluating to its factory. */
  chunks: string[];
  /** Names of the functions left in the hot script. */
  hotFunctions: string[];
}

/** Chunks of about this many characters: small enough that one cold step type loads little else. */
export const CHUNK_CHARS = 200_000;

const stub = (name: string, chunk: number): string =>
  `function ${name}(data, options){return cold(${name}, ${chunk}, data, options);}`;

/** Groups cold functions in Ajv's order, which emits the functions a definition uses right before it. */
function chunksOf(cold: readonly TopLevelStatement[], chunkChars: number): TopLevelStatement[][] {
  const chunks: TopLevelStatement[][] = [];
  let size = Infinity;
  for (const statement of cold) {
    if (size >= chunkChars) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)!.push(statement);
    size += statement.text.length;
  }
  return chunks;
}

function chunkSource(functions: readonly TopLevelStatement[], topNames: ReadonlySet<string>, scopeNames: Set<string>): string {
  const own = new Set(functions.map((f) => f.name!));
  const used = new Set<string>();
  for (const f of functions) for (const id of f.identifiers) if (topNames.has(id) && !own.has(id)) used.add(id);
  for (const name of used) scopeNames.add(name);
  const imports = used.size > 0 ? `const {${[...used].join(", ")}} = scope;` : "";
  const body = functions.map((f) => f.text).join("\n");
  return `(function (scope) {"use strict";${imports}\n${body}\nreturn {${[...own].join(", ")}};})`;
}

/**
 * `hot` names the functions to keep in the hot script (the root `validate0` always stays, so the
 * export is never a stub); every other function goes to a chunk. Throws on code it cannot read.
 */
export function splitStandalone(code: string, hot: ReadonlySet<string>, chunkChars = CHUNK_CHARS): SplitStandalone {
  const statements = topLevelStatements(code);
  const topNames = new Set(statements.flatMap((s) => (s.name ? [s.name] : [])));
  const isHot = (s: TopLevelStatement): boolean => !s.isFunction || hot.has(s.name!) || s.name === "validate0";
  const cold = statements.filter((s) => !isHot(s));
  const chunkGroups = chunksOf(cold, chunkChars);
  const chunkOf = new Map<string, number>();
  chunkGroups.forEach((group, index) => group.forEach((f) => chunkOf.set(f.name!, index)));

  const scopeNames = new Set<string>();
  const chunks = chunkGroups.map((group) => chunkSource(group, topNames, scopeNames));
  const hotText = statements.map((s) => (isHot(s) ? s.text : stub(s.name!, chunkOf.get(s.name!)!))).join("\n");
  const scope = `module.scope = {${[...scopeNames].join(", ")}};`;
  return {
    hot: `${hotText}\n${scope}`,
    chunks,
    hotFunctions: statements.filter((s) => s.isFunction && isHot(s)).map((s) => s.name!),
  };
}

/** Ajv's code as one hot script with no chunks: what is cached when the code cannot be split. */
export function unsplit(code: string): SplitStandalone {
  return { hot: `${code}\nmodule.scope = {};`, chunks: [], hotFunctions: [] };
}

/**
 * The hot set is measured, not guessed: every function but the root starts cold, the samples run
 * (warm-up.ts: the shapes the kit generates), and the functions they reached become the hot set.
 */
export function splitBySamples(code: string, samples: readonly unknown[]): SplitStandalone {
  let probe: SplitStandalone;
  try {
    // One function a chunk: inside a chunk functions call each other directly, unseen by the stubs.
    probe = splitStandalone(code, new Set(), 1);
  } catch {
    // Code shaped in a way top-level-statements.ts does not know (a new Ajv): correct, only slower.
    return unsplit(code);
  }
  const run = runSplit({ wrappedHot: wrapHot(probe.hot), readChunk: (index) => probe.chunks[index]!, filename: "split-probe.js" });
  if (run === undefined) throw new Error("standalone code: the split validator does not load");
  for (const sample of samples) run.validate(sample);
  return splitStandalone(code, run.coldReached);
}
