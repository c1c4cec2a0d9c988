/**
 * Build time: the kit's schemas as Ajv standalone code, one script for load-precompiled.ts, so a
 * run loads validate functions instead of compiling them (see compile.ts).
 *
 * The code reaches the formats through `provided.formats` (kit-formats.ts, passed in by
 * compile.ts), so the identifier and name rules are not copied into it, and Ajv's runtime
 * helpers through `require`.
 */
import { _ } from "ajv";
import standaloneModule from "ajv/dist/standalone/index.js";
import type { EntityKind } from "../layout.js";
import { createKitAjv, schemaFingerprint } from "./compile.js";
import { KIND_SCHEMAS } from "./schemas/index.js";

// ajv/dist/standalone is CommonJS whose module.exports is the function (and also `.default`).
const standaloneCode = (standaloneModule as unknown as { default: typeof standaloneModule.default }).default;

/**
 * Source of the `kit-validators` script. It returns a `PrecompiledValidators`: the validate function
 * and schema fingerprint of each kind, and every generated function (the build calls each once
 * before saving V8's code cache, so that the cache holds them all compiled).
 */
export function precompiledValidatorsCode(): string {
  // Ajv's optimiser is worth it here: it runs once, at build time, and leaves less code to load.
  const ajv = createKitAjv({ source: true, optimize: true, formats: _`formats` });
  const kinds = Object.keys(KIND_SCHEMAS) as EntityKind[];
  for (const kind of kinds) ajv.addSchema(KIND_SCHEMAS[kind], kind);
  const code = standaloneCode(ajv, Object.fromEntries(kinds.map((kind) => [kind, kind])));
  const functions = [...new Set(Array.from(code.matchAll(/\bfunction (validate\d+)\(/g), (m) => m[1]))];
  const fingerprints = Object.fromEntries(kinds.map((kind) => [kind, schemaFingerprint(KIND_SCHEMAS[kind])]));
  return [
    "(function (require, provided) {",
    '"use strict";',
    "const formats = provided.formats;",
    "const exports = {};",
    code,
    "return {",
    `  fingerprints: ${JSON.stringify(fingerprints)},`,
    "  validators: exports,",
    `  functions: [${functions.join(", ")}],`,
    "};",
    "})",
    "",
  ].join("\n");
}
