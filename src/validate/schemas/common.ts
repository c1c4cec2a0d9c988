/**
 * Building blocks shared by the kit's own schemas. Schemas are plain objects (compiled by Ajv in
 * ../compile.ts); the `x-*` keywords are annotations the error reducer reads to word messages:
 * - `x-label`: what the value is called in a message ("step type"),
 * - `x-expected`: what a valid value looks like ("true or false"),
 * - `x-unknown`: severity of an unknown key in this object ("error"; default "warning").
 * Two keywords check (compile.ts): `x-one-key-of` (oneKeyOf below) and `x-entry-of` (ENTRY_OF).
 */
export type Schema = Record<string, unknown>;

/**
 * A Harness expression or runtime input anywhere in a string: `<+input>`, `<+pipeline.name>`,
 * `release-<+INFRA_KEY>`. Harness accepts these in place of most literal values.
 */
export const EXPRESSION_PATTERN = "<\\+.+>";
export const RUNTIME_INPUT_PATTERN = "^<\\+input>";

const expressionString: Schema = { type: "string", pattern: EXPRESSION_PATTERN };

/** Accepts a literal matching `literal`, or a string holding an expression instead. */
export function exprOr(literal: Schema, expected: string): Schema {
  return {
    if: expressionString,
    then: true,
    else: { ...literal, "x-expected": `${expected}, or an expression such as <+input>` },
  };
}

export const identifier: Schema = { type: "string", format: "kit-identifier" };
export const connectorIdentifier: Schema = { type: "string", format: "kit-connector-identifier" };
export const name: Schema = { type: "string", format: "kit-name" };
/** A name Harness checks as a request field (project, connector, secret): 64 characters. */
export const entityName: Schema = { type: "string", format: "kit-entity-name" };
/** A template's name, under the template service's stricter rule. */
export const templateName: Schema = { type: "string", format: "kit-template-name" };
export const description: Schema = { type: "string", maxLength: 1024 };
export const text: Schema = { type: "string" };
export const nonEmptyText: Schema = { type: "string", minLength: 1 };
export const tags: Schema = {
  type: "object",
  additionalProperties: { type: "string", "x-expected": "a text value (tags map keys to strings)" },
  "x-expected": "a map of key: value",
};
/** The fields every project-scoped YAML entity (pipeline, service, environment, infrastructure) starts with. */
export const entityHeader: Readonly<Record<string, Schema>> = {
  name,
  identifier,
  orgIdentifier: identifier,
  projectIdentifier: identifier,
  description,
  tags,
};

export const boolOrExpr: Schema = exprOr({ type: "boolean" }, "true or false");
export const stringList: Schema = { type: "array", items: { type: "string" } };
export const stringListOrExpr: Schema = exprOr(stringList, "a list of strings");
/** Any JSON object: for parts of Harness YAML the kit does not model in detail. */
export const anyObject: Schema = { type: "object" };
export const anyObjectOrExpr: Schema = exprOr(anyObject, "a map");
/** Timeout syntax is checked by a rule (rules/timeouts.ts) so the message can show examples. */
export const timeout: Schema = { type: "string" };

export function enumOf(values: readonly string[], label: string): Schema {
  return { type: "string", enum: [...values], "x-label": label };
}

export function enumOrExpr(values: readonly string[], label: string): Schema {
  return exprOr(enumOf(values, label), `one of ${values.join(", ")}`);
}

/** An object whose keys are all known: a key that is not listed is reported (warning by default). */
export function closed(properties: Record<string, Schema | boolean>, required: readonly string[] = [], extra: Schema = {}): Schema {
  return { type: "object", properties, required: [...required], additionalProperties: false, ...extra };
}

/**
 * A `{ type, spec }` object whose spec depends on `type`: one `if/then` per modelled type, so a
 * wrong type yields one enum error and a wrong spec only the errors of its own type.
 */
export function typedSpec(
  types: readonly string[],
  label: string,
  specs: Readonly<Record<string, Schema>>,
  base: { properties?: Record<string, Schema | boolean>; required?: readonly string[]; closed?: boolean } = {},
): Schema {
  const schema: Schema = {
    type: "object",
    properties: { type: enumOf(types, label), spec: anyObject, ...base.properties },
    required: ["type", ...(base.required ?? [])],
  };
  const branches = Object.entries(specs).map(([type, spec]) => ({
    if: { properties: { type: { const: type } }, required: ["type"] },
    then: { properties: { spec }, required: ["spec"] },
  }));
  if (branches.length > 0) schema.allOf = branches;
  if (base.closed) schema.additionalProperties = false;
  return schema;
}

export const variable: Schema = closed(
  {
    name: nonEmptyText,
    type: enumOf(["String", "Number", "Secret"], "variable type"),
    value: { type: ["string", "number", "boolean"], "x-expected": "a text or number value" },
    default: { type: ["string", "number", "boolean"] },
    description: text,
    required: { type: "boolean" },
  },
  ["name", "type"],
);
export const variables: Schema = { type: "array", items: variable };

/**
 * A pointer to a shared definition of the pipeline schema: shared parts are compiled once instead
 * of once per place they appear (failure strategies alone appear in five places).
 */
export const pipelineDefinition = (definition: "variables" | "failureStrategies" | "steps"): Schema => ({
  $ref: `#/definitions/${definition}`,
});

/**
 * `x-entry-of: [keys]`: a list entry holds exactly one of these keys (`step`, `stepGroup` or
 * `parallel`); other keys may sit beside it. Reported as `invalid-entry`.
 */
export const ENTRY_OF = "x-entry-of";

/** The `{ secretRef or value }` pairs Harness connectors use (username / usernameRef …). */
export function oneKeyOf(...keys: string[]): Schema {
  return { "x-one-key-of": keys };
}
