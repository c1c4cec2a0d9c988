/**
 * Where an entity lives: account, optional organization, optional project. Harness takes the
 * scope from query parameters on reads and (for connectors, services, environments and
 * infrastructures) from the body on writes; when both are given they must agree.
 */
import { ApiError } from "./envelopes.js";
import type { Json } from "./fields.js";
import { orgNotFound, projectNotFound, projectWithoutOrg, scopeMismatch } from "./messages.js";
import type { RouteContext } from "./route.js";
import { invalidRequest, notFound } from "./route.js";
import type { Scope } from "./store.js";

function param(query: URLSearchParams, name: string): string | null {
  const value = query.get(name);
  return value === null || value === "" ? null : value;
}

export function queryScope(ctx: RouteContext): Scope {
  return { account: ctx.account, org: param(ctx.query, "orgIdentifier"), project: param(ctx.query, "projectIdentifier") };
}

/** Scope from body fields, checked against the query's when the query names one too. */
export function bodyScope(ctx: RouteContext, body: Json): Scope {
  const fromQuery = queryScope(ctx);
  const org = typeof body.orgIdentifier === "string" && body.orgIdentifier !== "" ? body.orgIdentifier : null;
  const project = typeof body.projectIdentifier === "string" && body.projectIdentifier !== "" ? body.projectIdentifier : null;
  if ((fromQuery.org !== null && fromQuery.org !== org) || (fromQuery.project !== null && fromQuery.project !== project)) {
    throw invalidRequest(scopeMismatch);
  }
  return { account: ctx.account, org, project };
}

/** 404 when the organization or project of a scope does not exist; 400 for a project without org. */
export function requireParents(ctx: RouteContext, scope: Scope): void {
  if (scope.project !== null && scope.org === null) throw invalidRequest(projectWithoutOrg);
  if (scope.org !== null) {
    const org = ctx.store.get({ kind: "organization", account: scope.account, org: null, project: null, identifier: scope.org });
    if (org === undefined) throw notFound(orgNotFound(scope.org));
  }
  if (scope.project !== null && scope.org !== null) {
    const project = ctx.store.get({ kind: "project", account: scope.account, org: scope.org, project: null, identifier: scope.project });
    if (project === undefined) throw notFound(projectNotFound(scope.org, scope.project));
  }
}

/** Pipelines always live in a project: both query parameters are required. */
export function requireProjectScope(ctx: RouteContext): Scope & { org: string; project: string } {
  const scope = queryScope(ctx);
  const missing: string[] = [];
  if (scope.org === null) missing.push("orgIdentifier");
  if (scope.project === null) missing.push("projectIdentifier");
  if (missing.length > 0) {
    throw new ApiError(400, "INVALID_REQUEST", missing.map((m) => `${m}: must not be null`).join(", "), {
      fieldErrors: missing.map((m) => ({ fieldId: m, error: "must not be null" })),
    });
  }
  requireParents(ctx, scope);
  return scope as Scope & { org: string; project: string };
}
