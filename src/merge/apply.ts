/**
 * Applies changes from `diffData` to plain data, finding keyed elements by identity. Plan uses it
 * to turn the team's file into "what Harness holds, in the team's layout" for `--diff`.
 */
import { elementId, keyedListFor } from "./keys.js";
import type { Segment } from "./path.js";
import type { Change } from "./types.js";
import { isRecord } from "./values.js";

/** A deep copy of `data` with every change applied; changes whose place is gone are skipped. */
export function applyChanges(data: unknown, changes: readonly Change[]): unknown {
  const root = { value: structuredClone(data) };
  for (const change of changes) applyOne(root, change);
  return root.value;
}

type Holder = Record<string, unknown> | unknown[];

function applyOne(root: { value: unknown }, change: Change): void {
  const path: Segment[] = [{ key: "value" }, ...change.segments];
  let holder: Holder = root as unknown as Holder;
  let parentKey: string | undefined;
  let key: string | undefined;
  for (let i = 0; i < path.length - 1; i++) {
    const next = childOf(holder, path[i] as Segment, key, parentKey);
    if (next === undefined) return;
    const seg = path[i] as Segment;
    if ("key" in seg) {
      parentKey = key;
      key = seg.key;
    }
    holder = next;
  }
  const last = path.at(-1) as Segment;
  if ("key" in last) {
    if (!isRecord(holder)) return;
    if (change.op === "remove") delete holder[last.key];
    else if (change.op === "move" && Array.isArray(holder[last.key])) holder[last.key] = reorder(holder[last.key] as unknown[], change.after as string[], last.key, key);
    else holder[last.key] = structuredClone(change.after);
    return;
  }
  if (!Array.isArray(holder)) return;
  const spec = keyedListFor(key, parentKey);
  const at = spec === undefined ? -1 : holder.findIndex((e) => elementId(spec, e)?.key === last.elementKey);
  if (change.op === "remove") {
    if (at >= 0) holder.splice(at, 1);
  } else if (change.op === "add") {
    const after = change.position === undefined || change.position === "start" ? -1 : findByLabel(holder, spec && { spec }, change.position);
    holder.splice(after + 1, 0, structuredClone(change.after));
  } else if (at >= 0) holder[at] = structuredClone(change.after);
}

function childOf(holder: Holder, seg: Segment, key: string | undefined, parentKey: string | undefined): Holder | undefined {
  let child: unknown;
  if ("key" in seg) child = isRecord(holder) ? holder[seg.key] : undefined;
  else {
    const spec = keyedListFor(key, parentKey);
    child = Array.isArray(holder) && spec !== undefined ? holder.find((e) => elementId(spec, e)?.key === seg.elementKey) : undefined;
  }
  return isRecord(child) || Array.isArray(child) ? child : undefined;
}

function findByLabel(list: unknown[], spec: { spec: NonNullable<ReturnType<typeof keyedListFor>> } | undefined, label: string): number {
  if (spec === undefined) return list.length - 1;
  const found = list.findIndex((e) => {
    const id = elementId(spec.spec, e);
    return id !== undefined && `${id.label} ${id.id}` === label;
  });
  return found >= 0 ? found : list.length - 1;
}

function reorder(list: unknown[], order: readonly string[], key: string, parentKey: string | undefined): unknown[] {
  const spec = keyedListFor(key, parentKey);
  if (spec === undefined) return list;
  const rank = new Map(order.map((k, i) => [k, i]));
  const slots = list.map((e, i) => ({ e, i, r: rank.get(elementId(spec, e)?.key ?? "") }));
  const moving = slots.filter((s) => s.r !== undefined).sort((a, b) => (a.r as number) - (b.r as number));
  let next = 0;
  return slots.map((s) => (s.r === undefined ? s.e : (moving[next++] as (typeof moving)[number]).e));
}
