/**
 * Writes a set of files all-or-nothing: each goes to a temp file beside its target first; only
 * when every temp file is written are they renamed into place (a file to delete is first renamed
 * aside, and removed at the very end). If anything fails, the renamed files get their old content
 * back, new files and folders are removed, and temp files deleted.
 */
import { randomUUID } from "node:crypto";
import { mkdir, rename, rmdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { KitError } from "../errors.js";
import type { FileChange } from "./changes.js";

export async function commitChanges(changes: readonly FileChange[], shownOut: string): Promise<void> {
  const pending = changes.filter((c) => c.action !== "unchanged" && c.action !== "delete");
  const deletes = changes.filter((c) => c.action === "delete");
  const createdDirs: string[] = [];
  const temps = new Map<FileChange, string>();
  const renamed: FileChange[] = [];
  const asides = new Map<FileChange, string>();
  try {
    for (const change of deletes) {
      const aside = tempPath(change.absolute);
      await rename(change.absolute, aside);
      asides.set(change, aside);
    }
    for (const change of pending) {
      const dir = path.dirname(change.absolute);
      const first = await mkdir(dir, { recursive: true });
      if (first !== undefined) createdDirs.push(...dirsBetween(first, dir));
      const temp = tempPath(change.absolute);
      await writeFile(temp, change.text, { flag: "wx" });
      temps.set(change, temp);
    }
    for (const change of pending) {
      await rename(temps.get(change) ?? "", change.absolute);
      temps.delete(change);
      renamed.push(change);
    }
  } catch (cause) {
    for (const [change, aside] of asides) await rename(aside, change.absolute).catch(() => undefined);
    await rollBack(temps, renamed, createdDirs);
    const code = (cause as NodeJS.ErrnoException).code;
    throw new KitError("E_IO", `could not write to ${shownOut} (${code ?? String(cause)}); nothing was changed`, {
      hint: "check that the folder is writable and the disk is not full",
      cause,
    });
  }
  for (const aside of asides.values()) await unlink(aside).catch(() => undefined);
}

async function rollBack(temps: Map<FileChange, string>, renamed: FileChange[], createdDirs: string[]): Promise<void> {
  for (const temp of temps.values()) await unlink(temp).catch(() => undefined);
  for (const change of renamed.reverse()) {
    if (change.before === undefined) {
      await unlink(change.absolute).catch(() => undefined);
    } else {
      const temp = tempPath(change.absolute);
      await writeFile(temp, change.before, { flag: "wx" })
        .then(() => rename(temp, change.absolute))
        .catch(() => unlink(temp).catch(() => undefined));
    }
  }
  // Deepest first; a folder that is not empty (someone else's files) stays.
  for (const dir of [...createdDirs].sort((a, b) => b.length - a.length)) await rmdir(dir).catch(() => undefined);
}

function tempPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
}

/** `mkdir -p` reports only the first folder it made; list every folder from there down to `dir`. */
function dirsBetween(first: string, dir: string): string[] {
  const dirs: string[] = [];
  let current = dir;
  while (current.length >= first.length) {
    dirs.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return dirs;
}
