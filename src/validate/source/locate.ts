/**
 * Turns a JSON pointer into a line and column of the original text by walking the YAML syntax
 * tree: through aliases (to the anchored node) and merge keys (`<<: *base`), and, for keys set
 * twice, to the last one (the one that counts).
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from "yaml";
import { fromPointer } from "../pointer.js";

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Locatable {
  document: Document.Parsed | undefined;
  lineCounter: LineCounter;
}

export function spanOfOffsets(source: Locatable, start: number, end = start): Span {
  const a = source.lineCounter.linePos(start);
  const b = source.lineCounter.linePos(Math.max(start, end));
  // An empty text has no lines; positions are 1-based all the same.
  return { line: Math.max(1, a.line), column: Math.max(1, a.col), endLine: Math.max(1, b.line), endColumn: Math.max(1, b.col) };
}

/** The span of the node at `pointer` (its key or its value); the nearest existing ancestor if it is missing. */
export function locate(source: Locatable, pointer: string, at: "key" | "value" = "value"): Span {
  const document = source.document;
  if (document === undefined || document.contents === null) return spanOfOffsets(source, 0);
  let node: unknown = document.contents;
  let key: Node | undefined;
  for (const segment of fromPointer(pointer)) {
    const container = resolve(node, document);
    let next: { key: Node | undefined; value: unknown } | undefined;
    if (isMap(container)) {
      const pair = findPair(container.items as Pair<unknown, unknown>[], segment, document);
      if (pair) next = { key: pair.key as Node, value: pair.value ?? undefined };
    } else if (isSeq(container)) {
      const item = container.items[Number(segment)];
      if (item !== undefined) next = { key: undefined, value: item };
    }
    if (next === undefined) {
      // Missing: point at the key of the closest ancestor that exists.
      return spanOfNode(source, key ?? (node as Node));
    }
    key = next.key;
    node = next.value ?? next.key;
  }
  const target = at === "key" && key !== undefined ? key : ((node as Node | null) ?? key);
  return spanOfNode(source, target);
}

function spanOfNode(source: Locatable, node: Node | undefined): Span {
  const range = node?.range;
  if (!range) return spanOfOffsets(source, 0);
  return spanOfOffsets(source, range[0], range[1]);
}

function resolve(node: unknown, document: Document.Parsed): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 100; hops++) current = current.resolve(document);
  return current;
}

function findPair(items: Pair<unknown, unknown>[], segment: string, document: Document.Parsed): Pair<unknown, unknown> | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const pair = items[i];
    if (pair && isScalar(pair.key) && typeof pair.key.value !== "symbol" && String(pair.key.value) === segment) return pair;
  }
  // Keys merged in from `<<: *anchor` (or `<<: [*a, *b]`): later merges lose to earlier ones.
  for (const pair of items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== "symbol") continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const merged = resolve(source, document);
      if (isMap(merged)) {
        const found = findPair(merged.items as Pair<unknown, unknown>[], segment, document);
        if (found) return found;
      }
    }
  }
  return undefined;
}
