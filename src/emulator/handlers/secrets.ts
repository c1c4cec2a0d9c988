/**
 * Secrets `/ng/api/v2/secrets` (shared/harness-api-secrets.md §1–§3). Body
 * `{"secret": {type, name, identifier, orgIdentifier, projectIdentifier, tags, spec}}`; the query
 * scope must equal the body's. SecretText (Inline, in a secret manager of its own scope) and
 * SSHKey travel as JSON, SecretFile as multipart (`spec` JSON text + `file`). A value is never
 * returned, logged or stored: the record keeps a salted digest only. Data: SecretResponse.
 */
import { createHash, randomBytes } from "node:crypto";
import { ApiError, page } from "../envelopes.js";
import { FieldChecker, isObject } from "../fields.js";
import type { Json } from "../fields.js";
import { multipartParts } from "../multipart.js";
import type { Route, RouteContext } from "../route.js";
import { invalidRequest } from "../route.js";
import { queryScope, requireParents } from "../scope.js";
import { isSecretReferenced, resolveSecretRef, secretAddress } from "../secret-refs.js";
import type { EntityRecord, Scope } from "../store.js";
import { compact, matchesSearch, newRecord, updatedRecord } from "./common.js";
import { checkSecretSpec, managerProblem, SECRET_TYPES } from "./secret-spec.js";
import { parseJson } from "../body.js";

const m = {
  duplicate: (id: string) => `Secret with identifier ${id} already exists in this scope`, // [source-code]
  duplicateSsh: "Duplicate identifier, please try again with a new identifier", // [source-code]
  scope: "Invalid request, scope in payload and params do not match.", // [source-code]
  getMissing: (id: string) => `Secret with identifier [${id}] is not found in the given scope`, // [source-code]
  putMissing: "No such secret found, please check identifier/scope and try again.", // [source-code]
  deleteMissing: (id: string) => `Secret with identifier [${id}] does not exist in the specified scope`, // [source-code]
  inUse: (id: string) => `Could not delete the secret ${id} as it is referenced by other entities`, // [source-code]
  immutable: "Cannot change organization, project, identifier, type or secret manager of a secret after creation.", // [source-code]
  emptyValue: "value cannot be empty for a secret text.", // [source-code]
  wrongEndpoint: (type: string) => `Invalid secret type provided: ${type}`,
  policyDenied: (id: string) => `Secret ${id} is denied by the policy set "Secrets" (emulated --secret-policy-deny)`,
};

export function digestOf(value: string, salt = randomBytes(12).toString("hex")): string {
  return `${salt}:${createHash("sha256").update(salt).update(value).digest("hex")}`;
}

export function digestMatches(digest: string | undefined, value: string): boolean {
  const salt = digest?.split(":")[0];
  return digest !== undefined && salt !== undefined && digestOf(value, salt) === digest;
}

function toResponse(r: EntityRecord): Json {
  return { secret: r.entity, createdAt: r.createdAt, updatedAt: r.lastModifiedAt, draft: false, governanceMetadata: null };
}

/** What Harness answers when a policy denies a secret save: 200, no `secret`, nothing stored. */
function policyDenied(id: string): Json {
  return {
    governanceMetadata: {
      deny: true,
      status: "error",
      message: m.policyDenied(id),
      details: [{ policySetName: "Secrets", status: "error", denyMessages: [m.policyDenied(id)] }],
    },
  };
}

interface ReadSecret {
  scope: Scope;
  secret: Json;
  /** The inline value or file content; undefined when the request carries none. */
  value: string | undefined;
}

