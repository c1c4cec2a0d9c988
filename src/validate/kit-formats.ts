/**
 * The string formats the kit's schemas name. Both ways of running the schemas use this one object:
 * the Ajv instance that compiles them live (compile.ts) and the standalone code generated at build
 * time (precompile.ts), which imports this module under the name `formats`. So the identifier and
 * name rules stay in src/rules/identifiers.ts alone, and a rule change needs no rebuild of the code.
 *
 * Kept free of Ajv itself: loading it must not load the compiler.
 */
import type { Format } from "ajv";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { checkIdentifier, checkName, checkVersionLabel } from "../rules/identifiers.js";

export const KIT_FORMATS: Readonly<Record<string, Format>> = {
  uri: fullFormats.uri,
  "kit-identifier": (value: string) => checkIdentifier(value) === undefined,
  "kit-connector-identifier": (value: string) => checkIdentifier(value, { allowDollar: true }) === undefined,
  "kit-name": (value: string) => checkName(value) === undefined,
  "kit-entity-name": (value: string) => checkName(value, "entity") === undefined,
  "kit-template-name": (value: string) => checkName(value, "template") === undefined,
  "kit-version-label": (value: string) => checkVersionLabel(value) === undefined,
};
