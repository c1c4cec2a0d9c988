/**
 * Semantic comparison of a local document with what Harness holds. Both sides are parsed data,
 * so formatting, quoting and key order never count. Empty values (null, "", {}, []) count as
 * absent, because Harness fills them in and drops them at will; fields only the server knows
 * (timestamps, versions, its own bookkeeping, defaults such as a project's modules and colour, and
 * any flag it reports as `false`) are ignored when the local file does not have them.
 */
import { createTwoFilesPatch } from "diff";
import { stringify } from "yaml";
import { diffData } from "../merge/diff.js";
import type { Change } from "../merge/types.js";
import { layoutDiff } from "./layout-diff.js";
import type { Doc } from "../harness/entity-api.js";
import type { EntityKind } from "../layout.js";
import { withoutOwnership } from "./ownership.js";

/**
 * Keys Harness adds to what it returns. They are ignored on the remote side unless the local
 * file sets them too (then they are compared like anything else).
 */
const SERVER_KEYS: ReadonlySet<string> = new Set([
  "accountIdentifier",
  "accountId",
  "createdAt",
  "lastModifiedAt",
  "version",
  "deleted",
  "harnessManaged",
  "entityValidityDetails",
  "gitDetails",
  "governanceMetadata",
  "isFavorite",
  "storeType",
  "v2Service",
  // Defaults Harness fills in when a project is created without them.
  "modules",
  "color",
]);

/** Keys whose presence on one side only never matters (`connectorType` is a JSON discriminator that duplicates `type`). */
const ONE_SIDED_KEYS: ReadonlySet<string> = new Set(["connectorType"]);

const isEmpty = (v: unknown): boolean =>
  v === null ||
  v === undefined ||
  v === "" ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

/** Sorted keys, empty values dropped, recursively. */
export function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = normalize((value as Record<string, unknown>)[key]);
    if (!isEmpty(v)) out[key] = v;
  }
  return out;
}

/** Drops remote-only server keys (at any depth) where the local side has no such key. */
function alignToLocal(local: unknown, remote: unknown): unknown {
  if (Array.isArray(local) && Array.isArray(remote)) return remote.map((r, i) => alignToLocal(local[i], r));
  if (!isRecord(local) || !isRecord(remote)) return remote;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(remote)) {
    // A flag the file does not set and the server reports as false is the server's default.
    if (!(key in local) && (SERVER_KEYS.has(key) || ONE_SIDED_KEYS.has(key) || value === false)) continue;
    out[key] = alignToLocal(local[key], value);
  }
  return out;
}

function dropOneSided(local: unknown, remote: unknown): unknown {
  if (Array.isArray(local)) return local.map((l, i) => dropOneSided(l, Array.isArray(remote) ? remote[i] : undefined));
  if (!isRecord(local)) return local;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(local)) {
    if (ONE_SIDED_KEYS.has(key) && !(isRecord(remote) && key in remote)) continue;
    out[key] = dropOneSided(value, isRecord(remote) ? remote[key] : undefined);
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export interface Comparison {
  same: boolean;
  /** Unified diff, Harness's version first ("-") and the local file second ("+"); "" when same. */
  diff: string;
  /** What publish would change in Harness, by Harness path (Harness's value before, the file's after). */
  changes: Change[];
}

/** With `localText`, the diff is laid out like the local file (see layout-diff.ts). */
export function compareDocuments(kind: EntityKind, local: Doc, remote: Doc, localName: string, localText?: string): Comparison {
  const l0 = normalize(withoutOwnership(kind, local));
  const r0 = normalize(withoutOwnership(kind, remote));
  const r = alignToLocal(l0, r0);
  const l = dropOneSided(l0, r);
  const a = stringify(r, { lineWidth: 0 });
  const b = stringify(l, { lineWidth: 0 });
  if (a === b) return { same: true, diff: "", changes: [] };
  const changes = diffData(r, l);
  const laidOut = localText === undefined ? undefined : layoutDiff(localText, localName, l, r);
  if (laidOut !== undefined) return { same: false, diff: laidOut, changes };
  const patch = createTwoFilesPatch("harness", localName, a, b, undefined, undefined, { context: 2 });
  // Drop the "Index"/"===" preamble; keep ---/+++ and the hunks.
  const diff = patch
    .split("\n")
    .filter((line) => !/^(Index:|={5,})/.test(line))
    .join("\n")
    .trimEnd();
  return { same: false, diff, changes };
}
