/**
 * The three-way merge of one document, done on the user's own yaml Document ("ours"): nodes the
 * merge does not change are left as they are, with their comments, quoting and blank lines; what
 * the new render ("theirs") brings is copied in from its Document. Decisions are made on plain
 * data against the base (what was rendered last time):
 *
 * - one side changed a value → that side wins; both changed it alike → fine;
 * - mappings merge key by key; lists in the fixed table (keys.ts) element by element, by identity;
 *   every other list is one value;
 * - a conflict is only the same value changed differently on both sides, or removed on one side
 *   and changed on the other (reordered differently counts as changed differently).
 */
import type { Document, LineCounter, Node, Pair } from "yaml";
import { isMap, isScalar, isSeq, Scalar, YAMLMap, YAMLSeq } from "yaml";
import { elementIds, keyedListFor } from "./keys.js";
import type { KeyedList } from "./keys.js";
import { mergeOrder } from "./order.js";
import { renderPath } from "./path.js";
import type { Segment } from "./path.js";
import type { Change, Conflict, Maybe, Resolver } from "./types.js";
import { ABSENT } from "./types.js";
import { dataOf, isRecord, same } from "./values.js";

export interface MergeContext {
  file: string;
  ours: Document;
  theirs: Document;
  lines: LineCounter;
  conflicts: Conflict[];
  changes: Change[];
  resolve?: Resolver | undefined;
}

type Where = { segments: Segment[]; key?: string | undefined; parent?: string | undefined };

/** Merges at one place; returns the node that goes there in ours (the same one when edited in place). */
export function mergeValue(ctx: MergeContext, where: Where, base: Maybe<unknown>, ours: unknown, theirs: unknown): unknown {
  const o = dataOf(ours, ctx.ours);
  const t = dataOf(theirs, ctx.theirs);
  if (same(o, t) || same(base, t)) return ours;
  // Descend even when only the render changed, so comments inside stay and changes are named precisely.
  if (isMap(ours) && isMap(theirs) && (base === ABSENT || isRecord(base))) {
    mergeMap(ctx, where.segments, base === ABSENT ? {} : base, ours, theirs, where.key);
    return ours;
  }
  const keyed = keyedListFor(where.key, where.parent);
  if (keyed !== undefined && isSeq(ours) && isSeq(theirs) && (base === ABSENT || Array.isArray(base))) {
    if (mergeList(ctx, where.segments, keyed, base === ABSENT ? [] : base, ours, theirs)) return ours;
  }
  if (same(base, o)) {
    record(ctx, { path: renderPath(where.segments), op: "change", before: o, after: t, segments: where.segments });
    return takeTheirs(ours, theirs);
  }
  const reason = base === ABSENT ? "added on both sides with different values" : "changed on both sides";
  if (decide(ctx, where.segments, ours, base, o, t, reason) === "theirs") {
    record(ctx, { path: renderPath(where.segments), op: "change", before: o, after: t, segments: where.segments });
    return takeTheirs(ours, theirs);
  }
  return ours;
}

