/**
 * Templates, the NG v0 API (shared/harness-api-templates.md §1, §3, §4, §8): YAML bodies, one
 * record per (scope, identifier, versionLabel) with the label kept in the record's `parent`. The
 * first version of an identifier is stable; `setDefaultTemplate=true` or `updateStableTemplate`
 * moves the mark. Scope comes from the YAML's ids, which must agree with the query's.
 */
import { requireInlineCreate } from "../store-type.js";
import { checkVersionLabel } from "../../rules/identifiers.js";
import { ApiError, fieldFailure } from "../envelopes.js";
import { FieldChecker, isObject } from "../fields.js";
import type { Json } from "../fields.js";
import { enforceOnYaml } from "../kit-rules.js";
import type { Route, RouteContext } from "../route.js";
import { invalidRequest } from "../route.js";
import { queryScope, requireParents } from "../scope.js";
import type { EntityRecord, Scope } from "../store.js";
import * as say from "../template-messages.js";
import { isReferenced, resolveTemplates, templateVersions, versionKey } from "../template-resolve.js";
import { compact, newRecord, updatedRecord } from "./common.js";

const TYPES = ["Step", "Stage", "Pipeline", "StepGroup", "CustomDeployment", "MonitoredService", "SecretManager", "ArtifactSource"];
const NEEDS_CHILD_TYPE = new Set(["Step", "Stage", "StepGroup"]);
const PATH = "/template/api/templates";

const flag = (ctx: RouteContext, name: string): boolean => ctx.query.get(name) === "true";
const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** The YAML's template map, checked field by field; its scope from its own ids. */
function readTemplate(ctx: RouteContext): { body: Json; scope: Scope; label: string } {
  if (!isObject(ctx.body) || !isObject(ctx.body.template)) throw invalidRequest(say.noTemplateRoot);
  const body = ctx.body.template;
  const check = new FieldChecker("template");
  check.identifier(body, "identifier", { allowDollar: false, maxLength: ctx.identifierMaxLength });
  check.name(body, "name", { rule: "template" });
  const label = check.required(body, "versionLabel");
  if (label !== undefined && checkVersionLabel(label) !== undefined) check.add("versionLabel", "must match ^[0-9a-zA-Z][^\\s/&]{0,63}$");
  check.oneOf(body, "type", TYPES);
  check.description(body, "description");
  check.tags(body, "tags");
  check.done();
  const query = queryScope(ctx);
  const scope: Scope = { account: ctx.account, org: text(body.orgIdentifier), project: text(body.projectIdentifier) };
  if (scope.org !== null && scope.org !== query.org) throw invalidRequest(say.templateYamlMismatch("OrgIdentifier"));
  if (scope.project !== null && scope.project !== query.project) throw invalidRequest(say.templateYamlMismatch("ProjectIdentifier"));
  requireParents(ctx, scope);
  const type = String(body.type);
  const childType = isObject(body.spec) ? (type === "StepGroup" ? body.spec.stageType : body.spec.type) : undefined;
  if (NEEDS_CHILD_TYPE.has(type) && typeof childType !== "string") throw invalidRequest(say.templateMissingChildType(type));
  enforceOnYaml("template", ctx.body, ctx.text);
  return { body, scope, label: label as string };
}

function entityOf(ctx: RouteContext, body: Json, label: string, stable: boolean): Json {
  const spec = isObject(body.spec) ? body.spec : {};
  return compact({
    identifier: body.identifier,
    name: body.name,
    description: typeof body.description === "string" ? body.description : undefined,
    tags: isObject(body.tags) ? body.tags : {},
    versionLabel: label,
    templateEntityType: body.type,
    childType: body.type === "StepGroup" ? spec.stageType : spec.type,
    yaml: ctx.text,
    stableTemplate: stable,
  });
}

function toResponse(r: EntityRecord): Json {
  return {
    accountId: r.account,
    ...(r.org === null ? {} : { orgIdentifier: r.org }),
    ...(r.project === null ? {} : { projectIdentifier: r.project }),
    ...r.entity,
    templateScope: r.project !== null ? "project" : r.org !== null ? "org" : "account",
    version: r.version,
    lastUpdatedAt: r.lastModifiedAt,
    storeType: "INLINE",
    entityValidityDetails: { valid: true },
    gitDetails: {},
  };
}