/** Checks a SecretRequestWrapper; `fileText` is the multipart `file` part (SecretFile only). */
function readSecret(ctx: RouteContext, wrapper: unknown, multipart: boolean, fileText: string | undefined): ReadSecret {
  if (!isObject(wrapper) || !isObject(wrapper.secret)) throw invalidRequest("secret: must not be null");
  const body = wrapper.secret;
  const query = queryScope(ctx);
  const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
  if (str(body.orgIdentifier) !== query.org || str(body.projectIdentifier) !== query.project) throw invalidRequest(m.scope);
  const check = new FieldChecker("secret");
  const type = check.oneOf(body, "type", SECRET_TYPES);
  // Harness's docs allow "-" in secret ids, its validator does not (UNCONFIRMED: switchable).
  const rawId = body.identifier;
  const idToCheck = typeof rawId === "string" && ctx.secrets.options.allowHyphens ? rawId.replaceAll("-", "_") : rawId;
  check.identifier({ identifier: idToCheck }, "identifier", { allowDollar: true, maxLength: ctx.identifierMaxLength });
  const identifier = typeof rawId === "string" ? rawId : undefined;
  const name = check.name(body, "name", { rule: "entity" });
  const description = check.description(body, "description");
  const tags = check.tags(body, "tags");
  if (!isObject(body.spec)) check.add("spec", "must not be null");
  check.done();
  if ((type === "SecretFile") !== multipart) throw new ApiError(multipart ? 400 : 500, multipart ? "INVALID_REQUEST" : "UNKNOWN_ERROR", m.wrongEndpoint(String(type)));
  const spec = checkSecretSpec(type as string, body.spec as Json);
  const value = type === "SecretText" ? (typeof (body.spec as Json).value === "string" ? ((body.spec as Json).value as string) : undefined) : type === "SecretFile" ? fileText : undefined;
  const secret = compact({
    type,
    name,
    identifier,
    orgIdentifier: query.org ?? undefined,
    projectIdentifier: query.project ?? undefined,
    description: description ?? "",
    tags: tags ?? {},
    spec,
  });
  return { scope: query, secret, value };
}

function lingers(ctx: RouteContext, scope: Scope, id: string): boolean {
  const key = JSON.stringify([scope.org, scope.project, id]);
  const until = ctx.secrets.lingering.get(key);
  if (until === undefined) return false;
  if (until > ctx.now) return true;
  ctx.secrets.lingering.delete(key);
  return false;
}

/** SSHKey secrets name their key or password secret; Harness checks it exists (404 ENTITY_NOT_FOUND). */
function requireSshRefs(ctx: RouteContext, scope: Scope, secret: Json): void {
  const auth = ((secret.spec as Json).auth ?? {}) as Json;
  const creds = (((auth.spec ?? {}) as Json).spec ?? {}) as Json;
  for (const ref of [creds.key, creds.password, creds.encryptedPassphrase]) {
    if (typeof ref !== "string" || ref === "") continue;
    const resolved = resolveSecretRef(ref, scope);
    if (!resolved.ok || ctx.store.get(secretAddress(resolved.scope, resolved.identifier)) === undefined) {
      throw new ApiError(404, "ENTITY_NOT_FOUND", `No such secret found [${ref}], please check identifier/scope and try again.`); // [source-code]
    }
  }
}

function create(ctx: RouteContext, read: ReadSecret): Json {
  const { scope, secret, value } = read;
  if (secret.type !== "SSHKey" && (value === undefined || value === "")) throw invalidRequest(m.emptyValue);
  requireParents(ctx, scope);
  const manager = managerProblem(ctx, scope, secret);
  if (manager !== undefined) throw manager;
  const id = secret.identifier as string;
  if (ctx.store.get(secretAddress(scope, id)) !== undefined) {
    throw secret.type === "SSHKey" ? new ApiError(400, "DUPLICATE_FIELD", m.duplicateSsh) : invalidRequest(m.duplicate(id));
  }
  if (secret.type === "SSHKey") requireSshRefs(ctx, scope, secret);
  if (ctx.secrets.options.policyDeny.includes(id)) return policyDenied(id);
  const record: EntityRecord = { ...newRecord("secret", scope, id, secret, ctx.now), ...(value === undefined ? {} : { valueDigest: digestOf(value) }) };
  ctx.store.put(record);
  return toResponse(record);
}

