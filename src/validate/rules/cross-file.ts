/**
 * The validated set as a whole: which entity each file defines, so rules can resolve references
 * between files (a pipeline's connectorRef, an infrastructure's environmentRef) and compare scopes.
 */
import type { EntityKind } from "../../layout.js";
import { folderFromPath, rootKeyIn } from "../../layout.js";
import { isRecord } from "../pointer.js";
import type { PointerIssue } from "../types.js";

export interface Entity {
  file: string;
  kind: EntityKind;
  /** The whole document. */
  value: unknown;
  /** The body under the root key (`connector: {...}` → `{...}`), if it is a map. */
  body: Record<string, unknown> | undefined;
  /** Pointer of the body ("/connector"). */
  bodyPointer: string;
  identifier: string | undefined;
  /** Triggers and input sets: the pipeline the document names (`pipelineIdentifier`, `pipeline.identifier`). */
  pipeline?: string;
  /** Triggers and input sets: the folder the file sits in (`triggers/<folder>/x.yaml`), if in the layout. */
  folder?: string;
}

export interface FileIssue extends PointerIssue {
  file: string;
  /** The issue is inside YAML held in a string field (a trigger's inputYaml): `path` is that field, `innerPath` the place in its text. */
  innerPath?: string;
}

export type SetRule = (entities: readonly Entity[]) => FileIssue[];

export function toEntity(file: string, kind: EntityKind, value: unknown): Entity {
  const root = rootKeyIn(kind, value);
  const body = isRecord(value) && isRecord(value[root]) ? value[root] : undefined;
  const identifier = typeof body?.identifier === "string" ? body.identifier : undefined;
  const entity: Entity = { file, kind, value, body, bodyPointer: `/${root}`, identifier };
  if (kind === "trigger" || kind === "inputset") {
    const named = body?.pipelineIdentifier ?? (isRecord(body?.pipeline) ? body.pipeline.identifier : undefined);
    if (typeof named === "string" && named !== "") entity.pipeline = named;
    entity.folder = folderFromPath(file);
  }
  return entity;
}

/** Entities of one kind by identifier (the first file wins; duplicates are reported separately). */
export function indexByIdentifier(entities: readonly Entity[]): Map<EntityKind, Map<string, Entity>> {
  const index = new Map<EntityKind, Map<string, Entity>>();
  for (const entity of entities) {
    if (entity.identifier === undefined) continue;
    let byId = index.get(entity.kind);
    if (byId === undefined) index.set(entity.kind, (byId = new Map()));
    if (!byId.has(entity.identifier)) byId.set(entity.identifier, entity);
  }
  return index;
}
