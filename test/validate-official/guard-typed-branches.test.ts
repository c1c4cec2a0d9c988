/**
 * Guarding typed branches (guard-typed-branches.ts) must not change what a schema accepts, and must
 * keep the `enum` error at the type's path that the reducer reads. The unit cases use a small
 * schema and count which branches Ajv runs; the reference case compares Harness's v0 bundle with
 * and without guards on the whole pipeline corpus, through the reducer a user sees.
 */
import { readFile } from "node:fs/promises";
import type { ErrorObject } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { officialIssues } from "../../src/validate/official-layer.js";
import { compileStandalone } from "../../src/validate/official/compile-standalone.js";
import type { CompiledSchema } from "../../src/validate/official/compile-standalone.js";
import { createAjv } from "../../src/validate/official/create-ajv.js";
import { guardTypedBranches } from "../../src/validate/official/guard-typed-branches.js";
import { prepareSchema } from "../../src/validate/official/load-official-schema.js";
import { repairSchema } from "../../src/validate/official/repair-schema.js";
import { REFERENCE, describeReference, referenceFile } from "../helpers/reference.js";
import { pipelineCorpus } from "./pipeline-corpus.js";
import { renderSampleService } from "./render-sample.js";

const node = (type: string, extra: Record<string, unknown> = {}) => ({
  type: "object",
  required: ["type", "spec"],
  "x-runs": type,
  properties: { type: { type: "string", enum: [type] }, spec: { type: "object", ...extra } },
});

/** Steps as Harness lists them: one catch-all, typed nodes by `$ref`, one fixed by `const`. */
function stepsSchema(): Record<string, unknown> {
  return {
    definitions: {
      Shell: node("ShellScript", { required: ["script"] }),
      Http: node("Http"),
      Wait: { ...node("Wait"), properties: { type: { const: "Wait" }, spec: { type: "object" } } },
      Ref: { $ref: "#/definitions/Http" },
    },
    type: "object",
    properties: {
      step: {
        oneOf: [
          { type: "object", required: ["template"], properties: { template: { type: "object" } } },
          { $ref: "#/definitions/Shell" },
          { $ref: "#/definitions/Ref" },
          { $ref: "#/definitions/Wait" },
        ],
      },
    },
  };
}

/** An Ajv set up as the loader's, plus a keyword that records which typed node ran. */
function compileCounting(schema: object): { validate: (data: unknown) => ErrorObject[] | null; runs: string[] } {
  const runs: string[] = [];
  const ajv = createAjv({ allErrors: false });
  ajv.addKeyword({ keyword: "x-runs", schemaType: "string", validate: (name: string) => (runs.push(name), true) });
  const validate = ajv.compile(schema);
  return { validate: (data) => (validate(data) ? null : (validate.errors ?? [])), runs };
}

const VALUES: unknown[] = [
  { step: { type: "ShellScript", spec: { script: "echo" } } },
  { step: { type: "ShellScript", spec: {} } },
  { step: { type: "Http", spec: {} } },
  { step: { type: "Wait", spec: {} } },
  { step: { type: "Nope", spec: {} } },
  { step: { type: 12, spec: {} } },
  { step: { spec: {} } },
  { step: { template: {} } },
  { step: { type: "Http", template: {}, spec: {} } },
  { step: "ShellScript" },
  { step: null },
  { step: [] },
];

