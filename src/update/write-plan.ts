/**
 * From per-file plans to what is written: each plan's text where it changes the disk, deletions,
 * and the paths emptied because their content moved (a migration's move, an element whose file
 * changed path) unless another file is written there. Reads each file on disk once.
 */
import type { FileChange } from "../write/changes.js";
import { planChanges } from "../write/changes.js";
import type { FilePlan } from "./file-plan.js";

/** The team's files, each read once (undefined: not there). */
export function readDisk(outDir: string, shownOut: string): (file: string) => Promise<string | undefined> {
  const cache = new Map<string, Promise<string | undefined>>();
  return (file) => {
    let text = cache.get(file);
    if (text === undefined) {
      text = planChanges([{ path: file, text: "" }], outDir, shownOut).then(([c]) => c?.before);
      cache.set(file, text);
    }
    return text;
  };
}

/** The text a plan leaves at its path: the merge, or the team's file kept as it is. */
const content = (plan: FilePlan): string | undefined => plan.text ?? (plan.action === "unchanged" ? plan.before : undefined);

/**
 * `movedFrom`: target → the path its content came from (written at the target even when the
 * merge left it unchanged); `emptied`: paths whose content went elsewhere.
 */
export async function fileChangesOf(plans: readonly FilePlan[], emptied: readonly string[], movedFrom: ReadonlyMap<string, string>, outDir: string, shownOut: string): Promise<FileChange[]> {
  const writes: FilePlan[] = [];
  const deletes: string[] = [];
  for (const plan of plans) {
    const text = content(plan);
    if (plan.action === "delete") deletes.push(plan.path);
    else if (plan.action === "create" || plan.action === "update" || (movedFrom.has(plan.path) && text !== undefined)) writes.push(plan);
  }
  const written = await planChanges(writes.map((p) => ({ path: p.path, text: content(p) ?? "" })), outDir, shownOut);
  writes.forEach((plan, i) => {
    const c = written[i];
    // A moved file shows as created (or updated) where it lands, not as unchanged.
    if (c !== undefined && movedFrom.has(plan.path)) plan.action = c.action;
  });
  const writing = new Set(writes.map((p) => p.path));
  const gone = [...deletes, ...new Set(emptied.filter((p) => !writing.has(p) && !deletes.includes(p)))];
  const removed = (await planChanges(gone.map((p) => ({ path: p, text: "" })), outDir, shownOut)).filter((c, i) => i < deletes.length || c.before !== undefined);
  return [...written, ...removed.map((c) => ({ ...c, action: "delete" as const }))];
}
