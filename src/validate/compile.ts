/**
 * The kit's schemas as validate functions, one per entity kind, made on first use.
 *
 * A built CLI takes them from the standalone code the build generated (precompile.ts, loaded by
 * util/load-precompiled.ts): compiling with Ajv costs ~0.8 s of a cold `new service`, loading the
 * generated code ~20 ms. When there is none (tests run the TS sources) or a kind's schema changed
 * since the build, that kind is compiled here with the same Ajv setup the build used; Ajv itself
 * is only loaded then.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type * as AjvModule from "ajv";
import type { Ajv, CodeOptions, ErrorObject, KeywordCxt } from "ajv";
import type { EntityKind } from "../layout.js";
import { loadPrecompiled } from "../util/load-precompiled.js";
import { KIT_FORMATS } from "./kit-formats.js";
import { KIND_SCHEMAS } from "./schemas/index.js";
import { ENTRY_OF, type Schema } from "./schemas/common.js";

const require = createRequire(import.meta.url);

/** Annotation keywords read by the error reducer (see schemas/common.ts). */
export const ANNOTATIONS = ["x-label", "x-expected", "x-unknown"] as const;
export const ONE_KEY_OF = "x-one-key-of";

/** What a validate function is to its callers, whether compiled here or loaded from generated code. */
export type KitValidate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** What the generated `kit-validators` script returns (see precompile.ts). */
export interface PrecompiledValidators {
  /** `schemaFingerprint` of each kind's schema as it was when the code was generated. */
  fingerprints: Readonly<Record<string, string>>;
  validators: Readonly<Record<string, KitValidate>>;
  /** Every generated function, the ones `$ref`s call included. */
  functions: readonly KitValidate[];
}

export const PRECOMPILED_VALIDATORS = "kit-validators";

let ajv: Ajv | undefined;
/** Loaded on first use; undefined when the build stored none. */
let precompiled: { loaded?: PrecompiledValidators } | undefined;
const validators = new Map<EntityKind, KitValidate>();

/**
 * The one Ajv setup for the kit's schemas. `code` adds the options that make Ajv keep standalone
 * source (precompile.ts); everything that decides which errors come out is the same either way.
 */
export function createKitAjv(code: CodeOptions = {}): Ajv {
  const { Ajv: AjvClass, _ } = require("ajv") as typeof AjvModule;
  const instance = new AjvClass({
    allErrors: true,
    verbose: true,
    allowUnionTypes: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    logger: false,
    inlineRefs: false,
    // Compiling on a run checks few small documents: Ajv's code optimiser costs more than it saves.
    code: { optimize: false, ...code },
  });
  for (const [format, check] of Object.entries(KIT_FORMATS)) instance.addFormat(format, check);
  for (const keyword of ANNOTATIONS) instance.addKeyword({ keyword });
  // `x-one-key-of: [a, b]`: exactly one of the keys is present (e.g. username or usernameRef).
  // Written as generated code, not a function, so that standalone code can contain it.
  // `x-entry-of: [a, b]`: the same check for list entries (step, stepGroup or parallel), worded apart.
  for (const keyword of [ONE_KEY_OF, ENTRY_OF]) {
    instance.addKeyword({
      keyword,
      type: "object",
      schemaType: "array",
      error: {
        message: "one key of",
        params: ({ schemaCode, params }) => _`{keys: ${schemaCode}, present: ${params.present}}`,
      },
      code(cxt: KeywordCxt) {
        const present = cxt.gen.const("present", _`${cxt.schemaCode}.filter((key) => ${cxt.data}[key] !== undefined)`);
        cxt.setParams({ present });
        cxt.fail(_`${present}.length !== 1`);
      },
    });
  }
  return instance;
}

/** Tells whether generated code still matches a schema: a digest of the schema's JSON. */
export function schemaFingerprint(schema: Schema): string {
  return createHash("sha256").update(JSON.stringify(schema)).digest("base64url");
}

/** The validate function of one kind (made once per process). */
export function kitValidator(kind: EntityKind): KitValidate {
  let validate = validators.get(kind);
  if (validate === undefined) {
    validate = precompiledValidator(kind) ?? liveValidator(kind);
    validators.set(kind, validate);
  }
  return validate;
}

/** The validators the build stored (`dir` is for tests that load another build's). */
export function precompiledValidators(dir?: string): PrecompiledValidators | undefined {
  return loadPrecompiled(PRECOMPILED_VALIDATORS, { formats: KIT_FORMATS }, dir)?.value as PrecompiledValidators | undefined;
}

/** The stored validator of a kind, if it was generated from the schema as it is now. */
function precompiledValidator(kind: EntityKind): KitValidate | undefined {
  precompiled ??= { loaded: precompiledValidators() };
  const stored = precompiled.loaded;
  if (stored === undefined || stored.fingerprints[kind] !== schemaFingerprint(KIND_SCHEMAS[kind])) return undefined;
  return stored.validators[kind];
}

/** Compiles one kind's schema now, ignoring generated code (also how tests compare the two). */
export function liveValidator(kind: EntityKind): KitValidate {
  ajv ??= createKitAjv();
  return ajv.compile(KIND_SCHEMAS[kind]);
}