function update(ctx: RouteContext, read: ReadSecret): Json {
  const { scope, secret, value } = read;
  const id = ctx.params.identifier as string;
  const old = ctx.store.get(secretAddress(scope, id));
  if (old === undefined) throw invalidRequest(m.putMissing);
  const manager = (s: Json) => (s.spec as Json | undefined)?.secretManagerIdentifier;
  if (secret.identifier !== id || secret.type !== old.entity.type || manager(secret) !== manager(old.entity)) throw invalidRequest(m.immutable);
  if (secret.type === "SSHKey") requireSshRefs(ctx, scope, secret);
  if (ctx.secrets.options.policyDeny.includes(id)) return policyDenied(id);
  // A missing value keeps the stored one (LIKELY for Harness's KMS-backed manager).
  const record: EntityRecord = { ...updatedRecord(old, secret, ctx.now), ...(value === undefined || value === "" ? {} : { valueDigest: digestOf(value) }) };
  ctx.store.put(record);
  return toResponse(record);
}

function fileRequest(ctx: RouteContext): { wrapper: unknown; file: string | undefined } {
  const parts = multipartParts(ctx.text, ctx.contentType);
  const spec = parts.get("spec");
  if (spec === undefined) throw invalidRequest("spec: must not be null");
  return { wrapper: parseJson(spec), file: parts.get("file") };
}

export const secretRoutes: Route[] = [
  { method: "POST", path: "/ng/api/v2/secrets", accepts: ["json"], handle: (ctx) => create(ctx, readSecret(ctx, ctx.body, false, undefined)) },
  {
    method: "POST",
    path: "/ng/api/v2/secrets/files",
    accepts: ["multipart"],
    handle(ctx) {
      const { wrapper, file } = fileRequest(ctx);
      if (file === undefined) throw invalidRequest("file: must not be null");
      return create(ctx, readSecret(ctx, wrapper, true, file));
    },
  },
  { method: "PUT", path: "/ng/api/v2/secrets/{identifier}", accepts: ["json"], handle: (ctx) => update(ctx, readSecret(ctx, ctx.body, false, undefined)) },
  {
    method: "PUT",
    path: "/ng/api/v2/secrets/files/{identifier}",
    accepts: ["multipart"],
    handle(ctx) {
      const { wrapper, file } = fileRequest(ctx);
      return update(ctx, readSecret(ctx, wrapper, true, file));
    },
  },
  {
    method: "GET",
    path: "/ng/api/v2/secrets/{identifier}",
    handle(ctx) {
      const id = ctx.params.identifier as string;
      const record = ctx.store.get(secretAddress(queryScope(ctx), id));
      if (record === undefined && ctx.secrets.options.missingGet === "200-null") return null;
      if (record === undefined) throw new ApiError(400, "RESOURCE_NOT_FOUND_EXCEPTION", m.getMissing(id), { fieldErrors: [] });
      return toResponse(record);
    },
  },
  {
    method: "DELETE",
    path: "/ng/api/v2/secrets/{identifier}",
    handle(ctx) {
      const scope = queryScope(ctx);
      const id = ctx.params.identifier as string;
      if (ctx.store.get(secretAddress(scope, id)) === undefined) throw new ApiError(404, "ENTITY_NOT_FOUND", m.deleteMissing(id));
      if (isSecretReferenced(ctx.store, scope, id) || lingers(ctx, scope, id)) throw new ApiError(400, "ENTITY_REFERENCE_EXCEPTION", m.inUse(id));
      ctx.store.remove(secretAddress(scope, id));
      return true;
    },
  },
  {
    method: "GET",
    path: "/ng/api/v2/secrets",
    handle(ctx) {
      const types = [...ctx.query.getAll("type"), ...ctx.query.getAll("types").flatMap((t) => t.split(","))];
      const ids = ctx.query.getAll("identifiers").flatMap((v) => v.split(","));
      const records = ctx.store
        .list("secret", queryScope(ctx))
        .filter((r) => matchesSearch(r, ctx.query) && (types.length === 0 || types.includes(String(r.entity.type))) && (ids.length === 0 || ids.includes(r.identifier)))
        .sort((a, b) => b.lastModifiedAt - a.lastModifiedAt);
      return page(records.map(toResponse), ctx.query);
    },
  },
];
