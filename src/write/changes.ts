/**
 * What writing would do to each file: create it, update it (other content on disk) or leave it
 * unchanged (same bytes). Reads the disk, never writes it.
 */
import { readFile, stat } from "node:fs/promises";
import { KitError } from "../errors.js";
import { targetInside } from "./guard.js";

/** `delete` is only planned by `update` (a generated file the kit no longer renders, unedited). */
export type FileAction = "create" | "update" | "unchanged" | "delete";

export interface FileChange {
  /** Relative POSIX path inside the out dir. */
  path: string;
  absolute: string;
  text: string;
  /** What is on disk now (undefined when the file does not exist). */
  before: string | undefined;
  action: FileAction;
}

export async function planChanges(
  files: ReadonlyArray<{ path: string; text: string }>,
  outDir: string,
  shownOut: string,
): Promise<FileChange[]> {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) {
      throw new KitError("E_INPUT", `two of the files to write are ${shownOut}/${file.path}`, {
        hint: "give each entity its own identifier",
      });
    }
    seen.add(file.path);
  }
  // All files at once: the checks and reads overlap instead of queueing one by one.
  return Promise.all(files.map(async (file): Promise<FileChange> => {
    const absolute = await targetInside(outDir, file.path, shownOut);
    const before = await readExisting(absolute, `${shownOut}/${file.path}`);
    const action: FileAction = before === undefined ? "create" : before === file.text ? "unchanged" : "update";
    return { path: file.path, absolute, text: file.text, before, action };
  }));
}

async function readExisting(absolute: string, shown: string): Promise<string | undefined> {
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    if (error.code === "ENOTDIR") throw new KitError("E_IO", `cannot write ${shown}: a parent of it is a file, not a folder`);
    throw new KitError("E_IO", `cannot read ${shown}: ${error.code ?? error.message}`, { cause: error });
  });
  if (info === undefined) return undefined;
  if (!info.isFile()) throw new KitError("E_IO", `cannot write ${shown}: a folder or special file is in the way`);
  return readFile(absolute, "utf8");
}

/** Unified diffs of the changes (for --dry-run); `diff` loads only when asked for. */
export async function diffChanges(changes: readonly FileChange[], shownOut: string): Promise<Map<string, string>> {
  const { createTwoFilesPatch } = await import("diff");
  const diffs = new Map<string, string>();
  for (const change of changes) {
    if (change.action === "unchanged") continue;
    const name = `${shownOut}/${change.path}`;
    const from = change.before === undefined ? "/dev/null" : `a/${name}`;
    const to = change.action === "delete" ? "/dev/null" : `b/${name}`;
    diffs.set(change.path, createTwoFilesPatch(from, to, change.before ?? "", change.action === "delete" ? "" : change.text, undefined, undefined, { context: 3 }));
  }
  return diffs;
}
