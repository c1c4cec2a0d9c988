/**
 * The shape of a generator (a kit's generator, built-in or not, becomes one: src/kit/to-spec.ts):
 * the answers it takes and the files it renders from them. Everything else is generic.
 */
import type { AnswerSpec, Answers } from "../answers/spec.js";
import type { EntityKind } from "../layout.js";
import { DERIVED_IDENTIFIER_MAX_LENGTH } from "../rules/identifiers.js";

/** One file to render: a template, the entity it becomes, and the data the template sees. */
export interface RenderJob {
  /** Template id relative to templates/, e.g. `connector/docker-registry.json.hbs`. */
  template: string;
  kind: EntityKind;
  identifier: string;
  /** A nested kind's second key (layout.ts NESTED_KEY): a template version's versionLabel, a trigger's or input set's pipeline. */
  group?: string;
  /** Every key a template reads must be present; null (never undefined) for answers that do not apply. */
  data: Record<string, unknown>;
  /** Kit files: who owns the file on a later update (default managed). */
  policy?: "managed" | "once" | "enforced";
  /** Kit `each` files: the element's stable name, so an update keeps the file tied to it. */
  key?: string;
}

export interface GeneratorSpec {
  name: string;
  description: string;
  answers: readonly AnswerSpec[];
  files(answers: Answers): RenderJob[];
}

/** Reads a string answer; resolved answers always hold one for keys that applied. */
export function str(answers: Answers, key: string): string {
  const value = answers[key];
  return typeof value === "string" ? value : "";
}

export function list(answers: Answers, key: string): string[] {
  const value = answers[key];
  return Array.isArray(value) ? value : [];
}

export function tags(answers: Answers, key = "tags"): Record<string, string> {
  const value = answers[key];
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}

/** `base` + `_suffix`, shortening `base` so the result stays a derived identifier's 64 characters. */
export function suffixed(base: string, suffix: string): string {
  return `${base.slice(0, DERIVED_IDENTIFIER_MAX_LENGTH - suffix.length - 1)}_${suffix}`;
}
