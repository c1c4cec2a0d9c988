/**
 * Makes Harness's published v0 pipeline schema compile under Ajv 8 without editing the file.
 *
 * The bundle is generated from ~1,500 YAML fragments and a few of them are not valid JSON Schema.
 * Rather than patching known paths (which move whenever Harness regenerates the bundle), this walks
 * every schema position and fixes each kind of mistake wherever it appears:
 *
 * - `enum: []`: Ajv refuses an empty enum. It means "no value matches" and must stay that way — the
 *   catch-all StepElementConfig sits in a oneOf beside every concrete step, and dropping the enum
 *   would let a valid step match two branches and fail. It becomes `not: {}`.
 * - a keyword set to `null` (`minLength: null`, `properties: null`): treated as absent.
 * - a schema written as an array of schemas: the one schema, or `anyOf` of several.
 * - a schema written as a string, number or null: carries no constraint, becomes `true`.
 *
 * Non-standard annotations (`desc`, `discriminator`) and OpenAPI number formats are handled by the
 * Ajv instance (see create-ajv.ts), not here.
 */

/** Bump when the repairs change, so validators cached on disk from older repairs are rebuilt. */
export const REPAIR_VERSION = 1;

export type RepairKind = "empty-enum" | "null-keyword" | "array-schema" | "scalar-schema";

export interface Repair {
  /** JSON pointer of the repaired spot in the original schema. */
  pointer: string;
  kind: RepairKind;
}

/** Keywords whose value is one schema. */
const SCHEMA_VALUED = new Set([
  "not", "if", "then", "else", "additionalItems", "additionalProperties", "contains", "propertyNames",
  "unevaluatedItems", "unevaluatedProperties", "contentSchema",
]);
/** Keywords whose value is a list of schemas (`items` may be either). */
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "definitions", "$defs", "dependentSchemas"]);
/** Keywords holding data or prose, never schemas: not walked. */
const NOT_SCHEMAS = new Set(["const", "default", "examples", "enum", "description", "title", "$comment", "desc", "discriminator"]);
/** Keywords for which `null` is a meaningful value. */
const NULL_ALLOWED = new Set(["const", "default", "examples"]);

type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function child(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`;
}

/**
 * Repairs `schema` IN PLACE (the 3.4 MB bundle is parsed fresh for each compile, so copying it would
 * only cost time) and returns the repaired root with a list of what was changed.
 */
export function repairSchema(schema: unknown): { schema: unknown; repairs: Repair[] } {
  const repairs: Repair[] = [];

  function repairAt(value: unknown, pointer: string): unknown {
    if (typeof value === "boolean") return value;
    if (Array.isArray(value)) {
      repairs.push({ pointer, kind: "array-schema" });
      const list = value.map((item, i) => repairAt(item, child(pointer, i)));
      return list.length === 1 ? list[0] : { anyOf: list };
    }
    if (!isObject(value)) {
      repairs.push({ pointer, kind: "scalar-schema" });
      return true;
    }
    for (const key of Object.keys(value)) repairKeyword(value, key, child(pointer, key));
    return value;
  }

  function repairKeyword(owner: JsonObject, key: string, pointer: string): void {
    const value = owner[key];
    if (value === null && !NULL_ALLOWED.has(key)) {
      delete owner[key];
      repairs.push({ pointer, kind: "null-keyword" });
    } else if (key === "enum" && Array.isArray(value) && value.length === 0) {
      delete owner[key];
      owner.not = owner.not === undefined ? {} : { anyOf: [owner.not, {}] };
      repairs.push({ pointer, kind: "empty-enum" });
    } else if (NOT_SCHEMAS.has(key)) {
      return;
    } else if (SCHEMA_VALUED.has(key)) {
      owner[key] = repairAt(value, pointer);
    } else if (key === "items" || SCHEMA_LISTS.has(key)) {
      if (Array.isArray(value)) owner[key] = value.map((item, i) => repairAt(item, child(pointer, i)));
      else if (key === "items") owner[key] = repairAt(value, pointer);
    } else if (SCHEMA_MAPS.has(key) || key === "dependencies") {
      if (!isObject(value)) return;
      for (const name of Object.keys(value)) {
        // draft-07 `dependencies` may also list property names; those stay as they are.
        if (key === "dependencies" && Array.isArray(value[name])) continue;
        value[name] = repairAt(value[name], child(pointer, name));
      }
    } else if (isObject(value)) {
      // An unknown key holding an object: Harness nests definitions in plain containers
      // (`definitions/pipeline/steps/cd/...`) that `$ref`s reach by pointer, so walk them as schemas.
      repairAt(value, pointer);
    }
  }

  return { schema: repairAt(schema, ""), repairs };
}
