import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileStandalone } from "../../src/validate/official/compile-standalone.js";
import { runSplit, wrapHot } from "../../src/validate/official/split-runtime.js";
import { splitBySamples, splitStandalone, unsplit } from "../../src/validate/official/split-standalone.js";
import type { SplitStandalone } from "../../src/validate/official/split-standalone.js";
import { loadStandalone, writeStandalone } from "../../src/validate/official/standalone-cache.js";
import { topLevelStatements } from "../../src/validate/official/top-level-statements.js";

/** Small, but with what the v0 bundle has: shared definitions, recursion, patterns, formats, if/then, oneOf, odd keys. */
const schema = {
  definitions: {
    id: { type: "string", pattern: "^[a-zA-Z_][0-9a-zA-Z_]{0,127}$" },
    // A definition with a $ref inside becomes a function of its own (Ajv inlines the others).
    count: { type: "integer", format: "int32" },
    method: { enum: ["GET", "POST", "héllo"] },
    shell: { type: "object", required: ["script"], properties: { script: { type: "string", minLength: 1 }, retries: { $ref: "#/definitions/count" } }, additionalProperties: false },
    http: { type: "object", required: ["url"], properties: { url: { type: "string" }, method: { $ref: "#/definitions/method" }, retries: { $ref: "#/definitions/count" } } },
    run: { type: "object", properties: { command: { type: "string" }, retries: { $ref: "#/definitions/count" }, env: { type: "object", additionalProperties: { type: "string" } } } },
    step: {
      type: "object",
      required: ["type", "identifier"],
      properties: { type: { type: "string" }, identifier: { $ref: "#/definitions/id" }, "odd/key~": { type: "number" } },
      allOf: [
        { if: { properties: { type: { const: "ShellScript" } } }, then: { properties: { spec: { $ref: "#/definitions/shell" } } } },
        { if: { properties: { type: { const: "Http" } } }, then: { properties: { spec: { $ref: "#/definitions/http" } } } },
        { if: { properties: { type: { const: "Run" } } }, then: { properties: { spec: { $ref: "#/definitions/run" } } } },
      ],
    },
    element: { oneOf: [{ type: "object", required: ["step"], properties: { step: { $ref: "#/definitions/step" } } }, { type: "object", required: ["group"], properties: { group: { $ref: "#/definitions/group" } } }] },
    group: { type: "object", properties: { name: { type: "string" }, steps: { type: "array", items: { $ref: "#/definitions/element" } } }, patternProperties: { "^x-": { type: "string" } }, additionalProperties: false },
  },
  type: "object",
  required: ["pipeline"],
  properties: { pipeline: { $ref: "#/definitions/group" } },
};

const shell = (identifier: string, spec: unknown = { script: "echo hi" }) => ({ step: { type: "ShellScript", identifier, spec } });
const http = (identifier: string, spec: unknown = { url: "https://example.com" }) => ({ step: { type: "Http", identifier, spec } });
const pipeline = (...steps: unknown[]) => ({ pipeline: { name: "p", steps } });

/** Only shell steps warm the split up: Http, nested groups and most error paths stay cold. */
const samples = [pipeline(shell("a"))];
const documents: unknown[] = [
  ...samples,
  pipeline(http("h")),
  pipeline(http("h", { url: 3, method: "PUT" }), shell("s")),
  pipeline(shell("bad-id")),
  pipeline(shell("s", { script: "", extra: true })),
  pipeline(shell("s", { script: "x", retries: 2 ** 40 })),
  pipeline({ group: { name: "g", steps: [shell("a"), { group: { steps: [http("b", {})] } }], "x-note": "n", "a/b~c": 1 } }),
  pipeline({ group: { steps: [{ group: { steps: [{ group: { "x-y": 2 } }] } }] } }),
  pipeline({ step: { type: "Http", identifier: "h", "odd/key~": "no", spec: { url: "u", method: "héllo" } } }),
  pipeline({ step: { type: "Run", identifier: "r", spec: { command: "make", env: { A: "1", B: 2 } } } }),
  pipeline({ step: { type: "Run", identifier: "r", spec: { retries: 1.5 } } }, shell("after")),
  pipeline({ neither: true }),
  { pipeline: "text" },
  {},
  null,
];

