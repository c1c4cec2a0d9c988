/**
 * Harness registers a Git trigger's webhook with the provider after the save, asynchronously,
 * and only records the outcome in the trigger's status (harness-api-triggers.md §0, §2): the save
 * itself succeeds whatever happens. The emulator decides the outcome at save time from the
 * connector the trigger names: missing → ERROR, not a Github connector, without API access or
 * with its token secret missing → FAILED, otherwise SUCCESS.
 */
import { isObject } from "../fields.js";
import type { Json } from "../fields.js";
import { connectorNotFound, webhookConnectorMissing, webhookNoApiAccess, webhookNotGithub, webhookTokenMissing } from "../messages.js";
import type { RouteContext } from "../route.js";
import { resolveSecretRef, secretAddress } from "../secret-refs.js";
import type { Scope } from "../store.js";

export interface Registration {
  registrationResult: "SUCCESS" | "FAILED" | "ERROR";
  detailedMessage: string | null;
}

/** `org.x` / `account.x` / `x` → where the connector lives. */
function connectorScope(ref: string, scope: Scope): { scope: Scope; identifier: string } {
  if (ref.startsWith("account.")) return { scope: { account: scope.account, org: null, project: null }, identifier: ref.slice(8) };
  if (ref.startsWith("org.")) return { scope: { account: scope.account, org: scope.org, project: null }, identifier: ref.slice(4) };
  return { scope, identifier: ref };
}

/** The GitHub event spec of a webhook trigger (`source.spec.spec.spec`), if it is one. */
export function githubEventSpec(trigger: Json): Json | undefined {
  const source = trigger.source;
  if (!isObject(source) || source.type !== "Webhook" || !isObject(source.spec) || source.spec.type !== "Github") return undefined;
  const event = source.spec.spec;
  return isObject(event) && isObject(event.spec) ? event.spec : undefined;
}

export function registerWebhook(ctx: RouteContext, scope: Scope, event: Json): Registration {
  const ref = typeof event.connectorRef === "string" ? event.connectorRef : "";
  const where = connectorScope(ref, scope);
  const record = ctx.store.get({ kind: "connector", ...where.scope, identifier: where.identifier });
  if (record === undefined) {
    return { registrationResult: "ERROR", detailedMessage: webhookConnectorMissing(connectorNotFound(where.identifier, scope.account, where.scope.org, where.scope.project)) };
  }
  const connector = record.entity;
  const spec = isObject(connector.spec) ? connector.spec : {};
  if (connector.type !== "Github") return { registrationResult: "FAILED", detailedMessage: webhookNotGithub(ref) };
  const apiAccess = isObject(spec.apiAccess) ? spec.apiAccess : undefined;
  if (apiAccess === undefined) return { registrationResult: "FAILED", detailedMessage: webhookNoApiAccess(ref) };
  const tokenRef = isObject(apiAccess.spec) && typeof apiAccess.spec.tokenRef === "string" ? apiAccess.spec.tokenRef : undefined;
  if (tokenRef !== undefined && tokenSecretMissing(ctx, where.scope, tokenRef)) {
    return { registrationResult: "FAILED", detailedMessage: webhookTokenMissing(ref, tokenRef) };
  }
  return { registrationResult: "SUCCESS", detailedMessage: null };
}

/**
 * GitHub refuses a registration whose token cannot be read: a token secret that does not resolve
 * from the connector's scope, or is not stored, fails it. The connector checks its references
 * when saved, so this is reached when the secret went away later (say a state file without it).
 */
function tokenSecretMissing(ctx: RouteContext, connectorScope: Scope, secretRef: string): boolean {
  const resolved = resolveSecretRef(secretRef, connectorScope);
  return !resolved.ok || ctx.store.get(secretAddress(resolved.scope, resolved.identifier)) === undefined;
}
