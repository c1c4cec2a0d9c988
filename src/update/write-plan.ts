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
  const changes: FileChange[] = [];
  const written = new Set<string>();
  for (const plan of plans) {
    const text = content(plan);
    const write = plan.action === "create" || plan.action === "update" || (movedFrom.has(plan.path) && text !== undefined);
    if (plan.action === "delete") {
      const [c] = await planChanges([{ path: plan.path, text: "" }], outDir, shownOut);
      if (c !== undefined) changes.push({ ...c, action: "delete" });
    } else if (write) {
      const [c] = await planChanges([{ path: plan.path, text: text ?? "" }], outDir, shownOut);
      if (c !== undefined) changes.push(c);
      // A moved file shows as created (or updated) where it lands, not as unchanged.
      if (c !== undefined && movedFrom.has(plan.path)) plan.action = c.action === "delete" ? plan.action : c.action;
      written.add(plan.path);
    }
  }
  for (const path of new Set(emptied)) {
    if (written.has(path)) continue;
    const [c] = await planChanges([{ path, text: "" }], outDir, shownOut);
    if (c?.before !== undefined) changes.push({ ...c, action: "delete" });
  }
  return changes;
}