describe("guardTypedBranches", () => {
  it("accepts exactly what the unguarded schema accepts", () => {
    const guardedSchema = stepsSchema();
    expect(guardTypedBranches(guardedSchema)).toBe(3);
    const plain = compileCounting(stepsSchema());
    const guarded = compileCounting(guardedSchema);
    for (const value of VALUES) expect([value, guarded.validate(value) === null]).toEqual([value, plain.validate(value) === null]);
  });

  it("runs only the branch of the step's type, and reports the others' types where the unguarded schema does", () => {
    const schema = stepsSchema();
    guardTypedBranches(schema);
    const guarded = compileCounting(schema);
    expect(guarded.validate({ step: { type: "Http", spec: {} } })).toBeNull();
    expect(guarded.runs).toEqual(["Http"]);

    guarded.runs.length = 0;
    const errors = guarded.validate({ step: { type: "Nope", spec: {} } }) ?? [];
    expect(guarded.runs).toEqual([]);
    const typeErrors = errors.filter((e) => e.instancePath === "/step/type").map((e) => [e.keyword, e.params]);
    expect(typeErrors).toEqual([
      ["enum", { allowedValues: ["ShellScript"] }],
      ["enum", { allowedValues: ["Http"] }],
      ["const", { allowedValue: "Wait" }],
    ]);
  });

  it("leaves short lists, untyped lists and branches it cannot resolve alone", () => {
    const short = { oneOf: [{ $ref: "#/definitions/A" }, { $ref: "#/definitions/B" }], definitions: { A: node("A"), B: node("B") } };
    expect(guardTypedBranches(short)).toBe(0);
    const untyped = { anyOf: [{ type: "string" }, { type: "number" }, { type: "boolean" }] };
    expect(guardTypedBranches(untyped)).toBe(0);
    const remote = { oneOf: [{ $ref: "other.json#/A" }, { $ref: "#/definitions/missing" }, { $ref: "#/definitions/A" }, { $ref: "#/definitions/B" }], definitions: { A: node("A"), B: node("B") } };
    expect(guardTypedBranches(remote)).toBe(2);
    expect(remote.oneOf.slice(0, 2)).toEqual([{ $ref: "other.json#/A" }, { $ref: "#/definitions/missing" }]);
  });
});

const COMPILE_TIMEOUT = 180_000;

describeReference("guarded branches on Harness's v0 bundle", () => {
  let plain: CompiledSchema;
  let guarded: CompiledSchema;
  let documents: unknown[];

  beforeAll(async () => {
    const bytes = await readFile(referenceFile(REFERENCE.pipelineSchema));
    plain = compileStandalone(repairSchema(JSON.parse(bytes.toString("utf8"))).schema, "pipeline.json", false);
    guarded = compileStandalone(prepareSchema(bytes, "pipeline.json"), "pipeline.json", false);
    const generated = (await renderSampleService()).filter((f) => f.path.startsWith("pipelines/")).map((f) => f.doc);
    documents = pipelineCorpus(generated);
  }, COMPILE_TIMEOUT);

  const issuesOf = (compiled: CompiledSchema, doc: unknown) => {
    const official = { sha256: "", fromCache: false, validate: (d: unknown) => (compiled.validate(d) ? [] : [...(compiled.validate.errors ?? [])]) };
    return officialIssues(official, doc).map((i) => ({ code: i.code, path: i.path, text: `${i.path} ${i.message}` }));
  };

  it(
    "gives the same verdict on every pipeline; what the user reads differs only in type errors and in missing keys the kit reports itself",
    () => {
      const verdicts = documents.filter((doc) => plain.validate(doc) !== guarded.validate(doc));
      expect(verdicts.slice(0, 3)).toEqual([]);
      const surprises = documents.flatMap((doc) => {
        const before = issuesOf(plain, doc);
        const after = issuesOf(guarded, doc);
        const lost = before.filter((b) => !after.some((a) => a.text === b.text) && !/ is missing "/.test(b.text));
        const gained = after.filter((a) => !before.some((b) => b.text === a.text) && !a.path.endsWith("/type"));
        return lost.length + gained.length === 0 ? [] : [{ doc, lost, gained }];
      });
      expect(surprises.slice(0, 3)).toEqual([]);
      expect(documents.filter((doc) => !plain.validate(doc)).length).toBeGreaterThan(documents.length / 2);
    },
    COMPILE_TIMEOUT,
  );

  it("reports a number where a step type belongs as a type mistake, not as an unknown type", () => {
    const doc = { pipeline: { name: "p", identifier: "p", stages: [{ stage: { name: "s", identifier: "s", type: "Custom", spec: { execution: { steps: [{ step: { type: 12, name: "a", identifier: "a", spec: {} } }] } } } }] } };
    expect(issuesOf(guarded, doc).map((i) => i.text)).toEqual(["/pipeline/stages/0/stage/spec/execution/steps/0/step/type step type must be text, not the number 12 (Harness pipeline schema)"]);
  });
});
