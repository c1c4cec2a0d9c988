/**
 * The validators the build generates (dist/precompiled/kit-validators.*, what the CLI runs) against
 * the ones compiled live from the sources (what every other test runs): the same Ajv errors and
 * the same issues for every document of the fixture corpora, checked against every kind's schema.
 * Needs `npm run build` (as `npm test` does first).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { EntityKind } from "../../src/layout.js";
import { liveValidator, precompiledValidators, schemaFingerprint, type PrecompiledValidators } from "../../src/validate/compile.js";
import { KIT_FORMATS } from "../../src/validate/kit-formats.js";
import { reduceErrors } from "../../src/validate/reduce.js";
import { KIND_SCHEMAS } from "../../src/validate/schemas/index.js";
import { parseSource } from "../../src/validate/source/parse.js";
import { loadPrecompiled } from "../../src/util/load-precompiled.js";
import { repoRoot } from "../helpers/cli.js";

const builtDir = path.join(repoRoot, "dist/precompiled");
const kinds = Object.keys(KIND_SCHEMAS) as EntityKind[];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The same shape with every scalar of the wrong type: reaches the type and format errors the corpus rarely makes. */
function scrambled(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrambled);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrambled(v)]));
  return typeof value === "string" ? value.length : typeof value === "number" ? `${value}x` : typeof value === "boolean" ? "yes" : "";
}

/** Every YAML/JSON document that parses, from the validate corpus and the generators' golden output, also scrambled. */
const documents = [path.join(repoRoot, "test/fixtures/validate"), path.join(repoRoot, "test/fixtures/generate")]
  .flatMap(filesUnder)
  .filter((file) => /\.(ya?ml|json)$/.test(file))
  .map((file) => ({ file: path.relative(repoRoot, file), value: parseSource(file, readFileSync(file, "utf8")).value }))
  .filter((doc) => doc.value !== undefined)
  .flatMap((doc) => [doc, { file: `${doc.file} (scrambled)`, value: scrambled(doc.value) }]);

function built(): PrecompiledValidators {
  const stored = precompiledValidators(builtDir);
  if (stored === undefined) throw new Error(`no generated validators in ${builtDir}: run npm run build`);
  return stored;
}

/** One run of a validator: its verdict and errors, as data. */
function run(validate: PrecompiledValidators["validators"][string], value: unknown) {
  const valid = validate(value);
  const errors = structuredClone(validate.errors ?? []);
  return { valid, errors, issues: valid ? [] : reduceErrors(errors, value) };
}

describe("precompiled kit validators", () => {
  it("were generated from the schemas as they are now", () => {
    const stored = built();
    for (const kind of kinds) expect(stored.fingerprints[kind], `${kind}: rebuild (npm run build)`).toBe(schemaFingerprint(KIND_SCHEMAS[kind]));
  });

  it("give the same errors and issues as the live-compiled schemas on every fixture, against every kind", () => {
    const stored = built();
    expect(documents.length).toBeGreaterThanOrEqual(100);
    let failing = 0;
    for (const kind of kinds) {
      const live = liveValidator(kind);
      const generated = stored.validators[kind];
      expect(generated, kind).toBeTypeOf("function");
      for (const { file, value } of documents) {
        const want = run(live, value);
        expect(run(generated!, value), `${file} as ${kind}`).toEqual(want);
        if (want.issues.length > 0) failing++;
      }
    }
    // The corpus reaches the error paths, not only the happy ones.
    expect(failing).toBeGreaterThan(documents.length * 3);
  });

  it("take the identifier and name rules from kit-formats.ts, not from a copy", () => {
    const project = { project: { identifier: "pay_api", name: "Pay API" } };
    expect(built().validators.project!(project)).toBe(true);
    const refusing = { ...KIT_FORMATS, "kit-identifier": () => false };
    const stored = loadPrecompiled("kit-validators", { formats: refusing }, builtDir)?.value as PrecompiledValidators;
    const validate = stored.validators.project!;
    expect(validate(project)).toBe(false);
    expect(validate.errors?.map((e) => [e.keyword, e.instancePath])).toEqual([["format", "/project/identifier"]]);
  });
});
