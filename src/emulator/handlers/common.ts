/** Small pieces every entity handler shares: body unwrapping and record bookkeeping. */
import { fieldFailure } from "../envelopes.js";
import { isObject } from "../fields.js";
import type { Json } from "../fields.js";
import type { RouteContext } from "../route.js";
import { invalidRequest } from "../route.js";
import type { EntityRecord, Scope, StoredKind } from "../store.js";

/** The body as an object; with `wrapper`, the object under that key (`{"project": {...}}`). */
export function objectBody(ctx: RouteContext, wrapper?: string): Json {
  if (!isObject(ctx.body)) throw invalidRequest("The request body must be a JSON object");
  if (wrapper === undefined) return ctx.body;
  const inner = ctx.body[wrapper];
  if (inner === undefined || inner === null) throw fieldFailure([{ path: wrapper, error: "must not be null" }]);
  if (!isObject(inner)) throw invalidRequest(`"${wrapper}" must be an object`);
  return inner;
}

export function newRecord(kind: StoredKind, scope: Scope, identifier: string, entity: Json, now: number, parent: string | null = null): EntityRecord {
  return { kind, account: scope.account, org: scope.org, project: scope.project, parent, identifier, createdAt: now, lastModifiedAt: now, version: 0, entity };
}

export function updatedRecord(old: EntityRecord, entity: Json, now: number): EntityRecord {
  return { ...old, entity, lastModifiedAt: Math.max(now, old.lastModifiedAt), version: old.version + 1 };
}

/** Keeps only defined values, so optional fields the client left out stay out of answers. */
export function compact(entity: Record<string, unknown>): Json {
  return Object.fromEntries(Object.entries(entity).filter(([, v]) => v !== undefined));
}

/** `searchTerm` filter of list endpoints: identifier or name contains it (case-insensitive). */
export function matchesSearch(record: EntityRecord, query: URLSearchParams): boolean {
  const term = query.get("searchTerm")?.toLowerCase();
  if (term === undefined || term === "") return true;
  const name = typeof record.entity.name === "string" ? record.entity.name.toLowerCase() : "";
  return record.identifier.toLowerCase().includes(term) || name.includes(term);
}
