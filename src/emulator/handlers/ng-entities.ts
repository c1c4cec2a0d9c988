/**
 * Services `/ng/api/servicesV2`, environments `/ng/api/environmentsV2` and infrastructures
 * `/ng/api/infrastructures`: create (POST), update (PUT, id in the body), upsert (PUT …/upsert;
 * services and environments), get, delete, list. Data: `{service|environment|infrastructure:
 * {accountId, identifier, orgIdentifier, projectIdentifier, name, description, tags, …, yaml},
 * createdAt, lastModifiedAt}`. Infrastructures belong to an environment (`environmentRef` in the
 * body, `environmentIdentifier` in the query of reads).
 */
import { fieldFailure, page } from "../envelopes.js";
import * as messages from "../messages.js";
import type { Route, RouteContext } from "../route.js";
import { duplicate, notFound } from "../route.js";
import { queryScope, requireParents } from "../scope.js";
import type { EntityRecord, Scope } from "../store.js";
import { matchesSearch, newRecord, updatedRecord } from "./common.js";
import { readFlatRequest } from "./flat-request.js";
import type { FlatKindConfig } from "./flat-request.js";

interface KindRoutesConfig extends FlatKindConfig {
  basePath: string;
  idParam: string;
  upsert: boolean;
  duplicateMessage(id: string, scope: Scope, env: string): string;
  notFoundMessage(id: string, scope: Scope, env: string): string;
}

const SERVICE: KindRoutesConfig = {
  kind: "service", yamlRoot: "service", yamlRequired: false, extraFields: [], requiredExtras: [],
  basePath: "/ng/api/servicesV2", idParam: "serviceIdentifier", upsert: true,
  duplicateMessage: (id, s) => messages.serviceDuplicate(id, s),
  notFoundMessage: (id, s) => messages.serviceNotFound(id, s),
};

const ENVIRONMENT: KindRoutesConfig = {
  kind: "environment", yamlRoot: "environment", yamlRequired: false, extraFields: ["color", "type"], requiredExtras: ["type"],
  basePath: "/ng/api/environmentsV2", idParam: "environmentIdentifier", upsert: true,
  duplicateMessage: (id, s) => messages.environmentDuplicate(id, s),
  notFoundMessage: (id, s) => messages.environmentNotFound(id, s),
};

const INFRASTRUCTURE: KindRoutesConfig = {
  kind: "infrastructure", yamlRoot: "infrastructureDefinition", yamlRequired: true,
  extraFields: ["environmentRef", "type", "deploymentType"], requiredExtras: ["environmentRef", "type", "deploymentType"],
  basePath: "/ng/api/infrastructures", idParam: "infraIdentifier", upsert: false,
  duplicateMessage: (id, s, env) => messages.infrastructureDuplicate(id, env, s),
  notFoundMessage: (id, s, env) => messages.infrastructureNotFound(id, env, s),
};

function routesFor(config: KindRoutesConfig): Route[] {
  const isInfra = config.kind === "infrastructure";
  const address = (scope: Scope, id: string, env: string | null) => ({ kind: config.kind, ...scope, parent: env, identifier: id });
  const toResponse = (r: EntityRecord) => ({ [config.kind]: r.entity, createdAt: r.createdAt, lastModifiedAt: r.lastModifiedAt });

  /** Reads the body and checks the parents; `env` is the infrastructure's environment. */
  function read(ctx: RouteContext) {
    const { scope, entity } = readFlatRequest(ctx, config);
    requireParents(ctx, scope);
    const env = isInfra ? String(entity.environmentRef) : null;
    if (env !== null && ctx.store.get({ kind: "environment", ...scope, identifier: env }) === undefined) {
      throw notFound(messages.environmentNotFound(env, scope));
    }
    return { scope, entity, env, id: String(entity.identifier) };
  }

  /** The environment named in the query of reads of infrastructures. */
  function queryEnv(ctx: RouteContext): string | null {
    if (!isInfra) return null;
    const env = ctx.query.get("environmentIdentifier");
    if (env === null || env === "") throw fieldFailure([{ path: "environmentIdentifier", error: "must not be null" }]);
    return env;
  }

  function save(ctx: RouteContext, mode: "create" | "update" | "upsert") {
    const { scope, entity, env, id } = read(ctx);
    const old = ctx.store.get(address(scope, id, env));
    if (old !== undefined && mode === "create") throw duplicate(ctx, config.duplicateMessage(id, scope, env ?? ""));
    if (old === undefined && mode === "update") throw notFound(config.notFoundMessage(id, scope, env ?? ""));
    const record = old === undefined ? newRecord(config.kind, scope, id, entity, ctx.now, env) : updatedRecord(old, entity, ctx.now);
    ctx.store.put(record);
    return toResponse(record);
  }

  const routes: Route[] = [
    { method: "POST", path: config.basePath, accepts: ["json", "yaml"], handle: (ctx) => save(ctx, "create") },
    { method: "PUT", path: config.basePath, accepts: ["json", "yaml"], handle: (ctx) => save(ctx, "update") },
    {
      method: "GET",
      path: `${config.basePath}/{${config.idParam}}`,
      handle(ctx) {
        const scope = queryScope(ctx);
        const id = ctx.params[config.idParam] as string;
        const env = queryEnv(ctx);
        const record = ctx.store.get(address(scope, id, env));
        if (record === undefined) throw notFound(config.notFoundMessage(id, scope, env ?? ""));
        return toResponse(record);
      },
    },
    {
      method: "DELETE",
      path: `${config.basePath}/{${config.idParam}}`,
      handle(ctx) {
        const scope = queryScope(ctx);
        const id = ctx.params[config.idParam] as string;
        const env = queryEnv(ctx);
        if (!ctx.store.remove(address(scope, id, env))) throw notFound(config.notFoundMessage(id, scope, env ?? ""));
        if (config.kind === "environment") ctx.store.removeInfrastructuresOf(scope, id);
        return true;
      },
    },
    {
      method: "GET",
      path: config.basePath,
      handle(ctx) {
        const records = ctx.store.list(config.kind, queryScope(ctx), queryEnv(ctx)).filter((r) => matchesSearch(r, ctx.query));
        return page(records.map(toResponse), ctx.query);
      },
    },
  ];
  if (config.upsert) {
    routes.unshift({ method: "PUT", path: `${config.basePath}/upsert`, accepts: ["json", "yaml"], handle: (ctx) => save(ctx, "upsert") });
  }
  return routes;
}

export const serviceRoutes: Route[] = routesFor(SERVICE);
export const environmentRoutes: Route[] = routesFor(ENVIRONMENT);
export const infrastructureRoutes: Route[] = routesFor(INFRASTRUCTURE);