function mergeMap(ctx: MergeContext, segments: Segment[], base: Record<string, unknown>, ours: YAMLMap, theirs: YAMLMap, parent: string | undefined): void {
  const keyOf = (p: Pair): string => String(isScalar(p.key) ? p.key.value : p.key);
  const theirPairs = new Map(theirs.items.map((p) => [keyOf(p), p]));
  const ourKeys = new Set(ours.items.map(keyOf));
  const kept: Pair[] = [];
  for (const pair of ours.items) {
    const key = keyOf(pair);
    const at = [...segments, { key }];
    const theirPair = theirPairs.get(key);
    const b: Maybe<unknown> = key in base ? base[key] : ABSENT;
    if (theirPair !== undefined) {
      pair.value = mergeValue(ctx, { segments: at, key, parent }, b, pair.value, theirPair.value);
      kept.push(pair);
      continue;
    }
    if (b === ABSENT) {
      kept.push(pair); // added by the team
      continue;
    }
    const o = dataOf(pair.value, ctx.ours);
    if (same(b, o) || decide(ctx, at, pair.value, b, o, ABSENT, "changed here, removed in the new render") === "theirs") {
      record(ctx, { path: renderPath(at), op: "remove", before: o, segments: at });
      continue;
    }
    kept.push(pair);
  }
  const order = mergeOrder({
    base: Object.keys(base),
    ours: kept.map(keyOf),
    theirs: theirs.items.map(keyOf),
  });
  const added = new Map<string, Pair>();
  for (const pair of theirs.items) {
    const key = keyOf(pair);
    if (ourKeys.has(key)) continue;
    const at = [...segments, { key }];
    const t = dataOf(pair.value, ctx.theirs);
    if (key in base && !same(base[key], t)) {
      if (decide(ctx, at, ours, base[key], ABSENT, t, "removed here, changed in the new render") !== "theirs") continue;
    } else if (key in base) continue; // removed by the team, unchanged in the render: stays removed
    added.set(key, pair.clone() as Pair);
    record(ctx, { path: renderPath(at), op: "add", after: t, segments: at });
  }
  const byKey = new Map(kept.map((p) => [keyOf(p), p]));
  const wasEmpty = ours.items.length === 0;
  ours.items = order.keys(added, "ours").flatMap((k) => {
    const pair = byKey.get(k) ?? added.get(k);
    return pair === undefined ? [] : [pair];
  });
  adoptStyle(ours, theirs, wasEmpty);
}

/** An empty `{}` or `[]` that receives the render's elements takes the render's block or flow style. */
function adoptStyle(ours: YAMLMap | YAMLSeq, theirs: YAMLMap | YAMLSeq, wasEmpty: boolean): void {
  if (wasEmpty && ours.items.length > 0 && ours.flow === true && theirs.flow !== true) ours.flow = false;
}

/** Element-by-element merge of a keyed list; false when identities are missing or repeated (then it is one value). */
function mergeList(ctx: MergeContext, segments: Segment[], spec: KeyedList, base: unknown[], ours: YAMLSeq, theirs: YAMLSeq): boolean {
  const oursData = ours.items.map((n) => dataOf(n, ctx.ours));
  const theirsData = theirs.items.map((n) => dataOf(n, ctx.theirs));
  const [bIds, oIds, tIds] = [elementIds(spec, base), elementIds(spec, oursData), elementIds(spec, theirsData)];
  if (bIds === undefined || oIds === undefined || tIds === undefined) return false;
  const baseBy = new Map(bIds.map((id, i) => [id.key, base[i]]));
  const theirBy = new Map(tIds.map((id, i) => [id.key, theirs.items[i]]));
  const ourKeys = new Set(oIds.map((id) => id.key));
  const element = (id: (typeof oIds)[number]): Segment[] => [
    ...segments,
    { label: id.label, id: id.id, elementKey: id.key, list: spec.list, ...(id.wrapper === undefined ? {} : { wrapper: id.wrapper }) },
  ];
  const kept = new Map<string, unknown>();
  ours.items.forEach((node, i) => {
    const id = oIds[i] as (typeof oIds)[number];
    const at = element(id);
    const b: Maybe<unknown> = baseBy.has(id.key) ? baseBy.get(id.key) : ABSENT;
    const theirNode = theirBy.get(id.key);
    if (theirNode !== undefined) {
      kept.set(id.key, mergeValue(ctx, { segments: at, key: undefined, parent: spec.list }, b, node, theirNode));
      return;
    }
    const o = oursData[i];
    if (b === ABSENT) kept.set(id.key, node);
    else if (same(b, o) || decide(ctx, at, node, b, o, ABSENT, "changed here, removed in the new render") === "theirs") {
      record(ctx, { path: renderPath(at), op: "remove", before: o, segments: at });
    } else kept.set(id.key, node);
  });
  const added = new Map<string, unknown>();
  tIds.forEach((id, i) => {
    if (ourKeys.has(id.key)) return;
    const at = element(id);
    const t = theirsData[i];
    if (baseBy.has(id.key)) {
      if (same(baseBy.get(id.key), t)) return; // removed by the team: stays removed
      if (decide(ctx, at, ours, baseBy.get(id.key), ABSENT, t, "removed here, changed in the new render") !== "theirs") return;
    }
    added.set(id.key, (theirs.items[i] as Node).clone());
    const before = i === 0 ? undefined : tIds[i - 1];
    record(ctx, {
      path: renderPath(at), op: "add", after: t, segments: at,
      position: before === undefined ? "start" : `${before.label} ${before.id}`,
      ...(id.type === undefined ? {} : { type: id.type }),
    });
  });
  const order = mergeOrder({ base: bIds.map((i) => i.key), ours: oIds.map((i) => i.key).filter((k) => kept.has(k)), theirs: tIds.map((i) => i.key) });
  let keys = order.keys(added);
  if (order.reorderConflict) {
    const choice = decide(ctx, segments, ours, order.baseOrder, order.oursOrder, order.theirsOrder, "elements reordered differently on both sides");
    if (choice === "theirs") keys = order.keys(added, "theirs");
    else keys = order.keys(added, "ours");
  } else if (order.theirsMoved) {
    record(ctx, { path: renderPath(segments), op: "move", before: order.oursOrder, after: order.theirsOrder, segments });
  }
  const wasEmpty = ours.items.length === 0;
  ours.items = keys.flatMap((k) => {
    const node = kept.get(k) ?? added.get(k);
    return node === undefined ? [] : [node];
  });
  adoptStyle(ours, theirs, wasEmpty);
  return true;
}

