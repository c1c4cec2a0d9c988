import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { repairSchema } from "../../src/validate/official/index.js";

const compile = (schema: unknown) => new Ajv({ strict: false, logger: false }).compile(schema as object);

/** One defect of each kind the v0 bundle has, in a schema small enough to read. */
const defects = () => ({
  empty: { type: "object", properties: { type: { type: "string", enum: [] } } },
  nullKeyword: { type: "string", minLength: null },
  nullProperties: { type: "object", properties: null },
  arrayProperty: { type: "object", properties: { agentId: [{ type: "string" }] } },
  stringProperty: { type: "object", properties: { $schema: "http://json-schema.org/draft-07/schema#" } },
});

describe("repairSchema", () => {
  it.each(Object.entries(defects()))("%s: Ajv refuses it as published and compiles it once repaired", (_name, schema) => {
    expect(() => compile(structuredClone(schema))).toThrow();
    expect(() => compile(repairSchema(schema).schema)).not.toThrow();
  });

  it("reports each repair with its JSON pointer and kind", () => {
    const { repairs } = repairSchema({ definitions: defects() });
    expect(repairs).toEqual([
      { pointer: "/definitions/empty/properties/type/enum", kind: "empty-enum" },
      { pointer: "/definitions/nullKeyword/minLength", kind: "null-keyword" },
      { pointer: "/definitions/nullProperties/properties", kind: "null-keyword" },
      { pointer: "/definitions/arrayProperty/properties/agentId", kind: "array-schema" },
      { pointer: "/definitions/stringProperty/properties/$schema", kind: "scalar-schema" },
    ]);
  });

  it("keeps an array property's constraints (one schema as is, several as anyOf)", () => {
    const { schema } = repairSchema({
      properties: { one: [{ type: "string" }], two: [{ type: "string" }, { type: "number" }] },
    });
    const validate = compile(schema);
    expect(validate({ one: "x", two: 2 })).toBe(true);
    expect(validate({ one: 1 })).toBe(false);
    expect(validate({ two: true })).toBe(false);
  });

  // The published StepElementConfig is a catch-all beside every concrete step in a oneOf; its empty
  // enum makes it never match. Treating the enum as "no constraint" would make real steps match twice.
  const steps = () => ({
    definitions: {
      StepElementConfig: { type: "object", properties: { type: { type: "string", enum: [] } }, required: ["type"] },
      ShellScript: { type: "object", properties: { type: { const: "ShellScript" } }, required: ["type"] },
    },
    oneOf: [{ $ref: "#/definitions/StepElementConfig" }, { $ref: "#/definitions/ShellScript" }],
  });

  it("turns an empty enum into a schema nothing matches, so a valid step still matches exactly one branch", () => {
    const validate = compile(repairSchema(steps()).schema);
    expect(validate({ type: "ShellScript" })).toBe(true);
    expect(validate({ type: "ShellScripts" })).toBe(false);

    const dropped = steps();
    delete (dropped.definitions.StepElementConfig.properties.type as { enum?: unknown }).enum;
    expect(compile(dropped)({ type: "ShellScript" })).toBe(false);
  });

  it("walks nested definition containers but leaves data and property names alone", () => {
    const schema = {
      definitions: { pipeline: { steps: { cd: { Step: { type: "object", properties: { x: [{ type: "string" }] } } } } } },
      properties: {
        enum: { type: "string" }, // a property named like a keyword
        desc: { type: "string", minLength: null },
      },
      default: { properties: null, enum: [] },
      const: null,
    };
    const { schema: repaired, repairs } = repairSchema(schema);
    expect(repairs.map((r) => r.pointer)).toEqual([
      "/definitions/pipeline/steps/cd/Step/properties/x",
      "/properties/desc/minLength",
    ]);
    expect(repaired).toMatchObject({
      properties: { enum: { type: "string" }, desc: { type: "string" } },
      default: { properties: null, enum: [] },
      const: null,
    });
  });

  it("escapes / and ~ in reported pointers", () => {
    const { repairs } = repairSchema({ properties: { "a/b~c": "oops" } });
    expect(repairs).toEqual([{ pointer: "/properties/a~1b~0c", kind: "scalar-schema" }]);
  });
});
