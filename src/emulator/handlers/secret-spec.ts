/**
 * The `spec` of each secret type (shared/harness-api-secrets.md §1) and the secret-manager check:
 * a SecretText or SecretFile names a manager of its own scope, normally `harnessSecretManager`,
 * which Harness creates for each project and org shortly after it is created (an async event).
 */
import { ApiError, fieldFailure } from "../envelopes.js";
import { isObject } from "../fields.js";
import type { Json } from "../fields.js";
import type { RouteContext } from "../route.js";
import type { Scope } from "../store.js";

export const SECRET_TYPES: readonly string[] = ["SecretText", "SecretFile", "SSHKey"];
export const HARNESS_SECRET_MANAGER = "harnessSecretManager";

/** The spec as stored: an inline value is never kept. Throws a FailureDTO for missing fields. */
export function checkSecretSpec(type: string, spec: Json): Json {
  const errors: { path: string; error: string }[] = [];
  const need = (obj: Json, field: string, at: string): void => {
    if (obj[field] === undefined || obj[field] === null || obj[field] === "") errors.push({ path: `${at}.${field}`, error: "must not be null" });
  };
  let stored: Json = spec;
  if (type === "SecretText") {
    need(spec, "secretManagerIdentifier", "secret.spec");
    need(spec, "valueType", "secret.spec");
    if (spec.valueType !== undefined && !["Inline", "Reference", "CustomSecretManagerValues"].includes(String(spec.valueType))) {
      errors.push({ path: "secret.spec.valueType", error: "must be one of Inline, Reference, CustomSecretManagerValues" });
    }
    const { value, ...rest } = spec;
    // A Reference's value is a path in the manager, not a secret: Harness returns it.
    stored = spec.valueType === "Inline" ? rest : { ...rest, ...(value === undefined ? {} : { value }) };
  } else if (type === "SecretFile") {
    need(spec, "secretManagerIdentifier", "secret.spec");
  } else if (type === "SSHKey") {
    const auth = spec.auth;
    if (!isObject(auth)) errors.push({ path: "secret.spec.auth", error: "must not be null" });
    else {
      const inner = isObject(auth.spec) ? auth.spec : undefined;
      if (inner === undefined) errors.push({ path: "secret.spec.auth.spec", error: "must not be null" });
      else {
        const creds = isObject(inner.spec) ? inner.spec : undefined;
        if (creds === undefined) errors.push({ path: "secret.spec.auth.spec.spec", error: "must not be null" });
        else {
          need(creds, "userName", "secret.spec.auth.spec.spec");
          if (inner.credentialType === "KeyReference") need(creds, "key", "secret.spec.auth.spec.spec");
          if (inner.credentialType === "Password") need(creds, "password", "secret.spec.auth.spec.spec");
        }
      }
    }
  }
  if (errors.length > 0) throw fieldFailure(errors);
  return stored;
}

/**
 * The error Harness gives when the named manager is not there (older path, CONFIRMED code):
 * another id that is no connector of the scope, or `harnessSecretManager` of a scope created
 * less than `managerDelayMs` ago.
 */
export function managerProblem(ctx: RouteContext, scope: Scope, secret: Json): ApiError | undefined {
  if (secret.type === "SSHKey") return undefined;
  const id = (secret.spec as Json).secretManagerIdentifier as string;
  const missing = (): ApiError =>
    new ApiError(400, "SECRET_MANAGEMENT_ERROR", `No such secret manager found with identifier ${id} in org: ${scope.org ?? ""} and project: ${scope.project ?? ""}`);
  if (id !== HARNESS_SECRET_MANAGER) {
    return ctx.store.get({ kind: "connector", ...scope, identifier: id }) === undefined ? missing() : undefined;
  }
  const owner =
    scope.project !== null
      ? ctx.store.get({ kind: "project", account: scope.account, org: scope.org, project: null, identifier: scope.project })
      : scope.org !== null
        ? ctx.store.get({ kind: "organization", account: scope.account, org: null, project: null, identifier: scope.org })
        : undefined;
  if (owner !== undefined && ctx.now - owner.createdAt < ctx.secrets.options.managerDelayMs) return missing();
  return undefined;
}
