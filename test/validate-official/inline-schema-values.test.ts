import vm from "node:vm";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { FORMATS } from "../../src/validate/official/ajv-runtime.js";
import { compileStandalone } from "../../src/validate/official/compile-standalone.js";
import { inlineSchemaValues } from "../../src/validate/official/inline-schema-values.js";

const require = createRequire(import.meta.url);

/** Runs standalone code the way the cache loader does (a CommonJS wrapper plus `formats`). */
function load(code: string): (data: unknown) => boolean {
  const factory = vm.runInThisContext(`(function (module, exports, require, formats) {${code}\n})`) as (...args: unknown[]) => void;
  const module: { exports: unknown } = { exports: {} };
  factory(module, module.exports, require, FORMATS);
  return module.exports as (data: unknown) => boolean;
}

const schema = {
  definitions: {
    step: {
      type: "object",
      required: ["type"],
      properties: {
        type: { enum: ["ShellScript", "Run", "schema1 stays text", 'a "quoted" schema0.x'] },
        "odd-key": { type: "object", properties: { mode: { enum: ["a", "b", "c"] } } },
      },
    },
  },
  type: "object",
  properties: { steps: { type: "array", items: { $ref: "#/definitions/step" } } },
};

describe("inlineSchemaValues", () => {
  it("drops every schema constant from Ajv's standalone code and keeps the errors' allowed values", () => {
    const { code } = compileStandalone(schema, "test schema", false);
    expect(code).not.toMatch(/const schema\d+ =/);
    const validate = load(code) as ((data: unknown) => boolean) & { errors?: { instancePath: string; params: unknown }[] };

    expect(validate({ steps: [{ type: "Run" }, { type: "schema1 stays text" }, { type: 'a "quoted" schema0.x' }] })).toBe(true);
    expect(validate({ steps: [{ type: "Run" }, { type: "Bash" }] })).toBe(false);
    expect(validate.errors).toEqual([
      expect.objectContaining({
        instancePath: "/steps/1/type",
        keyword: "enum",
        params: { allowedValues: ["ShellScript", "Run", "schema1 stays text", 'a "quoted" schema0.x'] },
      }),
    ]);
    expect(validate({ steps: [{ type: "Run", "odd-key": { mode: "z" } }] })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: "/steps/0/odd-key/mode", params: { allowedValues: ["a", "b", "c"] } });
  });

  it("reads bracketed keys and indexes, and leaves names inside strings alone", () => {
    const code = [
      'const schema3 = {"properties":{"odd-key":{"enum":["x","y"]}},"items":[{"const":1}]};',
      'const a = schema3.properties["odd-key"].enum;const b = schema3.items[0];const c = "schema3.items";',
    ].join("");
    expect(inlineSchemaValues(code)).toBe('const a = ["x","y"];const b = {"const":1};const c = "schema3.items";');
  });

  it("refuses code that reads a path its constant does not have, rather than caching a broken validator", () => {
    expect(() => inlineSchemaValues('const schema1 = {"a":1};const x = schema1.b;')).toThrow(/does not have/);
    expect(() => inlineSchemaValues("const x = schema9.enum;")).toThrow(/schema9 is used before/);
  });
});
