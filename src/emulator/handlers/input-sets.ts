/**
 * Input sets `/pipeline/api/inputSets` and overlay input sets `/pipeline/api/inputSets/overlay`
 * (harness-api-triggers.md §4). The body is the YAML; the pipeline is the `pipelineIdentifier`
 * query parameter and must match the YAML's. Checks in the server's order, each a 400
 * INVALID_REQUEST; a duplicate is DUPLICATE_FIELD. Like Harness today, values on fields that are
 * not runtime inputs are not refused (the validator reports them). Overlays share the namespace.
 */
import { requireInlineCreate } from "../store-type.js";
import { page } from "../envelopes.js";
import { isObject } from "../fields.js";
import type { Json } from "../fields.js";
import * as m from "../messages.js";
import type { Route, RouteContext } from "../route.js";
import { duplicate, invalidRequest } from "../route.js";
import { ApiError } from "../envelopes.js";
import type { EntityRecord, Scope } from "../store.js";
import { IDENTIFIER_PATTERN } from "../../rules/identifiers.js";
import { compact, matchesSearch, newRecord, updatedRecord } from "./common.js";
import { childScope, pipelineExists, text, type ProjectScope } from "./pipeline-child.js";

const INPUT_SET_ID_MAX_LENGTH = 127;

const address = (scope: Scope, pipeline: string, identifier: string) => ({ kind: "inputset" as const, ...scope, parent: pipeline, identifier });

function hasInputInList(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => (typeof v === "string" && v.trim().startsWith("<+input>")) || hasInputInList(v));
  return isObject(value) && Object.values(value).some(hasInputInList);
}

/** Checks the YAML in server order; returns what is stored. */
function readInputSet(ctx: RouteContext, scope: ProjectScope, pipeline: string, overlay: boolean): Json {
  const root = overlay ? "overlayInputSet" : "inputSet";
  if (!isObject(ctx.body) || !isObject(ctx.body[root])) throw invalidRequest(m.inputSetNoRoot(root));
  const set = ctx.body[root];
  const identifier = text(set.identifier);
  if (identifier === undefined) throw invalidRequest(m.inputSetIdEmpty);
  // The input-set service's own cap is 127; a lower emulator limit (64) applies as well.
  const maxLength = Math.min(INPUT_SET_ID_MAX_LENGTH, ctx.identifierMaxLength);
  if (identifier.length > maxLength) throw invalidRequest(m.inputSetIdTooLong(maxLength));
  if (!IDENTIFIER_PATTERN.test(identifier)) throw invalidRequest(m.inputSetIdPattern(identifier));
  let named: unknown;
  if (overlay) {
    named = set.pipelineIdentifier;
  } else {
    if (!isObject(set.pipeline)) throw invalidRequest(m.inputSetNoPipeline);
    named = set.pipeline.identifier;
  }
  if (text(named) === undefined) throw invalidRequest(m.inputSetNoPipelineId);
  if (named !== pipeline) throw invalidRequest(m.inputSetPipelineMismatch);
  if (!overlay && hasInputInList(set.pipeline)) throw invalidRequest(m.inputSetInputInList);
  if (!pipelineExists(ctx, scope, pipeline)) throw invalidRequest(m.inputSetPipelineMissing(pipeline, scope));
  return compact({
    identifier,
    name: typeof set.name === "string" ? set.name : identifier,
    description: typeof set.description === "string" ? set.description : undefined,
    tags: isObject(set.tags) ? set.tags : {},
    overlay,
    inputSetReferences: overlay && Array.isArray(set.inputSetReferences) ? set.inputSetReferences : undefined,
    yaml: ctx.text,
  });
}

function toResponse(r: EntityRecord): Json {
  const e = r.entity;
  const common = {
    accountId: r.account,
    orgIdentifier: r.org,
    projectIdentifier: r.project,
    pipelineIdentifier: r.parent,
    identifier: r.identifier,
    name: e.name,
    description: e.description ?? "",
    tags: e.tags,
    version: r.version,
    gitDetails: { objectId: null, branch: null, repoIdentifier: null, rootFolder: null, filePath: null, repoName: null, commitId: null, fileUrl: null, repoUrl: null },
    entityValidityDetails: { valid: true, invalidYaml: null },
    storeType: "INLINE",
  };
  if (e.overlay === true) return { ...common, inputSetReferences: e.inputSetReferences, overlayInputSetYaml: e.yaml, outdated: false, errorResponse: false };
  return { ...common, inputSetYaml: e.yaml, outdated: false, errorResponse: false, inputSetErrorWrapper: null };
}

