/**
 * The slow step (seconds for the 3.4 MB bundle): compile the repaired schema with Ajv and turn the
 * result into standalone JavaScript that later runs load instead of compiling again.
 */
import type { ValidateFunction } from "ajv";
import standaloneModule from "ajv/dist/standalone/index.js";
import { KitError } from "../../errors.js";
import { createAjv } from "./create-ajv.js";
import { inlineSchemaValues } from "./inline-schema-values.js";

// ajv/dist/standalone is CommonJS whose module.exports is the function (and also `.default`).
const standaloneCode = (standaloneModule as unknown as { default: typeof standaloneModule.default }).default;

export interface CompiledSchema {
  /**
   * CommonJS body: assigns the validate function to `module.exports`, reads `require` and `formats`;
   * the schema constants Ajv declares are inlined where read (inline-schema-values.ts).
   */
  code: string;
  /** The same validator, usable right away without loading the code. */
  validate: ValidateFunction;
}

export function compileStandalone(schema: unknown, label: string, allErrors: boolean): CompiledSchema {
  const ajv = createAjv({ allErrors, standalone: true });
  try {
    const validate = ajv.compile(schema as object);
    return { code: inlineSchemaValues(standaloneCode(ajv, validate)), validate };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new KitError("E_INPUT", `${label}: Ajv cannot compile this schema, even after repairs (${reason})`, {
      hint: "pass Harness's v0 pipeline.json; if it is that file, it changed in a way the kit does not repair yet: report it",
      cause: error,
    });
  }
}
