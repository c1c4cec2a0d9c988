/**
 * Field checks of request bodies, worded like Harness's bean validation so the FailureDTO
 * `errors[].error` texts look familiar. The rules themselves come from src/rules/identifiers.ts,
 * the same rules the validator and the prompts use.
 */
import type { NameRule } from "../rules/identifiers.js";
import { checkIdentifier, checkName, DESCRIPTION_MAX_LENGTH, ENTITY_NAME_MAX_LENGTH, NAME_MAX_LENGTH } from "../rules/identifiers.js";
import type { RuleProblem } from "../rules/identifiers.js";
import { fieldFailure } from "./envelopes.js";

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Collects every problem of one body, then fails once with all of them (as Harness does). */
export class FieldChecker {
  private readonly errors: { path: string; error: string }[] = [];

  /** `prefix` is the path of the checked object in the body, e.g. "project" or "" for flat bodies. */
  constructor(private readonly prefix: string) {}

  add(field: string, error: string): void {
    this.errors.push({ path: this.prefix === "" ? field : `${this.prefix}.${field}`, error });
  }

  /** A string that must be present; undefined (and an error) when it is missing or not a string. */
  required(obj: Json, field: string): string | undefined {
    const value = obj[field];
    if (value === undefined || value === null) return void this.add(field, "must not be null");
    if (typeof value !== "string") return void this.add(field, "must be a string");
    return value;
  }

  optional(obj: Json, field: string): string | undefined {
    const value = obj[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") return void this.add(field, "must be a string");
    return value;
  }

  /** `maxLength` is the emulator's identifier limit (route context `identifierMaxLength`). */
  identifier(obj: Json, field: string, options: { allowDollar: boolean; maxLength: number; required?: boolean }): string | undefined {
    const value = options.required === false ? this.optional(obj, field) : this.required(obj, field);
    if (value === undefined) return undefined;
    const problem = checkIdentifier(value, { allowDollar: options.allowDollar, maxLength: options.maxLength });
    if (problem !== undefined) this.add(field, identifierError(value, problem, options));
    return value;
  }

  /** A name; `rule` picks Harness's request-field (64), YAML-entity (128) or template rule. */
  name(obj: Json, field: string, options: { required?: boolean; rule?: NameRule } = {}): string | undefined {
    const value = options.required === false ? this.optional(obj, field) : this.required(obj, field);
    if (value === undefined) return undefined;
    const rule = options.rule ?? "yaml";
    const problem = checkName(value, rule);
    if (problem?.rule === "empty") this.add(field, "cannot be empty");
    else if (problem !== undefined) {
      const max = rule === "entity" ? ENTITY_NAME_MAX_LENGTH : NAME_MAX_LENGTH;
      const chars = rule === "template" ? "alphanumeric, hyphen, underscore and space characters, and not start with a number or hyphen" : "alphanumeric, hyphen, underscore, dot and space characters";
      this.add(field, `can be ${max} characters long and can only contain ${chars}`);
    }
    return value;
  }

  description(obj: Json, field: string): string | undefined {
    const value = this.optional(obj, field);
    if (value !== undefined && value.length > DESCRIPTION_MAX_LENGTH) {
      this.add(field, `size must be between 0 and ${DESCRIPTION_MAX_LENGTH}`);
    }
    return value;
  }

  /** Tags are a map of strings to strings (values may be empty); kept exactly as sent. */
  tags(obj: Json, field: string): Record<string, string> | undefined {
    const value = obj[field];
    if (value === undefined || value === null) return undefined;
    if (!isObject(value) || Object.values(value).some((v) => typeof v !== "string")) {
      return void this.add(field, "must be a map of string keys to string values");
    }
    return value as Record<string, string>;
  }

  oneOf(obj: Json, field: string, allowed: readonly string[], options: { required?: boolean } = {}): string | undefined {
    const value = options.required === false ? this.optional(obj, field) : this.required(obj, field);
    if (value !== undefined && !allowed.includes(value)) this.add(field, `must be one of ${allowed.join(", ")}`);
    return value;
  }

  /** Throws the FailureDTO (400) when anything was wrong. */
  done(): void {
    if (this.errors.length > 0) throw fieldFailure(this.errors);
  }
}

function identifierError(value: string, problem: RuleProblem, options: { allowDollar: boolean; maxLength: number }): string {
  switch (problem.rule) {
    case "empty":
      return "cannot be empty";
    case "reserved":
      return `${value} is a keyword, so cannot be used`;
    default:
      return options.allowDollar
        ? `can be ${options.maxLength} characters long and can only contain alphanumeric, underscore and $ characters, and not start with a number or $`
        : `can be ${options.maxLength} characters long and can only contain alphanumeric and underscore characters, and not start with a number`;
  }
}
