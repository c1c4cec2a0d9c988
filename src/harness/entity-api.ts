/**
 * Which endpoint holds each kind of entity, and how a local document becomes a request body and a
 * GET answer becomes a document again (shared/harness-api.md §1). Projects and connectors travel as
 * JSON wrappers; services, environments and infrastructures as flat JSON carrying the whole YAML;
 * pipelines as raw YAML.
 */
import { isKitError } from "../errors.js";
import type { EntityKind } from "../layout.js";
import { rootKeyIn } from "../layout.js";
import type { HarnessRequest } from "./client.js";
import { parseYamlValues as parseYaml } from "../util/yaml-values.js";

/** Where an entity lives in Harness. */
export interface EntityAddress {
  kind: EntityKind;
  identifier: string;
  /** Undefined only for an account-level connector. */
  org?: string;
  /** Every kind but project lives in a project, except org- or account-level connectors. */
  project?: string;
  /** Infrastructures live in an environment. */
  environment?: string;
  /** Triggers and input sets belong to a pipeline (query `targetIdentifier` / `pipelineIdentifier`). */
  pipeline?: string;
  /** An overlay input set (its own create, read and update paths). */
  overlay?: boolean;
  /** Templates: one address per version. */
  versionLabel?: string;
}

export type Doc = Record<string, unknown>;

const COLLECTION: Record<EntityKind, string> = {
  project: "/ng/api/projects",
  connector: "/ng/api/connectors",
  service: "/ng/api/servicesV2",
  environment: "/ng/api/environmentsV2",
  infrastructure: "/ng/api/infrastructures",
  template: "/template/api/templates",
  pipeline: "/pipeline/api/pipelines",
  inputset: "/pipeline/api/inputSets",
  trigger: "/pipeline/api/triggers",
  secret: "/ng/api/v2/secrets",
};

/** The root key of a kind's documents (`doc` tells an overlay input set from a plain one). */
export const rootKeyOf = (kind: EntityKind, doc?: unknown): string => rootKeyIn(kind, doc);

function scopeQuery(a: EntityAddress): Record<string, string | undefined> {
  return {
    orgIdentifier: a.org,
    projectIdentifier: a.kind === "project" ? undefined : a.project,
    environmentIdentifier: a.kind === "infrastructure" ? a.environment : undefined,
    // Always the YAML's pipelineIdentifier: Harness stores a trigger under that one (triggers §0).
    targetIdentifier: a.kind === "trigger" ? a.pipeline : undefined,
    pipelineIdentifier: a.kind === "inputset" ? a.pipeline : undefined,
  };
}

/** Overlay input sets are read, created and updated under `/overlay`, deleted like the others. */
const collection = (a: EntityAddress, forDelete = false): string =>
  a.kind === "inputset" && a.overlay === true && !forDelete ? `${COLLECTION.inputset}/overlay` : COLLECTION[a.kind];

const one = (a: EntityAddress, forDelete = false): string => `${collection(a, forDelete)}/${encodeURIComponent(a.identifier)}`;

const label = (a: EntityAddress): string => encodeURIComponent(a.versionLabel ?? "");

export function getRequest(a: EntityAddress): HarnessRequest {
  if (a.kind === "template") return { method: "GET", path: one(a), query: { ...scopeQuery(a), versionLabel: a.versionLabel } };
  return { method: "GET", path: one(a), query: scopeQuery(a) };
}

export function deleteRequest(a: EntityAddress): HarnessRequest {
  if (a.kind === "template") return { method: "DELETE", path: `${one(a)}/${label(a)}`, query: scopeQuery(a) };
  return { method: "DELETE", path: one(a, true), query: scopeQuery(a) };
}

/** A trigger's details: its status (webhook registration, validation) and webhook URL. */
export function triggerDetailsRequest(a: EntityAddress): HarnessRequest {
  return { method: "GET", path: `${one(a)}/details`, query: scopeQuery(a) };
}

/** Makes a template version the stable one (`updateStableTemplate`). */
export function stableRequest(a: EntityAddress): HarnessRequest {
  return { method: "PUT", path: `${COLLECTION.template}/updateStableTemplate/${encodeURIComponent(a.identifier)}/${label(a)}`, query: scopeQuery(a) };
}

/** POST (create) or PUT (update) of `doc`, the entity's full document (root key included). */
export function writeRequest(method: "POST" | "PUT", a: EntityAddress, doc: Doc, yamlText: string): HarnessRequest {
  const query = scopeQuery(a);
  switch (a.kind) {
    case "project":
      return { method, path: method === "POST" ? COLLECTION.project : one(a), query, json: doc };
    case "connector":
      // Create and update both go to the collection; the identifier is in the body.
      return { method, path: COLLECTION.connector, query: { orgIdentifier: undefined }, json: doc };
    // Creates say storeType=INLINE: an account whose Git Experience default is REMOTE would
    // otherwise try to store them in Git (harness-api.md §1.4; Harness's own tools send it).
    case "pipeline":
      if (method === "POST") return { method, path: `${COLLECTION.pipeline}/v2`, query: { ...query, storeType: "INLINE" }, yaml: yamlText };
      return { method, path: `${COLLECTION.pipeline}/v2/${encodeURIComponent(a.identifier)}`, query, yaml: yamlText };
    case "trigger":
      return { method, path: method === "POST" ? collection(a) : one(a), query, yaml: yamlText };
    // An input set's storeType must equal its pipeline's (harness-api-triggers.md §3).
    case "inputset":
      if (method === "POST") return { method, path: collection(a), query: { ...query, storeType: "INLINE" }, yaml: yamlText };
      return { method, path: one(a), query, yaml: yamlText };
    case "template":
      if (method === "POST") return { method, path: COLLECTION.template, query: { ...query, storeType: "INLINE" }, yaml: yamlText };
      return { method, path: `${COLLECTION.template}/update/${encodeURIComponent(a.identifier)}/${label(a)}`, query, yaml: yamlText };
    default:
      return { method, path: COLLECTION[a.kind], query: { orgIdentifier: undefined }, json: flatBody(a, doc, yamlText) };
  }
}