const wrapper = (r: EntityRecord): Json => ({ valid: true, templateResponseDTO: toResponse(r) });

/** Makes one version stable and every other version of the template not. */
function setStable(ctx: RouteContext, target: EntityRecord): EntityRecord {
  for (const other of templateVersions(ctx.store, target, target.identifier)) {
    const stable = other.parent === target.parent;
    if (other.entity.stableTemplate !== stable) ctx.store.put({ ...other, entity: { ...other.entity, stableTemplate: stable } });
  }
  return { ...target, entity: { ...target.entity, stableTemplate: true } };
}

function resolveNested(ctx: RouteContext, record: EntityRecord): void {
  resolveTemplates(ctx.body, { store: ctx.store, scope: record, checkInputs: ctx.checkTemplateInputs, overlay: record }, [versionKey(record)]);
}

function missingOnGet(ctx: RouteContext, id: string, label: string | null): ApiError {
  const message = say.templateNotFound(id, label);
  return ctx.missingTemplateStatus === 404 ? new ApiError(404, "ENTITY_NOT_FOUND", message) : new ApiError(400, "RESOURCE_NOT_FOUND_EXCEPTION", message, { fieldErrors: [] });
}

const find = (ctx: RouteContext, scope: Scope, id: string, label: string): EntityRecord | undefined =>
  ctx.store.get({ kind: "template", ...scope, parent: label, identifier: id });

