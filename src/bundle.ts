/**
 * Build step, run by `npm run build` after precompile: bundles the CLI (dist/src/cli.js and what it
 * imports) into a few files under dist/bundle/cli/, which is what the `harness-scaffold` bin runs.
 *
 * Why: Node 20 loads ES modules one at a time, each resolved, read and compiled on its own, and
 * has no module compile cache. The CLI is ~80 of our modules plus yaml's ~70 CommonJS files before
 * it does anything: ~130 ms of a 350 ms `validate`. Bundled, the same run loads a handful of files.
 * Each command still loads only its own code: dynamic imports become chunks (`splitting`).
 *
 * The output sits two folders below dist/, like dist/src/<dir>/, so the few paths our modules take
 * relative to their own URL (../../precompiled/, ../../plopfile.js) mean the same from the bundle.
 * Left outside: Ajv (its runtime helpers are `require`d by generated code, by file name) and node-plop
 * (node-plop imports our plopfile by path; it and inquirer load only for the interactive prompt).
 */
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

if (!import.meta.url.endsWith(".js")) throw new Error("bundle runs on the built files (node dist/src/bundle.js)");

const dist = fileURLToPath(new URL("../", import.meta.url));
const BUNDLE_DIR = `${dist}bundle/cli/`;

await rm(BUNDLE_DIR, { recursive: true, force: true });
await build({
  entryPoints: [`${dist}src/cli.js`],
  outdir: BUNDLE_DIR,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunk-[hash]",
  external: ["ajv", "ajv/*", "node-plop"],
  // CommonJS packages inside an ES module bundle call `require` for Node's built-ins.
  banner: { js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);' },
  legalComments: "eof",
  logLevel: "warning",
});