/** ServiceRequest / EnvironmentRequest / InfrastructureRequest: the YAML plus its key fields. */
function flatBody(a: EntityAddress, doc: Doc, yamlText: string): Doc {
  const inner = (doc[rootKeyOf(a.kind)] ?? {}) as Doc;
  const body: Doc = {
    identifier: a.identifier,
    orgIdentifier: a.org,
    projectIdentifier: a.project,
    name: inner.name,
    description: inner.description,
    tags: inner.tags,
    yaml: yamlText,
  };
  if (a.kind === "environment") Object.assign(body, { type: inner.type, color: inner.color });
  if (a.kind === "infrastructure") Object.assign(body, { environmentRef: a.environment, type: inner.type, deploymentType: inner.deploymentType });
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

function parsedYaml(text: unknown): Doc | undefined {
  if (typeof text !== "string" || text.trim() === "") return undefined;
  const doc: unknown = parseYaml(text);
  return typeof doc === "object" && doc !== null ? (doc as Doc) : undefined;
}

/**
 * A successful GET that still means "not there": older Harness answers a missing secret with 200
 * and `data: null` (shared/harness-api-secrets.md §3), and a flat kind's record may lack its root.
 */
export function remoteAbsent(kind: EntityKind, data: unknown): boolean {
  if (data === null || data === undefined) return true;
  const flat = kind === "project" || kind === "connector" || kind === "secret";
  return flat && ((data as Doc)[rootKeyOf(kind)] ?? null) === null;
}

/**
 * The document Harness holds, shaped like the local file (root key included), from a GET's `data`.
 * Flat kinds keep their record's own tags beside the YAML's: ownership is read from either.
 */
export function remoteDocument(kind: EntityKind, data: unknown): { doc: Doc; recordTags?: unknown } {
  const d = (data ?? {}) as Doc;
  const root = rootKeyOf(kind);
  if (kind === "project" || kind === "connector" || kind === "secret") return { doc: { [root]: d[root] ?? {} } };
  if (kind === "pipeline") return { doc: parsedYaml(d.yamlPipeline) ?? { pipeline: {} } };
  if (kind === "trigger") return { doc: parsedYaml(d.yaml) ?? { trigger: {} } };
  if (kind === "inputset") return { doc: parsedYaml(d.inputSetYaml ?? d.overlayInputSetYaml) ?? { [root]: {} } };
  if (kind === "template") return { doc: parsedYaml(d.yaml) ?? { template: {} }, recordTags: d.tags };
  const record = (d[kind] ?? d) as Doc;
  return { doc: parsedYaml(record.yaml) ?? { [root]: {} }, recordTags: record.tags };
}

const NOT_FOUND_CODES = new Set(["RESOURCE_NOT_FOUND", "ENTITY_NOT_FOUND", "RESOURCE_NOT_FOUND_EXCEPTION", "CONNECTOR_NOT_FOUND_EXCEPTION", "NOT_FOUND"]);

/**
 * Harness says "no such entity" with a 404 on most kinds but a 400 INVALID_REQUEST on connectors
 * ("No connector exists with the identifier …"), so both status and wording are looked at.
 */
export function isNotFound(error: unknown): boolean {
  if (!isKitError(error) || error.code !== "E_HTTP") return false;
  const d = error.details ?? {};
  if (d.status === 404) return true;
  if (d.status !== 400) return false;
  if (typeof d.code === "string" && NOT_FOUND_CODES.has(d.code)) return true;
  return typeof d.message === "string" && /\bnot found\b|does not exist|doesn't exist|\bNo \w+ exists\b/i.test(d.message);
}

/**
 * Harness refuses a create because the identifier is taken (400 DUPLICATE_FIELD, or 409; for a
 * trigger a 400 INVALID_REQUEST "Failed while Saving Trigger: Trigger [x] already exists …").
 */
export function isDuplicate(error: unknown): boolean {
  if (!isKitError(error) || error.code !== "E_HTTP") return false;
  const d = error.details ?? {};
  if (d.status === 400 && typeof d.message === "string" && /Trigger \[[^\]]*\] already exists/.test(d.message)) return true;
  if (d.status === 409 || d.code === "DUPLICATE_FIELD" || d.code === "RESOURCE_ALREADY_EXISTS") return true;
  // Secrets (and connectors) say it with 400 INVALID_REQUEST "… already exists …".
  return d.status === 400 && d.code === "INVALID_REQUEST" && typeof d.message === "string" && /already exists/i.test(d.message);
}
