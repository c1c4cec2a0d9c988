/**
 * Projects `/ng/api/projects` (shared/harness-api.md §1.2). Body `{"project": Project}`; the
 * organization comes from the `orgIdentifier` query (default `default`) and must agree with the
 * body's. Data: ProjectResponse `{project, createdAt, lastModifiedAt, isFavorite}`.
 */
import { page } from "../envelopes.js";
import { FieldChecker } from "../fields.js";
import type { Json } from "../fields.js";
import { identifierMismatch, projectDuplicate, projectNotFound, scopeMismatch } from "../messages.js";
import type { Route, RouteContext } from "../route.js";
import { duplicate, invalidRequest, notFound } from "../route.js";
import { enforceOnJson } from "../kit-rules.js";
import { requireParents } from "../scope.js";
import type { EntityRecord } from "../store.js";
import { compact, matchesSearch, newRecord, objectBody, updatedRecord } from "./common.js";
import { DEFAULT_ORG } from "./organizations.js";

function orgOf(ctx: RouteContext): string {
  const org = ctx.query.get("orgIdentifier");
  return org === null || org === "" ? DEFAULT_ORG : org;
}

function address(ctx: RouteContext, org: string, identifier: string) {
  return { kind: "project" as const, account: ctx.account, org, project: null, identifier };
}

function toResponse(r: EntityRecord): Record<string, unknown> {
  return { project: r.entity, createdAt: r.createdAt, lastModifiedAt: r.lastModifiedAt, isFavorite: false };
}

/** Checks a ProjectRequest body and returns the project as it will be stored. */
function readProject(ctx: RouteContext, org: string): Json {
  const project = objectBody(ctx, "project");
  if (typeof project.orgIdentifier === "string" && project.orgIdentifier !== "" && project.orgIdentifier !== org) {
    throw invalidRequest(scopeMismatch);
  }
  const check = new FieldChecker("project");
  const identifier = check.identifier(project, "identifier", { allowDollar: true, maxLength: ctx.identifierMaxLength });
  const name = check.name(project, "name", { rule: "entity" });
  const description = check.description(project, "description");
  const color = check.optional(project, "color");
  const tags = check.tags(project, "tags");
  const modules = project.modules;
  if (modules !== undefined && modules !== null && (!Array.isArray(modules) || modules.some((m) => typeof m !== "string"))) {
    check.add("modules", "must be a list of module names");
  }
  check.done();
  const stored = compact({
    orgIdentifier: org,
    identifier,
    name,
    color,
    modules: Array.isArray(modules) ? modules : [],
    description: description ?? "",
    tags: tags ?? {},
  });
  enforceOnJson("project", { project: stored });
  return stored;
}

export const projectRoutes: Route[] = [
  {
    method: "POST",
    path: "/ng/api/projects",
    accepts: ["json", "yaml"],
    handle(ctx) {
      const org = orgOf(ctx);
      const project = readProject(ctx, org);
      requireParents(ctx, { account: ctx.account, org, project: null });
      const id = project.identifier as string;
      if (ctx.store.taken(address(ctx, org, id))) throw duplicate(ctx, projectDuplicate(id, org));
      const record = newRecord("project", { account: ctx.account, org, project: null }, id, project, ctx.now);
      ctx.store.put(record);
      return toResponse(record);
    },
  },
  {
    method: "GET",
    path: "/ng/api/projects/{identifier}",
    handle(ctx) {
      const org = orgOf(ctx);
      const id = ctx.params.identifier as string;
      const record = ctx.store.get(address(ctx, org, id));
      if (record === undefined) throw notFound(projectNotFound(org, id));
      return toResponse(record);
    },
  },
  {
    method: "PUT",
    path: "/ng/api/projects/{identifier}",
    accepts: ["json", "yaml"],
    handle(ctx) {
      const org = orgOf(ctx);
      const id = ctx.params.identifier as string;
      const project = readProject(ctx, org);
      if (project.identifier !== id) throw invalidRequest(identifierMismatch("Project", id, String(project.identifier)));
      const old = ctx.store.get(address(ctx, org, id));
      if (old === undefined) throw notFound(projectNotFound(org, id));
      const record = updatedRecord(old, project, ctx.now);
      ctx.store.put(record);
      return toResponse(record);
    },
  },
  {
    method: "DELETE",
    path: "/ng/api/projects/{identifier}",
    handle(ctx) {
      const org = orgOf(ctx);
      const id = ctx.params.identifier as string;
      if (!ctx.store.delete(address(ctx, org, id))) throw notFound(projectNotFound(org, id));
      ctx.store.removeChildrenOf({ account: ctx.account, org, project: id });
      return true;
    },
  },
  {
    method: "GET",
    path: "/ng/api/projects",
    handle(ctx) {
      const org = ctx.query.get("orgIdentifier");
      const wanted = ctx.query.getAll("identifiers").flatMap((v) => v.split(","));
      const records = ctx.store
        .snapshot()
        .filter((r) => r.kind === "project" && r.account === ctx.account && (org === null || org === "" || r.org === org))
        .filter((r) => matchesSearch(r, ctx.query) && (wanted.length === 0 || wanted.includes(r.identifier)));
      return page(records.map(toResponse), ctx.query);
    },
  },
];
