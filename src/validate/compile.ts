/**
 * One Ajv instance for the kit's schemas, created on first use; each kind's schema is compiled the
 * first time a file of that kind is checked, so `new service` pays only for what it renders.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { EntityKind } from "../layout.js";
import { checkIdentifier, checkName } from "../rules/identifiers.js";
import { KIND_SCHEMAS } from "./schemas/index.js";

// ajv-formats is CommonJS: under NodeNext its default import is the plugin function itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** Annotation keywords read by the error reducer (see schemas/common.ts). */
export const ANNOTATIONS = ["x-label", "x-expected", "x-unknown"] as const;
export const ONE_KEY_OF = "x-one-key-of";

let ajv: Ajv | undefined;
const compiled = new Map<EntityKind, ValidateFunction>();

function createAjv(): Ajv {
  const instance = new Ajv({
    allErrors: true,
    verbose: true,
    allowUnionTypes: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    logger: false,
    inlineRefs: false,
    // Compiling happens on every run and documents are small: Ajv's code optimiser costs more than it saves.
    code: { optimize: false },
  });
  addFormats(instance, ["uri"]);
  instance.addFormat("kit-identifier", (value: string) => checkIdentifier(value) === undefined);
  instance.addFormat("kit-connector-identifier", (value: string) => checkIdentifier(value, { allowDollar: true }) === undefined);
  instance.addFormat("kit-name", (value: string) => checkName(value) === undefined);
  for (const keyword of ANNOTATIONS) instance.addKeyword({ keyword });
  instance.addKeyword({ keyword: ONE_KEY_OF, type: "object", schemaType: "array", errors: true, validate: oneKeyOf });
  return instance;
}

/** `x-one-key-of: [a, b]`: exactly one of the keys is present (e.g. username or usernameRef). */
function oneKeyOf(keys: string[], data: Record<string, unknown>, _parent: unknown, where?: { instancePath: string }): boolean {
  const present = keys.filter((key) => data[key] !== undefined);
  if (present.length === 1) return true;
  const instancePath = where?.instancePath ?? "";
  oneKeyOf.errors = [{ keyword: ONE_KEY_OF, instancePath, schemaPath: `#/${ONE_KEY_OF}`, message: "one key of", params: { keys, present } }];
  return false;
}
oneKeyOf.errors = [] as ErrorObject[];

/** The compiled kit schema of one kind (compiled once per process). */
export function kitValidator(kind: EntityKind): ValidateFunction {
  let validate = compiled.get(kind);
  if (validate === undefined) {
    ajv ??= createAjv();
    validate = ajv.compile(KIND_SCHEMAS[kind]);
    compiled.set(kind, validate);
  }
  return validate;
}
