/**
 * Secret files (`secrets/<identifier>.yaml`) for the secrets a generator's connectors reference:
 * one per plain reference (a project secret the run can create). `org.x` and `account.x` secrets
 * live outside the project and are expected to exist. The file holds where the value comes from,
 * never the value.
 */
import type { AnswerSpec, AnswerValue } from "../src/answers/spec.js";
import type { RenderJob } from "../src/generate/spec.js";
import { VALUE_SOURCE_PATTERN } from "../src/validate/schemas/secret.js";

const SOURCE = new RegExp(VALUE_SOURCE_PATTERN);

const sourceCheck = (value: AnswerValue): string | undefined =>
  typeof value === "string" && SOURCE.test(value)
    ? undefined
    : // Never repeat the answer: a user may have pasted the secret itself here.
      "is not a value source (the answer is not shown, in case it is a secret): write env:VARIABLE, file:PATH (relative to the repository) or prompt";

/** An answer saying where a secret's value comes from (never the value itself). */
export function valueSourceAnswer(key: string, message: string, fallback: string): AnswerSpec {
  return { key, kind: "token", message, default: fallback, check: sourceCheck };
}

/** The render job of one SecretText, or nothing when `ref` names an org or account secret. */
export function secretTextJob(ref: string, scope: { org: string; project: string }, valueSource: string): RenderJob[] {
  if (/^(org|account)\./.test(ref)) return [];
  return [{ template: "secret/secret-text.yaml.hbs", kind: "secret", identifier: ref, data: { identifier: ref, name: ref, ...scope, valueSource } }];
}
