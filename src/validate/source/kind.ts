/**
 * What a file is: its place in the layout says first (`connectors/x.json`), its top-level key
 * second (`pipeline:`). A file in one kind's place holding another kind is reported.
 */
import { JSON_ROOT_KEY, kindFromPath, kindFromRootKey, OTHER_ROOT_KEYS, PUBLISH_ORDER, YAML_ROOT_KEY, type EntityKind } from "../../layout.js";
import { closest } from "../../util/suggest.js";
import { words } from "../messages.js";
import { isRecord } from "../pointer.js";
import type { PointerIssue } from "../types.js";

export const ROOT_KEYS: readonly string[] = PUBLISH_ORDER.flatMap((k) => [YAML_ROOT_KEY[k] ?? JSON_ROOT_KEY[k] ?? k, ...(OTHER_ROOT_KEYS[k] ?? [])]);

export function detectKind(file: string, value: unknown): { kind: EntityKind | undefined; issues: PointerIssue[] } {
  const fromPlace = kindFromPath(file);
  const fromRoot = kindFromRootKey(value);
  if (fromPlace !== undefined && fromRoot !== undefined && fromPlace !== fromRoot) {
    const rootKey = YAML_ROOT_KEY[fromRoot] ?? JSON_ROOT_KEY[fromRoot] ?? fromRoot;
    const issue: PointerIssue = { path: `/${rootKey}`, severity: "error", code: "kind-mismatch", message: words.kindMismatch(fromPlace, fromRoot), at: "key" };
    // Which of the two the user meant is unknown: checking the content against either would guess.
    return { kind: undefined, issues: [issue] };
  }
  const kind = fromPlace ?? fromRoot;
  if (kind !== undefined) return { kind, issues: [] };
  const keys = isRecord(value) ? Object.keys(value) : [];
  const first = keys[0];
  const issue: PointerIssue = {
    path: first === undefined ? "" : `/${first}`,
    severity: "error",
    code: "unknown-kind",
    message: words.unknownKind(keys, ROOT_KEYS, first === undefined ? undefined : closest(first, ROOT_KEYS)),
    at: "key",
  };
  return { kind: undefined, issues: [issue] };
}
