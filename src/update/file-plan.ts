/**
 * What `update` does with one file, from its three versions: the recorded base (base store), the
 * team's file (disk) and the new render.
 *
 * - rendered before and now, present: three-way merge;
 * - rendered before and now, deleted by the team: stays deleted (reported);
 * - newly rendered, absent: created; newly rendered but present (the team made one too): merged
 *   against an empty base;
 * - no longer rendered: deleted when unedited, else kept (reported).
 *
 * A kit's file policy bends this: `once` files, once written, are the team's (never touched, even
 * when the kit changes them); `enforced` files always take the new render (team edits replaced,
 * reported); `managed` (the default) merges.
 */
import { checkParses, diffTexts, mergeFile } from "../merge/merge-file.js";
import type { Change, Conflict, Resolver } from "../merge/types.js";
import type { ChangeCause } from "./cause.js";

export type UpdateAction = "create" | "update" | "unchanged" | "delete" | "kept-deleted" | "kept-edited";
export type FilePolicy = "managed" | "once" | "enforced";

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
  /** `enforced` replaced the team's edits; `once` left a file the kit changed alone. */
  policy?: "enforced" | "once";
  /** Why it changes (cause.ts), set by update for every file that is not unchanged. */
  cause?: ChangeCause;
  from?: string;
  to?: string;
  /** The team's file differs from its recorded base. */
  edited?: boolean;
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
  /** The file's policy in the new render. */
  policy?: FilePolicy | undefined;
}

export function planFile(v: FileVersions): FilePlan {
  const none = { changes: [], conflicts: [] };
  const at = { path: v.path };
  if (v.theirs === undefined) {
    if (v.ours === undefined) return { ...at, action: "unchanged", ...none };
    if (v.base !== undefined && v.ours === v.base) return { ...at, action: "delete", before: v.ours, ...none };
    return { ...at, action: "kept-edited", before: v.ours, ...none };
  }
  if (v.policy === "once" && v.wasRendered) {
    const left = v.ours === undefined ? { ...at, action: "kept-deleted" as const, ...none } : { ...at, action: "unchanged" as const, before: v.ours, ...none };
    return v.base === v.theirs ? left : { ...left, policy: "once" };
  }
  if (v.policy === "enforced") {
    if (v.ours === v.theirs) return { ...at, action: "unchanged", text: v.theirs, before: v.ours, ...none };
    const plan: FilePlan = { ...at, action: v.ours === undefined ? "create" : "update", text: v.theirs, ...none };
    if (v.ours !== undefined) plan.before = v.ours;
    // Only worth a note when the team had edited it (else it is an ordinary kit change).
    if (v.ours !== undefined && v.wasRendered && v.ours !== v.base) plan.policy = "enforced";
    return plan;
  }
  if (v.ours === undefined) {
    return v.wasRendered ? { ...at, action: "kept-deleted", ...none } : { ...at, action: "create", text: v.theirs, ...none };
  }
  // The cases with nothing to merge skip the merge (and its three parses): the kit did not
  // change the file, both sides made the same change, or the team did not touch it (it becomes
  // the new render as rendered — and so equal to its next base).
  const base = v.wasRendered ? v.base : undefined;
  if (v.ours === v.theirs || (base !== undefined && v.theirs === base)) {
    // A render parsed when it was made; a file the team edited must parse as the merge needs it to.
    if (v.ours !== v.theirs && v.ours !== base) checkParses(v.shown, v.ours);
    return { ...at, action: "unchanged", text: v.ours, before: v.ours, ...none };
  }
  if (base !== undefined && v.ours === base) {
    return { ...at, action: "update", text: v.theirs, before: v.ours, changes: diffTexts(v.shown, base, v.theirs), conflicts: [] };
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
