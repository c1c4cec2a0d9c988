/**
 * The split validator (hot script + cold chunks) against the unsplit one Ajv compiled, on Harness's
 * v0 bundle (prepared as the loader does): the same result and the same errors for valid and invalid pipelines, including ones
 * that reach cold functions (every stage and step type, and broken copies of generated pipelines).
 */
import { readFile } from "node:fs/promises";
import { beforeAll, expect, it } from "vitest";
import { compileStandalone } from "../../src/validate/official/compile-standalone.js";
import type { CompiledSchema } from "../../src/validate/official/compile-standalone.js";
import { prepareSchema } from "../../src/validate/official/load-official-schema.js";
import { runSplit, wrapHot } from "../../src/validate/official/split-runtime.js";
import { splitBySamples } from "../../src/validate/official/split-standalone.js";
import type { SplitStandalone } from "../../src/validate/official/split-standalone.js";
import { WARM_UP_PIPELINES } from "../../src/validate/official/warm-up.js";
import { REFERENCE, describeReference, referenceFile } from "../helpers/reference.js";
import { pipelineCorpus } from "./pipeline-corpus.js";
import { renderSampleService } from "./render-sample.js";

const COMPILE_TIMEOUT = 180_000;

describeReference("the split official-schema validator", () => {
  let compiled: CompiledSchema;
  let split: SplitStandalone;
  let generated: unknown[];

  beforeAll(async () => {
    const bytes = await readFile(referenceFile(REFERENCE.pipelineSchema));
    compiled = compileStandalone(prepareSchema(bytes, "pipeline.json"), "pipeline.json", false);
    split = splitBySamples(compiled.code, WARM_UP_PIPELINES);
    generated = (await renderSampleService()).filter((f) => f.path.startsWith("pipelines/")).map((f) => f.doc);
  }, COMPILE_TIMEOUT);

  const load = () => {
    const loaded = runSplit({ wrappedHot: wrapHot(split.hot), readChunk: (i) => split.chunks[i]!, filename: "split.js" });
    if (loaded === undefined) throw new Error("the split validator does not load");
    return loaded;
  };
  const unsplitErrors = (doc: unknown) => (compiled.validate(doc) ? null : compiled.validate.errors);

  it("keeps a small part of the code hot (typed branches are guarded), and a generated service's pipelines never leave it", () => {
    const hotChars = split.hot.length;
    const coldChars = split.chunks.reduce((n, c) => n + c.length, 0);
    expect(hotChars / (hotChars + coldChars)).toBeLessThan(0.15);
    const validator = load();
    for (const doc of generated) expect(validator.validate(doc)).toBe(true);
    expect(validator.chunksLoaded()).toBe(0);
  });

  it(
    "gives the same result and errors as the unsplit validator, for every stage and step type and for broken pipelines",
    () => {
      const documents = pipelineCorpus(generated);
      const validator = load();
      const mismatches = documents.flatMap((doc, i) => {
        const expected = unsplitErrors(doc);
        const actual = validator.validate(doc) ? null : validator.validate.errors;
        return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [{ i, doc, expected, actual }];
      });
      expect(mismatches.slice(0, 3)).toEqual([]);
      // The corpus exercises what it claims: many invalid documents, and most of the cold code.
      const invalid = documents.filter((doc) => unsplitErrors(doc) !== null).length;
      expect(invalid).toBeGreaterThan(documents.length / 2);
      expect(documents.length - invalid).toBeGreaterThan(10);
      expect(validator.chunksLoaded()).toBeGreaterThan(split.chunks.length / 2);
    },
    COMPILE_TIMEOUT,
  );
});
