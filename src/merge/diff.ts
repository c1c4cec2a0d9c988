/**
 * Two-way structural diff of two parsed documents, by the same rules as the merge: mappings key by
 * key, the lists of the fixed table (keys.ts) element by element, other lists as one value. Plan
 * uses it to list what publish would change, by Harness path.
 */
import { elementIds, keyedListFor } from "./keys.js";
import type { KeyedList } from "./keys.js";
import { mergeOrder } from "./order.js";
import { renderPath } from "./path.js";
import type { Segment } from "./path.js";
import type { Change } from "./types.js";
import { isRecord, same } from "./values.js";

/** The changes that turn `before` into `after`. */
export function diffData(before: unknown, after: unknown): Change[] {
  const changes: Change[] = [];
  walk(changes, [], undefined, undefined, before, after);
  return changes;
}

function walk(out: Change[], segments: Segment[], key: string | undefined, parent: string | undefined, before: unknown, after: unknown): void {
  if (same(before, after)) return;
  if (isRecord(before) && isRecord(after)) {
    for (const [k, value] of Object.entries(before)) {
      const at = [...segments, { key: k }];
      if (k in after) walk(out, at, k, key, value, after[k]);
      else out.push({ path: renderPath(at), op: "remove", before: value, segments: at });
    }
    for (const [k, value] of Object.entries(after)) {
      const at = [...segments, { key: k }];
      if (!(k in before)) out.push({ path: renderPath(at), op: "add", after: value, segments: at });
    }
    return;
  }
  const keyed = keyedListFor(key, parent);
  if (keyed !== undefined && Array.isArray(before) && Array.isArray(after) && walkList(out, segments, keyed, before, after)) return;
  out.push({ path: renderPath(segments), op: "change", before, after, segments });
}

function walkList(out: Change[], segments: Segment[], spec: KeyedList, before: unknown[], after: unknown[]): boolean {
  const [bIds, aIds] = [elementIds(spec, before), elementIds(spec, after)];
  if (bIds === undefined || aIds === undefined) return false;
  const afterBy = new Map(aIds.map((id, i) => [id.key, after[i]]));
  const beforeKeys = new Set(bIds.map((id) => id.key));
  const element = (id: (typeof bIds)[number]): Segment[] => [
    ...segments,
    { label: id.label, id: id.id, elementKey: id.key, list: spec.list, ...(id.wrapper === undefined ? {} : { wrapper: id.wrapper }) },
  ];
  bIds.forEach((id, i) => {
    const at = element(id);
    if (afterBy.has(id.key)) walk(out, at, undefined, spec.list, before[i], afterBy.get(id.key));
    else out.push({ path: renderPath(at), op: "remove", before: before[i], segments: at });
  });
  aIds.forEach((id, i) => {
    if (beforeKeys.has(id.key)) return;
    const at = element(id);
    const previous = i === 0 ? undefined : aIds[i - 1];
    out.push({
      path: renderPath(at), op: "add", after: after[i], segments: at,
      position: previous === undefined ? "start" : `${previous.label} ${previous.id}`,
      ...(id.type === undefined ? {} : { type: id.type }),
    });
  });
  const order = mergeOrder({ base: bIds.map((i) => i.key), ours: bIds.map((i) => i.key), theirs: aIds.map((i) => i.key) });
  if (order.theirsMoved) out.push({ path: renderPath(segments), op: "move", before: order.baseOrder, after: order.theirsOrder, segments });
  return true;
}
