/**
 * Harness's own entity schemas (connector, service, environment, infrastructure, secret), as served
 * by `GET /ng/api/yaml-schema` and vendored by harness/mcp-server. They are small enough (≤ 0.5 s)
 * to compile in memory on each call and need no repairs, only the same Ajv setup.
 */
import { readFile } from "node:fs/promises";
import type { ErrorObject } from "ajv";
import { KitError } from "../../errors.js";
import { compileInMemory } from "./create-ajv.js";
import { parseSchemaJson } from "./parse-schema-json.js";

export interface EntitySchema {
  /**
   * The keys the schema's root declares (`connector`, `service`, `environment`,
   * `infrastructureDefinition`, `secret`). The root requires none of them, so `{}` passes: check that
   * a document has its key before trusting an empty error list.
   */
  rootKeys: string[];
  /** Errors for `doc` (the whole file, e.g. `{ service: … }`); empty when it is valid. */
  validate(doc: unknown): ErrorObject[];
}

export async function loadEntitySchema(file: string): Promise<EntitySchema> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new KitError("E_INPUT", `entity schema cannot be read: ${file}`, { cause: error });
  }
  const schema = parseSchemaJson(bytes, file);
  const validate = compileInMemory(schema, file);
  const properties = schema.properties;
  return {
    rootKeys: typeof properties === "object" && properties !== null ? Object.keys(properties) : [],
    validate: (doc) => (validate(doc) ? [] : [...(validate.errors ?? [])]),
  };
}