export const templateRoutes: Route[] = [
  {
    method: "POST",
    path: PATH,
    accepts: ["yaml", "json"],
    yamlText: true,
    handle(ctx) {
      const { body, scope, label } = readTemplate(ctx);
      requireInlineCreate(ctx, "template");
      const id = String(body.identifier);
      const versions = templateVersions(ctx.store, scope, id);
      if (versions.some((v) => v.parent === label)) throw invalidRequest(say.templateDuplicate(id, label, scope));
      if (versions.length > 0 && flag(ctx, "isNewTemplate")) throw new ApiError(400, "TEMPLATE_ALREADY_EXISTS_EXCEPTION", say.templateAlreadyExists(id, ctx.account));
      const first = versions[0];
      const entity = entityOf(ctx, body, label, versions.length === 0);
      if (first !== undefined && (first.entity.templateEntityType !== entity.templateEntityType || first.entity.childType !== entity.childType)) {
        throw invalidRequest(say.templateOtherType(String(first.entity.templateEntityType)));
      }
      let record = newRecord("template", scope, id, entity, ctx.now, label);
      resolveNested(ctx, record);
      if (flag(ctx, "setDefaultTemplate")) record = setStable(ctx, record);
      ctx.store.put(record);
      return wrapper(record);
    },
  },
  {
    method: "PUT",
    path: `${PATH}/update/{identifier}/{versionLabel}`,
    accepts: ["yaml", "json"],
    yamlText: true,
    handle(ctx) {
      const { identifier: id, versionLabel: label } = ctx.params as { identifier: string; versionLabel: string };
      const { body, scope } = readTemplate(ctx);
      if (body.identifier !== id) throw invalidRequest(say.templateYamlMismatch("Template Identifier"));
      if (body.versionLabel !== label) throw invalidRequest(say.templateYamlMismatch("VersionLabel"));
      const old = find(ctx, scope, id, label);
      if (old === undefined) throw invalidRequest(say.templateMissingOnUpdate(id, label));
      const entity = entityOf(ctx, body, label, old.entity.stableTemplate === true);
      if (old.entity.templateEntityType !== entity.templateEntityType || old.entity.childType !== entity.childType) throw invalidRequest(say.templateTypeChange(id, label));
      let record = updatedRecord(old, entity, ctx.now);
      resolveNested(ctx, record);
      if (flag(ctx, "setDefaultTemplate")) record = setStable(ctx, record);
      ctx.store.put(record);
      return wrapper(record);
    },
  },
  {
    method: "PUT",
    path: `${PATH}/updateStableTemplate/{identifier}/{versionLabel}`,
    handle(ctx) {
      const { identifier: id, versionLabel: label } = ctx.params as { identifier: string; versionLabel: string };
      const scope = queryScope(ctx);
      const record = find(ctx, scope, id, label);
      if (record === undefined) throw invalidRequest(say.templateMissingOnStable(id, label));
      ctx.store.put(setStable(ctx, record));
      return label;
    },
  },
  {
    method: "GET",
    path: `${PATH}/{identifier}`,
    handle(ctx) {
      const id = ctx.params.identifier as string;
      const label = text(ctx.query.get("versionLabel"));
      const versions = templateVersions(ctx.store, queryScope(ctx), id);
      const record = versions.find((v) => (label === null ? v.entity.stableTemplate === true : v.parent === label));
      if (record === undefined) throw missingOnGet(ctx, id, label);
      return toResponse(record);
    },
  },
  {
    method: "DELETE",
    path: `${PATH}/{identifier}/{versionLabel}`,
    handle(ctx) {
      const { identifier: id, versionLabel: label } = ctx.params as { identifier: string; versionLabel: string };
      if (flag(ctx, "forceDelete")) throw invalidRequest(say.forceDeleteOff);
      const scope = queryScope(ctx);
      const record = find(ctx, scope, id, label);
      if (record === undefined) throw invalidRequest(say.templateMissingOnDelete(id, label, scope));
      const others = templateVersions(ctx.store, scope, id).filter((v) => v.parent !== label);
      if (record.entity.stableTemplate === true && others.length > 0) throw invalidRequest(say.templateStableDelete);
      if (isReferenced(ctx.store, record)) throw new ApiError(400, "ENTITY_REFERENCE_EXCEPTION", say.templateReferenced(id));
      ctx.store.remove(record);
      return true;
    },
  },
  {
    method: "POST",
    path: `${PATH}/list`,
    accepts: ["json"],
    bodyOptional: true,
    handle(ctx) {
      const listType = ctx.query.get("templateListType");
      if (listType === null || !["Stable", "LastUpdated", "All"].includes(listType)) {
        throw fieldFailure([{ path: "templateListType", error: listType === null ? "must not be null" : "must be one of Stable, LastUpdated, All" }]);
      }
      const scope = queryScope(ctx);
      const filter = isObject(ctx.body) ? ctx.body : {};
      const ids = Array.isArray(filter.templateIdentifiers) ? filter.templateIdentifiers : undefined;
      const types = Array.isArray(filter.templateEntityTypes) ? filter.templateEntityTypes : undefined;
      const term = ctx.query.get("searchTerm")?.toLowerCase() ?? "";
      let records = ctx.store
        .snapshot()
        .filter((r) => r.kind === "template" && r.account === scope.account && r.org === scope.org && r.project === scope.project)
        .filter((r) => (ids === undefined || ids.includes(r.identifier)) && (types === undefined || types.includes(r.entity.templateEntityType)))
        .filter((r) => term === "" || r.identifier.toLowerCase().includes(term) || String(r.entity.name).toLowerCase().includes(term));
      if (listType === "Stable") records = records.filter((r) => r.entity.stableTemplate === true);
      if (listType === "LastUpdated") {
        const latest = new Map<string, EntityRecord>();
        for (const r of records) if ((latest.get(r.identifier)?.lastModifiedAt ?? -1) <= r.lastModifiedAt) latest.set(r.identifier, r);
        records = [...latest.values()];
      }
      records.sort((a, b) => b.lastModifiedAt - a.lastModifiedAt);
      return springPage(records.map((r) => ({ ...toResponse(r), createdAt: r.createdAt })), ctx.query);
    },
  },
];

/** Spring's Page, which the template service returns for lists (not Harness's PageResponse). */
function springPage(items: readonly Json[], query: URLSearchParams): Json {
  const page = Math.max(0, Number.parseInt(query.get("page") ?? "0", 10) || 0);
  const size = Math.max(1, Number.parseInt(query.get("size") ?? "25", 10) || 25);
  const content = items.slice(page * size, (page + 1) * size);
  const totalPages = Math.ceil(items.length / size);
  return {
    content,
    totalElements: items.length,
    totalPages,
    number: page,
    size,
    numberOfElements: content.length,
    first: page === 0,
    last: page >= totalPages - 1,
    empty: content.length === 0,
  };
}