/** Replaces ours with a copy of theirs, keeping ours' comments (and, for scalars, ours' quoting). */
function takeTheirs(ours: unknown, theirs: unknown): unknown {
  // In place, so an anchor on it (and the aliases that name it) stays valid.
  if (isScalar(ours) && isScalar(theirs)) {
    ours.value = theirs.value;
    if (theirs.type !== Scalar.PLAIN && ours.type === Scalar.PLAIN) ours.type = theirs.type;
    return ours;
  }
  const copy = theirs instanceof Object && "clone" in theirs ? (theirs as Node).clone() : theirs;
  if (copy instanceof YAMLMap || copy instanceof YAMLSeq || copy instanceof Scalar) {
    const from = ours as Partial<Node> | null;
    if (from && typeof from === "object") {
      if (typeof (from as { anchor?: unknown }).anchor === "string") copy.anchor = (from as { anchor: string }).anchor;
      copy.commentBefore ??= from.commentBefore ?? null;
      copy.comment ??= from.comment ?? null;
      copy.spaceBefore ||= from.spaceBefore ?? false;
    }
  }
  return copy;
}

/** A conflict at `segments`; returns how --resolve settled it (undefined: it stands). */
function decide(ctx: MergeContext, segments: Segment[], node: unknown, base: unknown, ours: unknown, theirs: unknown, reason: string): "ours" | "theirs" | undefined {
  const offset = (node as Partial<Node> | null)?.range?.[0] ?? 0;
  const { line, col } = ctx.lines.linePos(offset);
  const plain = (v: unknown): unknown => (v === ABSENT ? undefined : v);
  const conflict: Conflict = { file: ctx.file, line, col, path: renderPath(segments), base: plain(base), ours: plain(ours), theirs: plain(theirs), reason };
  const choice = ctx.resolve?.(conflict);
  if (choice !== undefined) conflict.resolved = choice;
  ctx.conflicts.push(conflict);
  return choice;
}

function record(ctx: MergeContext, change: Change): void {
  ctx.changes.push(change);
}
