/**
 * How the kit marks what it created: one tag on the entity. Harness keeps tags as a plain
 * string map on every kind, so the mark survives round trips and is visible in the UI. The files
 * users commit stay as rendered; the tag is added to what is sent, and ignored when comparing.
 */
import { isMap, parseDocument } from "yaml";
import type { Doc } from "../harness/entity-api.js";
import { rootKeyOf } from "../harness/entity-api.js";
import type { EntityKind } from "../layout.js";

export const OWNERSHIP_TAG = { key: "managed-by", value: "harness-scaffold" } as const;

function tagsOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** True when the tag is on the document (or on the record's own tags, for flat kinds). */
export function isOwned(kind: EntityKind, doc: Doc, recordTags?: unknown): boolean {
  const inner = tagsOf(doc[rootKeyOf(kind, doc)]);
  const fromDoc = tagsOf(inner?.tags);
  return [fromDoc, tagsOf(recordTags)].some((tags) => tags?.[OWNERSHIP_TAG.key] === OWNERSHIP_TAG.value);
}

/** A copy of the document with the tag added (JSON kinds). */
export function withOwnership(kind: EntityKind, doc: Doc): Doc {
  const root = rootKeyOf(kind, doc);
  const inner = { ...(doc[root] as Doc) };
  inner.tags = { ...(tagsOf(inner.tags) ?? {}), [OWNERSHIP_TAG.key]: OWNERSHIP_TAG.value };
  return { ...doc, [root]: inner };
}

/**
 * The YAML text with the tag added, keeping the user's comments, order and formatting (YAML
 * kinds send their text, not a re-serialisation).
 */
export function yamlWithOwnership(kind: EntityKind, text: string): string {
  const document = parseDocument(text);
  const root = rootKeyOf(kind, document.toJS());
  const tags = document.getIn([root, "tags"]);
  if (!isMap(tags)) document.setIn([root, "tags"], document.createNode({}));
  document.setIn([root, "tags", OWNERSHIP_TAG.key], OWNERSHIP_TAG.value);
  return document.toString();
}

/** The document without the tag, for comparing with local files. */
export function withoutOwnership(kind: EntityKind, doc: Doc): Doc {
  const root = rootKeyOf(kind, doc);
  const inner = tagsOf(doc[root]);
  const tags = tagsOf(inner?.tags);
  if (inner === undefined || tags === undefined || !(OWNERSHIP_TAG.key in tags)) return doc;
  const { [OWNERSHIP_TAG.key]: _dropped, ...rest } = tags;
  return { ...doc, [root]: { ...inner, tags: rest } };
}
