/**
 * Connectors `/ng/api/connectors` (shared/harness-api.md §1.3). Body `{"connector": ConnectorInfo}`;
 * the scope comes from the body's orgIdentifier/projectIdentifier, the id of an update from the
 * body too. A missing connector is 400 INVALID_REQUEST "No connector exists with the identifier …",
 * as in the server code seen. Data: ConnectorResponse (see `toResponse`).
 */
import { page } from "../envelopes.js";
import { FieldChecker, isObject } from "../fields.js";
import { connectorDuplicate, connectorNameDuplicate, connectorNotFound, scopeMismatch } from "../messages.js";
import type { Route, RouteContext } from "../route.js";
import { duplicate, invalidRequest, missingConnector } from "../route.js";
import { enforceOnJson } from "../kit-rules.js";
import { bodyScope, queryScope, requireParents } from "../scope.js";
import type { EntityRecord, Scope } from "../store.js";
import { compact, matchesSearch, newRecord, objectBody, updatedRecord } from "./common.js";
import { CONNECTOR_TYPES } from "../../rules/connector-types.js";
import { checkSpec } from "./connector-spec.js";
import { firstBadSecretRef, resolveSecretRef, secretRefsOf } from "../secret-refs.js";

/** Harness checks every secret reference of a connector on create and update (§4, CONFIRMED). */
function requireSecrets(ctx: RouteContext, scope: Scope, connector: Record<string, unknown>): void {
  const problem = firstBadSecretRef(ctx.store, connector.spec, scope);
  if (problem !== undefined) throw invalidRequest(problem);
}

/** Usages are cleared by an async event on Harness: the secrets stay "in use" for a while (LIKELY). */
function rememberReleasedSecrets(ctx: RouteContext, record: EntityRecord): void {
  const ms = ctx.secrets.options.referenceReleaseMs;
  if (ms <= 0) return;
  for (const { ref } of secretRefsOf(record.entity.spec)) {
    const resolved = resolveSecretRef(ref, record);
    if (resolved.ok) ctx.secrets.lingering.set(JSON.stringify([resolved.scope.org, resolved.scope.project, resolved.identifier]), ctx.now + ms);
  }
}

const address = (scope: Scope, identifier: string) => ({ kind: "connector" as const, ...scope, identifier });

export function toResponse(r: EntityRecord): Record<string, unknown> {
  return {
    connector: r.entity,
    createdAt: r.createdAt,
    lastModifiedAt: r.lastModifiedAt,
    status: r.connectivity ?? { status: "UNKNOWN", errorSummary: null, errors: null, testedAt: 0, lastTestedAt: 0, lastConnectedAt: 0, lastAlertSent: null },
    activityDetails: { lastActivityTime: r.lastModifiedAt },
    harnessManaged: false,
    gitDetails: { objectId: null, branch: null, repoIdentifier: null, rootFolder: null, filePath: null, repoName: null, commitId: null, fileUrl: null, repoUrl: null },
    entityValidityDetails: { valid: true, invalidYaml: null },
    governanceMetadata: null,
    isFavorite: false,
  };
}

/** Checks a ConnectorRequest body; returns its scope and the connector as it will be stored. */
function readConnector(ctx: RouteContext): { scope: Scope; connector: Record<string, unknown> } {
  const body = objectBody(ctx, "connector");
  if (typeof body.accountIdentifier === "string" && body.accountIdentifier !== ctx.account) throw invalidRequest(scopeMismatch);
  const scope = bodyScope(ctx, body);
  const check = new FieldChecker("connector");
  const name = check.name(body, "name", { rule: "entity" });
  const identifier = check.identifier(body, "identifier", { allowDollar: true, maxLength: ctx.identifierMaxLength });
  const description = check.description(body, "description");
  const tags = check.tags(body, "tags");
  const type = check.oneOf(body, "type", CONNECTOR_TYPES);
  if (body.spec === undefined || body.spec === null) check.add("spec", "must not be null");
  else if (!isObject(body.spec)) check.add("spec", "must be an object");
  else if (type !== undefined) checkSpec(type, body.spec, check);
  check.done();
  enforceOnJson("connector", ctx.body);
  const connector = compact({
    name,
    identifier,
    description: description ?? "",
    orgIdentifier: scope.org ?? undefined,
    projectIdentifier: scope.project ?? undefined,
    tags: tags ?? {},
    type,
    spec: body.spec,
  });
  return { scope, connector };
}

function sameNameElsewhere(ctx: RouteContext, scope: Scope, name: unknown, identifier: string): boolean {
  return ctx.store.list("connector", scope).some((r) => r.entity.name === name && r.identifier !== identifier);
}

export const connectorRoutes: Route[] = [
  {
    method: "POST",
    path: "/ng/api/connectors",
    accepts: ["json", "yaml"],
    handle(ctx) {
      const { scope, connector } = readConnector(ctx);
      requireParents(ctx, scope);
      const id = connector.identifier as string;
      if (ctx.store.get(address(scope, id)) !== undefined) throw duplicate(ctx, connectorDuplicate(id));
      if (sameNameElsewhere(ctx, scope, connector.name, id)) throw duplicate(ctx, connectorNameDuplicate(String(connector.name)));
      requireSecrets(ctx, scope, connector);
      const record = newRecord("connector", scope, id, connector, ctx.now);
      ctx.store.put(record);
      return toResponse(record);
    },
  },
  {
    method: "PUT",
    path: "/ng/api/connectors",
    accepts: ["json", "yaml"],
    handle(ctx) {
      const { scope, connector } = readConnector(ctx);
      const id = connector.identifier as string;
      const old = ctx.store.get(address(scope, id));
      if (old === undefined) throw missingConnector(ctx, connectorNotFound(id, ctx.account, scope.org, scope.project));
      if (sameNameElsewhere(ctx, scope, connector.name, id)) throw duplicate(ctx, connectorNameDuplicate(String(connector.name)));
      requireSecrets(ctx, scope, connector);
      const record = updatedRecord(old, connector, ctx.now);
      ctx.store.put(record);
      return toResponse(record);
    },
  },
  {
    method: "GET",
    path: "/ng/api/connectors/{identifier}",
    handle(ctx) {
      const scope = queryScope(ctx);
      const id = ctx.params.identifier as string;
      const record = ctx.store.get(address(scope, id));
      if (record === undefined) throw missingConnector(ctx, connectorNotFound(id, ctx.account, scope.org, scope.project));
      return toResponse(record);
    },
  },
  {
    method: "DELETE",
    path: "/ng/api/connectors/{identifier}",
    handle(ctx) {
      const scope = queryScope(ctx);
      const id = ctx.params.identifier as string;
      const record = ctx.store.get(address(scope, id));
      if (record === undefined || !ctx.store.remove(record)) throw missingConnector(ctx, connectorNotFound(id, ctx.account, scope.org, scope.project));
      rememberReleasedSecrets(ctx, record);
      return true;
    },
  },
  {
    method: "GET",
    path: "/ng/api/connectors",
    handle(ctx) {
      const records = ctx.store.list("connector", queryScope(ctx)).filter((r) => matchesSearch(r, ctx.query));
      return page(records.map(toResponse), ctx.query);
    },
  },
];
