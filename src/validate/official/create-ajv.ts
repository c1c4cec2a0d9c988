/**
 * The one way this module configures Ajv, shared by the official pipeline schema (compiled once and
 * cached as standalone code) and Harness's entity schemas (compiled in memory).
 */
import { Ajv, _ } from "ajv";
import type { ValidateFunction } from "ajv";
import { KitError } from "../../errors.js";
import { FORMATS } from "./ajv-runtime.js";

/** Keywords Harness adds as annotations; declared so Ajv neither warns nor rejects them. */
const ANNOTATIONS = ["desc", "discriminator"];

export interface AjvSetup {
  /** Report every error instead of stopping at the first (more for the error reducer to pick from). */
  allErrors: boolean;
  /** Keep generated source so it can be written out as standalone code. */
  standalone?: boolean;
}

export function createAjv(setup: AjvSetup): Ajv {
  const ajv = new Ajv({
    strict: false,
    allErrors: setup.allErrors,
    // Checking the 3.4 MB bundle against the meta-schema costs time; compiling refuses what would break.
    validateSchema: false,
    // Unknown formats in a newer schema are ignored quietly: a library must not print.
    logger: false,
    code: setup.standalone ? { source: true, formats: _`formats` } : {},
  });
  ajv.addVocabulary(ANNOTATIONS);
  for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

/**
 * Compiles a schema that needs no caching (the entity schemas: few, small files, so every error is
 * cheap to collect); a schema Ajv refuses is the caller's input mistake.
 */
export function compileInMemory(schema: object, label: string): ValidateFunction {
  try {
    return createAjv({ allErrors: true }).compile(schema);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new KitError("E_INPUT", `${label}: Ajv cannot compile this schema (${reason})`, { cause: error });
  }
}