function missing(ctx: RouteContext, id: string): ApiError {
  return ctx.missingInputSetStatus === 400 ? new ApiError(400, "INVALID_REQUEST", m.inputSetNotFound(id)) : new ApiError(404, "ENTITY_NOT_FOUND", m.inputSetNotFound(id));
}

function routesFor(base: string, overlay: boolean): Route[] {
  return [
    {
      method: "POST",
      path: base,
      accepts: ["yaml", "json"],
      yamlText: true,
      handle(ctx) {
        const { scope, pipeline } = childScope(ctx, "pipelineIdentifier");
        const entity = readInputSet(ctx, scope, pipeline, overlay);
        requireInlineCreate(ctx, "input set");
        const key = address(scope, pipeline, entity.identifier as string);
        if (ctx.store.get(key) !== undefined) throw duplicate(ctx, m.inputSetDuplicate(key.identifier, scope, pipeline));
        const record = newRecord("inputset", scope, key.identifier, entity, ctx.now, pipeline);
        ctx.store.put(record);
        return toResponse(record);
      },
    },
    {
      method: "PUT",
      path: `${base}/{identifier}`,
      accepts: ["yaml", "json"],
      yamlText: true,
      handle(ctx) {
        const { scope, pipeline } = childScope(ctx, "pipelineIdentifier");
        const id = ctx.params.identifier as string;
        const entity = readInputSet(ctx, scope, pipeline, overlay);
        if (entity.identifier !== id) throw invalidRequest(m.inputSetIdMismatch(id, String(entity.identifier)));
        const old = ctx.store.get(address(scope, pipeline, id));
        if (old === undefined) throw invalidRequest(m.inputSetNotUpdated(id));
        const record = updatedRecord(old, entity, ctx.now);
        ctx.store.put(record);
        return toResponse(record);
      },
    },
    {
      method: "GET",
      path: `${base}/{identifier}`,
      handle(ctx) {
        const { scope, pipeline } = childScope(ctx, "pipelineIdentifier");
        const id = ctx.params.identifier as string;
        const record = ctx.store.get(address(scope, pipeline, id));
        if (record === undefined || (overlay && record.entity.overlay !== true)) throw missing(ctx, id);
        return toResponse(record);
      },
    },
  ];
}

export const inputSetRoutes: Route[] = [
  ...routesFor("/pipeline/api/inputSets", false),
  ...routesFor("/pipeline/api/inputSets/overlay", true),
  {
    method: "DELETE",
    path: "/pipeline/api/inputSets/{identifier}",
    handle(ctx) {
      const { scope, pipeline } = childScope(ctx, "pipelineIdentifier");
      const id = ctx.params.identifier as string;
      if (!ctx.store.remove(address(scope, pipeline, id))) throw invalidRequest(m.inputSetNotDeleted(id, pipeline, scope));
      return true;
    },
  },
  {
    method: "GET",
    path: "/pipeline/api/inputSets",
    handle(ctx) {
      const { scope, pipeline } = childScope(ctx, "pipelineIdentifier");
      const type = ctx.query.get("inputSetType") ?? "ALL";
      const records = ctx.store
        .list("inputset", scope, pipeline)
        .filter((r) => matchesSearch(r, ctx.query))
        .filter((r) => type === "ALL" || (type === "OVERLAY_INPUT_SET") === (r.entity.overlay === true));
      const summaries = records.map((r) => {
        const { yaml: _yaml, overlay, ...rest } = r.entity;
        return { ...rest, pipelineIdentifier: r.parent, inputSetType: overlay === true ? "OVERLAY_INPUT_SET" : "INPUT_SET", createdAt: r.createdAt, lastUpdatedAt: r.lastModifiedAt };
      });
      return page(summaries.reverse(), ctx.query);
    },
  },
];