describe("splitStandalone", () => {
  const compiled = compileStandalone(schema, "test schema", false);
  const unsplitErrors = (doc: unknown) => (compiled.validate(doc) ? null : compiled.validate.errors);

  function run(split: SplitStandalone) {
    const loaded = runSplit({ wrappedHot: wrapHot(split.hot), readChunk: (i) => split.chunks[i]!, filename: "split.js" });
    if (loaded === undefined) throw new Error("the split validator does not load");
    return loaded;
  }

  it("reads Ajv's code as top-level statements: strings with brackets, regex literals, declarations", () => {
    const statements = topLevelStatements(`"use strict";const pattern0 = new RegExp("^[{(]", "u");function validate1(data){return key0.replace(/~/g, "~0").replace(/\\//g, "~1") + "}";}const wrapper0 = {validate: validate1};`);
    expect(statements.map((s) => [s.name, s.isFunction])).toEqual([[undefined, false], ["pattern0", false], ["validate1", true], ["wrapper0", false]]);
    expect([...statements[3]!.identifiers]).toEqual(["const", "wrapper0", "validate", "validate1"]);
    expect(() => topLevelStatements("const a = `template`;")).toThrow(/quote, template or comment/);
  });

  it("gives the same result and errors as the unsplit validator, cold functions included", () => {
    const split = splitBySamples(compiled.code, samples);
    // The samples reach validate0 and a few functions; the rest is cold, spread over several chunks.
    expect(split.hotFunctions.length).toBeGreaterThan(1);
    expect(split.chunks.length).toBeGreaterThan(0);
    const small = splitStandalone(compiled.code, new Set(split.hotFunctions), 1);
    expect(small.chunks.length).toBeGreaterThan(1);
    for (const variant of [split, small, unsplit(compiled.code)]) {
      const validator = run(variant);
      const results = documents.map((doc) => (validator.validate(doc) ? null : validator.validate.errors));
      expect(results).toEqual(documents.map(unsplitErrors));
    }
    expect(documents.map(unsplitErrors).filter((e) => e !== null).length).toBeGreaterThan(8);
    const validator = run(small);
    for (const doc of samples) validator.validate(doc);
    expect(validator.chunksLoaded()).toBe(0);
    for (const doc of documents) validator.validate(doc);
    expect(validator.chunksLoaded()).toBe(small.chunks.length);
  });
});

describe("split validators on disk", () => {
  let dir: string;
  let split: SplitStandalone;
  const key = "k".repeat(40);
  const file = () => path.join(dir, `${key}.js`);
  const compiled = compileStandalone(schema, "test schema", false);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "hs-split-"));
    split = splitStandalone(compiled.code, new Set(["validate1"]), 1);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("loads back what was written and reads cold chunks on first use", async () => {
    await writeStandalone(file(), key, split);
    const loaded = await loadStandalone(file(), key);
    const doc = pipeline(http("h", { url: 3 }), shell("x-y"));
    expect(loaded?.validate(doc)).toBe(false);
    expect(loaded?.validate.errors).toEqual((compiled.validate(doc), compiled.validate.errors));
    expect(loaded?.chunksLoaded()).toBeGreaterThan(0);
    expect(await loadStandalone(file(), "other".padEnd(40, "0"))).toBeUndefined();
  });

  it("refuses a chunks file of the wrong size, so the caller compiles again", async () => {
    await writeStandalone(file(), key, split);
    const chunks = file().replace(/\.js$/, ".chunks");
    const text = await readFile(chunks, "latin1");
    await writeFile(chunks, text.slice(0, -10), "latin1");
    expect(await loadStandalone(file(), key)).toBeUndefined();
    await rm(chunks);
    expect(await loadStandalone(file(), key)).toBeUndefined();
  });

  it("says which file to delete when a chunk is damaged after loading", async () => {
    await writeStandalone(file(), key, split);
    const chunks = file().replace(/\.js$/, ".chunks");
    const loaded = await loadStandalone(file(), key);
    const size = (await stat(chunks)).size;
    await writeFile(chunks, "x".repeat(size), "latin1");
    expect(() => loaded?.validate(pipeline(http("h")))).toThrow(expect.objectContaining({ code: "E_IO", message: expect.stringContaining(chunks) }));
  });
});
