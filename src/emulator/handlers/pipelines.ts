/**
 * Pipelines (shared/harness-api.md §1.4): create and update take the raw YAML; GET returns it in
 * `yamlPipeline` byte for byte as it was stored. Create/update data: `{identifier, governanceMetadata}`.
 * GET data: PMSPipelineResponse (see `toResponse`). Missing on GET: 404 ENTITY_NOT_FOUND; missing
 * on update/delete: 400 INVALID_REQUEST (the server's delete wording).
 */
import { requireInlineCreate } from "../store-type.js";
import { page } from "../envelopes.js";
import { isObject } from "../fields.js";
import { identifierMismatch, pipelineDuplicate, pipelineMissingOnChange, pipelineNotFound } from "../messages.js";
import type { Route, RouteContext } from "../route.js";
import { duplicate, invalidRequest, notFound } from "../route.js";
import { enforceOnYaml } from "../kit-rules.js";
import { requireProjectScope } from "../scope.js";
import type { EntityRecord, Scope } from "../store.js";
import { resolveTemplates } from "../template-resolve.js";
import { checkYamlEntity } from "../yaml-entity.js";
import { compact, matchesSearch, newRecord, updatedRecord } from "./common.js";

const STAGE_MODULES: Readonly<Record<string, string>> = {
  Deployment: "cd",
  CI: "ci",
  FeatureFlag: "cf",
  SecurityTests: "sto",
  IACM: "iacm",
  IDP: "idp",
};

const address = (scope: Scope, identifier: string) => ({ kind: "pipeline" as const, ...scope, identifier });

/** Checks the YAML body against the query scope; returns what is stored besides the text. */
function readPipeline(ctx: RouteContext, scope: Scope & { org: string; project: string }): Record<string, unknown> {
  const pipeline = checkYamlEntity("pipeline", ctx.body, ctx.identifierMaxLength);
  enforceOnYaml("pipeline", ctx.body, ctx.text);
  for (const [field, expected] of [["orgIdentifier", scope.org], ["projectIdentifier", scope.project]] as const) {
    const value = pipeline[field];
    if (value !== undefined && value !== null && value !== expected) {
      throw invalidRequest(`${field} in the pipeline yaml [${String(value)}] does not match the ${field} query parameter [${expected}]`);
    }
  }
  // Harness resolves the templates a pipeline uses on every save (drafts excepted).
  if (ctx.query.get("isDraft") !== "true") resolveTemplates(ctx.body, { store: ctx.store, scope, checkInputs: ctx.checkTemplateInputs });
  const stages = Array.isArray(pipeline.stages) ? pipeline.stages : [];
  const modules = new Set(["pms"]);
  for (const item of stages) {
    const type = isObject(item) && isObject(item.stage) ? item.stage.type : undefined;
    if (typeof type === "string" && STAGE_MODULES[type] !== undefined) modules.add(STAGE_MODULES[type]);
  }
  return compact({
    identifier: pipeline.identifier,
    name: pipeline.name,
    description: typeof pipeline.description === "string" ? pipeline.description : undefined,
    tags: isObject(pipeline.tags) ? pipeline.tags : {},
    numOfStages: stages.length,
    modules: [...modules],
    yaml: ctx.text,
  });
}

function saveResponse(ctx: RouteContext, r: EntityRecord): Record<string, unknown> {
  return {
    identifier: r.identifier,
    governanceMetadata: { id: "", deny: false, details: [], message: "", timestamp: String(ctx.now), status: "pass", accountId: r.account, orgId: r.org, projectId: r.project, entity: "", type: "pipeline", action: "onsave", created: String(ctx.now) },
  };
}

function toResponse(r: EntityRecord): Record<string, unknown> {
  return {
    yamlPipeline: r.entity.yaml,
    resolvedTemplatesPipelineYaml: r.entity.yaml,
    gitDetails: { objectId: null, branch: null, repoIdentifier: null, rootFolder: null, filePath: null, repoName: null, commitId: null, fileUrl: null, repoUrl: null },
    entityValidityDetails: { valid: true, invalidYaml: null },
    modules: r.entity.modules,
    storeType: "INLINE",
    connectorRef: null,
    allowDynamicExecutions: false,
  };
}

function toSummary(r: EntityRecord): Record<string, unknown> {
  const { yaml: _yaml, ...rest } = r.entity;
  return { ...rest, version: r.version, createdAt: r.createdAt, lastUpdatedAt: r.lastModifiedAt, storeType: "INLINE" };
}

export const pipelineRoutes: Route[] = [
  {
    method: "POST",
    path: "/pipeline/api/pipelines/v2",
    accepts: ["yaml", "json"],
    yamlText: true,
    handle(ctx) {
      const scope = requireProjectScope(ctx);
      const entity = readPipeline(ctx, scope);
      requireInlineCreate(ctx, "pipeline");
      const id = entity.identifier as string;
      if (ctx.store.taken(address(scope, id))) throw duplicate(ctx, pipelineDuplicate(id, scope.project, scope.org));
      const record = newRecord("pipeline", scope, id, entity, ctx.now);
      ctx.store.put(record);
      return saveResponse(ctx, record);
    },
  },
  {
    method: "PUT",
    path: "/pipeline/api/pipelines/v2/{identifier}",
    accepts: ["yaml", "json"],
    yamlText: true,
    handle(ctx) {
      const scope = requireProjectScope(ctx);
      const id = ctx.params.identifier as string;
      const entity = readPipeline(ctx, scope);
      if (entity.identifier !== id) throw invalidRequest(identifierMismatch("Pipeline", id, String(entity.identifier)));
      const old = ctx.store.get(address(scope, id));
      if (old === undefined) throw invalidRequest(pipelineMissingOnChange(id, scope.project, scope.org));
      const record = updatedRecord(old, entity, ctx.now);
      ctx.store.put(record);
      return saveResponse(ctx, record);
    },
  },
  {
    method: "GET",
    path: "/pipeline/api/pipelines/{identifier}",
    handle(ctx) {
      const scope = requireProjectScope(ctx);
      const id = ctx.params.identifier as string;
      const record = ctx.store.get(address(scope, id));
      if (record === undefined) throw notFound(pipelineNotFound(id), "ENTITY_NOT_FOUND");
      return toResponse(record);
    },
  },
  {
    method: "DELETE",
    path: "/pipeline/api/pipelines/{identifier}",
    handle(ctx) {
      const scope = requireProjectScope(ctx);
      const id = ctx.params.identifier as string;
      if (!ctx.store.delete(address(scope, id))) throw invalidRequest(pipelineMissingOnChange(id, scope.project, scope.org));
      ctx.store.removePipelineChildren(scope, id);
      return true;
    },
  },
  {
    method: "POST",
    path: "/pipeline/api/pipelines/list",
    accepts: ["json"],
    bodyOptional: true,
    handle(ctx) {
      const scope = requireProjectScope(ctx);
      const records = ctx.store.list("pipeline", scope).filter((r) => matchesSearch(r, ctx.query));
      return page(records.map(toSummary), ctx.query);
    },
  },
];
