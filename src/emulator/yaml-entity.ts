/**
 * Checks of the YAML documents Harness stores (pipeline, service, environment, infrastructure):
 * the root key, identifier and name rules and the fields Harness requires. Problems are answered
 * with one 400 `SCHEMA_VALIDATION_FAILED` listing each problem with its YAML path (fqn).
 */
import { ApiError } from "./envelopes.js";
import { isObject } from "./fields.js";
import type { FieldChecker, Json } from "./fields.js";
import { checkIdentifier, checkName } from "../rules/identifiers.js";

export type YamlKind = "pipeline" | "service" | "environment" | "infrastructure";

const ROOT: Readonly<Record<YamlKind, string>> = {
  pipeline: "pipeline",
  service: "service",
  environment: "environment",
  infrastructure: "infrastructureDefinition",
};

/** Required fields beyond identifier and name (from Harness's entity schemas). */
const REQUIRED: Readonly<Record<YamlKind, readonly string[]>> = {
  pipeline: ["identifier", "name"],
  service: ["identifier", "name"],
  environment: ["identifier", "name", "type"],
  infrastructure: ["identifier", "name", "type", "deploymentType", "spec"],
};

export function schemaFailure(problems: readonly { fqn: string; message: string }[]): ApiError {
  return new ApiError(400, "SCHEMA_VALIDATION_FAILED", problems.map((p) => `${p.fqn}: ${p.message}`).join("; "), {
    metadata: { type: "YamlSchemaErrorWrapperDTO", schemaErrors: problems.map((p) => ({ message: p.message, fqn: p.fqn })) },
  });
}

/**
 * The document's root object (`pipeline:` etc.), or a 400 listing what is wrong with it.
 * `identifierMaxLength` is the emulator's identifier limit (64 or 128).
 */
export function checkYamlEntity(kind: YamlKind, doc: unknown, identifierMaxLength: number): Json {
  const root = ROOT[kind];
  if (!isObject(doc) || !isObject(doc[root])) {
    throw schemaFailure([{ fqn: `$.${root}`, message: `the yaml must have a "${root}:" mapping at its root` }]);
  }
  const body = doc[root];
  const problems: { fqn: string; message: string }[] = [];
  for (const field of REQUIRED[kind]) {
    if (body[field] === undefined || body[field] === null || body[field] === "") problems.push({ fqn: `$.${root}.${field}`, message: "is required" });
  }
  if (typeof body.identifier === "string" && body.identifier !== "") {
    const problem = checkIdentifier(body.identifier, { maxLength: identifierMaxLength });
    if (problem?.rule === "reserved") problems.push({ fqn: `$.${root}.identifier`, message: `${body.identifier} is a keyword, so cannot be used` });
    else if (problem !== undefined) problems.push({ fqn: `$.${root}.identifier`, message: `does not match ^[a-zA-Z_][0-9a-zA-Z_]{0,${identifierMaxLength - 1}}$` });
  }
  if (typeof body.name === "string" && body.name !== "" && checkName(body.name) !== undefined) {
    problems.push({ fqn: `$.${root}.name`, message: "does not match ^[a-zA-Z_0-9-.][-0-9a-zA-Z_\\s.]{0,127}$" });
  }
  const tags = body.tags;
  if (tags !== undefined && tags !== null && (!isObject(tags) || Object.values(tags).some((v) => typeof v !== "string"))) {
    problems.push({ fqn: `$.${root}.tags`, message: "must be a map of string keys to string values" });
  }
  if (kind === "environment" && body.type !== undefined && body.type !== "PreProduction" && body.type !== "Production") {
    problems.push({ fqn: `$.${root}.type`, message: "must be PreProduction or Production" });
  }
  if (kind === "pipeline" && body.stages !== undefined && body.stages !== null && !Array.isArray(body.stages)) {
    problems.push({ fqn: `$.${root}.stages`, message: "must be a list" });
  }
  if (problems.length > 0) throw schemaFailure(problems);
  return body;
}

/** A flat request's `yaml` string field, parsed; problems are field errors of `yaml`. */
export function yamlField(check: FieldChecker, body: Json, required: boolean): string | undefined {
  const value = body.yaml;
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
    if (required) check.add("yaml", "must not be empty");
    return undefined;
  }
  if (typeof value !== "string") return void check.add("yaml", "must be a string");
  return value;
}
