/**
 * What `update` does with one file, from its three versions: the recorded base (base store), the
 * team's file (disk) and the new render.
 *
 * - rendered before and now, present: three-way merge;
 * - rendered before and now, deleted by the team: stays deleted (reported);
 * - newly rendered, absent: created; newly rendered but present (the team made one too): merged
 *   against an empty base;
 * - no longer rendered: deleted when unedited, else kept (reported).
 */
import { mergeFile } from "../merge/merge-file.js";
import type { Change, Conflict, Resolver } from "../merge/types.js";

export type UpdateAction = "create" | "update" | "unchanged" | "delete" | "kept-deleted" | "kept-edited";

export interface FilePlan {
  /** Relative to the out dir. */
  path: string;
  action: UpdateAction;
  /** The text to write (create/update). */
  text?: string;
  /** The file on disk now. */
  before?: string;
  changes: Change[];
  conflicts: Conflict[];
  /** Set when no base was found for a file that should have one. */
  noBase?: boolean;
}

export interface FileVersions {
  path: string;
  shown: string;
  /** Recorded as rendered by the run before. */
  wasRendered: boolean;
  /** The recorded base text (undefined when the store lacks it). */
  base: string | undefined;
  ours: string | undefined;
  /** The new render (undefined when no longer rendered). */
  theirs: string | undefined;
  resolve?: Resolver | undefined;
}

export function planFile(v: FileVersions): FilePlan {
  const none = { changes: [], conflicts: [] };
  const at = { path: v.path };
  if (v.theirs === undefined) {
    if (v.ours === undefined) return { ...at, action: "unchanged", ...none };
    if (v.base !== undefined && v.ours === v.base) return { ...at, action: "delete", before: v.ours, ...none };
    return { ...at, action: "kept-edited", before: v.ours, ...none };
  }
  if (v.ours === undefined) {
    return v.wasRendered ? { ...at, action: "kept-deleted", ...none } : { ...at, action: "create", text: v.theirs, ...none };
  }
  const merged = mergeFile({ file: v.shown, base: v.wasRendered ? v.base : undefined, ours: v.ours, theirs: v.theirs, ...(v.resolve ? { resolve: v.resolve } : {}) });
  const plan: FilePlan = {
    ...at,
    action: merged.text === v.ours ? "unchanged" : "update",
    text: merged.text,
    before: v.ours,
    changes: merged.changes,
    conflicts: merged.conflicts,
  };
  if (v.wasRendered && v.base === undefined) plan.noBase = true;
  return plan;
}
