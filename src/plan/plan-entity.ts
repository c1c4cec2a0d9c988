/**
 * What publish would do with one entity: GET it, then compare. Entities whose parent is about to
 * be created (everything in a new project, the infrastructures of a new environment) cannot exist
 * yet, so they are planned as creates without asking.
 */
import { isKitError, KitError } from "../errors.js";
import type { HarnessClient } from "../harness/client.js";
import type { Doc, EntityAddress } from "../harness/entity-api.js";
import { getRequest, isNotFound, remoteAbsent, remoteDocument } from "../harness/entity-api.js";
import type { EntityKind } from "../layout.js";
import type { Change } from "../merge/types.js";
import { STABLE_TAG } from "../rules/template-refs.js";
import { compareDocuments } from "./compare.js";
import type { LocalEntity } from "./local-entities.js";
import { scopedDoc } from "./local-entities.js";
import { isOwned } from "./ownership.js";

/** `exists`: a secret Harness has already; its value cannot be compared, so it is left alone. */
export type PlanAction = "create" | "update" | "unchanged" | "conflict" | "exists";

export interface PlanItem {
  kind: EntityKind;
  identifier: string;
  /** Templates: which version. */
  versionLabel?: string;
  action: PlanAction;
  /** For `update` (and a `conflict` that differs): Harness's version "-", the local file "+", in the file's layout. */
  diff?: string;
  /** The same difference by Harness path: before = Harness's value, after = the file's. */
  changes?: Change[];
  file: string;
  /** A secret to create: whether its value can be read right now, in words ("env:GITHUB_TOKEN is not set"). */
  valueSource?: { available: boolean; note: string };
}

export interface RemoteState {
  exists: boolean;
  owned: boolean;
  doc?: Doc;
  /** Templates: Harness holds this version as the stable one. */
  stable?: boolean;
}

/** Reads the entity from Harness; 404 (or Harness's 400 "not found" wording) means absent. */
export async function fetchRemote(client: HarnessClient, entity: EntityAddress): Promise<RemoteState> {
  try {
    const data = await client.send(getRequest(entity));
    if (remoteAbsent(entity.kind, data)) return { exists: false, owned: false };
    const { doc, recordTags } = remoteDocument(entity.kind, data);
    const state: RemoteState = { exists: true, owned: isOwned(entity.kind, doc, recordTags), doc };
    if (entity.kind === "template") state.stable = (data as { stableTemplate?: unknown } | undefined)?.stableTemplate === true;
    return state;
  } catch (error) {
    if (isNotFound(error)) return { exists: false, owned: false };
    throw error;
  }
}

/** The same error, its message prefixed with the entity it concerns. */
export function aboutEntity(entity: LocalEntity, error: unknown): unknown {
  if (!isKitError(error)) return error;
  return new KitError(error.code, `${entity.kind} "${entity.identifier}" (${entity.file}): ${error.message}`, {
    hint: error.hint,
    cause: error,
    details: error.details,
  });
}

export function decide(entity: LocalEntity, remote: RemoteState): PlanItem {
  const base = { kind: entity.kind, identifier: entity.identifier, file: entity.file, ...(entity.versionLabel === undefined ? {} : { versionLabel: entity.versionLabel }) };
  if (!remote.exists || remote.doc === undefined) return { ...base, action: "create" };
  if (entity.kind === "secret") return { ...base, action: "exists" };
  const { same, diff, changes } = compareDocuments(entity.kind, scopedDoc(entity), remote.doc, entity.file, entity.text);
  if (!remote.owned) return same ? { ...base, action: "conflict" } : { ...base, action: "conflict", diff, changes };
  // A version tagged stable that Harness does not hold as stable: only the marker moves.
  if (same && isMarkedStable(entity) && remote.stable === false) return { ...base, action: "update", diff: STABLE_DIFF, changes: [STABLE_CHANGE] };
  return same ? { ...base, action: "unchanged" } : { ...base, action: "update", diff, changes };
}

const STABLE_DIFF = "-stableTemplate: false\n+stableTemplate: true";
const STABLE_CHANGE: Change = { path: "stableTemplate", op: "change", before: false, after: true, segments: [] };

/** A local template version tagged as the one to be stable (README "Templates"). */
export function isMarkedStable(entity: LocalEntity): boolean {
  if (entity.kind !== "template") return false;
  const tags = ((entity.doc.template ?? {}) as Doc).tags;
  return typeof tags === "object" && tags !== null && (tags as Doc)[STABLE_TAG.key] === STABLE_TAG.value;
}

export async function planEntity(client: HarnessClient, entity: LocalEntity, parentIsNew: boolean): Promise<{ item: PlanItem; remote: RemoteState }> {
  const remote = parentIsNew ? { exists: false, owned: false } : await fetchRemote(client, entity).catch((e: unknown) => {
    throw aboutEntity(entity, e);
  });
  return { item: decide(entity, remote), remote };
}

/**
 * Remembers which projects and environments a run is about to create, so that their contents are
 * known to be absent without a GET (Harness may answer one with "project not found" rather than
 * "entity not found").
 */
export class NewParents {
  private readonly scopes = new Set<string>();

  /** Call for every project or environment planned as a create. */
  add(a: EntityAddress): void {
    if (a.kind === "project") this.scopes.add(`${a.org ?? ""}/${a.identifier}`);
    if (a.kind === "environment") this.scopes.add(`${a.org ?? ""}/${a.project ?? ""}/${a.identifier}`);
    if (a.kind === "pipeline") this.scopes.add(`${a.org ?? ""}/${a.project ?? ""}/pipeline/${a.identifier}`);
  }

  /** True when the entity lives in something that does not exist yet. */
  contains(a: EntityAddress): boolean {
    if (a.kind === "project") return false;
    if (a.project !== undefined && this.scopes.has(`${a.org ?? ""}/${a.project}`)) return true;
    if ((a.kind === "trigger" || a.kind === "inputset") && this.scopes.has(`${a.org ?? ""}/${a.project ?? ""}/pipeline/${a.pipeline ?? ""}`)) return true;
    return a.kind === "infrastructure" && this.scopes.has(`${a.org ?? ""}/${a.project ?? ""}/${a.environment ?? ""}`);
  }
}
