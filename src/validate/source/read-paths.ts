/**
 * Reads the files to validate: files as given, directories walked for .json/.yaml/.yml. A file
 * that cannot be read, is binary or is not UTF-8 becomes an issue, never an exception.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { MANIFEST_FILE } from "../../layout.js";
import { words } from "../messages.js";
import type { Issue, SourceFile } from "../types.js";

export interface ReadResult {
  files: SourceFile[];
  issues: Issue[];
  /** Files named on the command line (not found by walking a directory). */
  explicit: Set<string>;
}

const EXTENSIONS = new Set([".json", ".yaml", ".yml"]);
const SKIPPED_DIRS = new Set(["node_modules"]);

export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolute;
  return shown.split(path.sep).join("/");
}

export function fileIssue(file: string, code: string, message: string, severity: Issue["severity"] = "error"): Issue {
  return { file, line: 1, column: 1, severity, code, message, path: "" };
}

export async function readPaths(paths: readonly string[], cwd: string, signal?: AbortSignal): Promise<ReadResult> {
  const result: ReadResult = { files: [], issues: [], explicit: new Set() };
  const wanted: string[] = [];
  for (const given of paths) {
    signal?.throwIfAborted();
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (info === undefined) {
      result.issues.push(fileIssue(given, "path-not-found", words.notFound(given)));
    } else if (info.isDirectory()) {
      const before = wanted.length;
      await walk(absolute, wanted, signal);
      if (wanted.length === before) result.issues.push(fileIssue(displayPath(cwd, absolute), "no-files", words.noFiles(given), "warning"));
    } else {
      wanted.push(absolute);
      result.explicit.add(displayPath(cwd, absolute));
    }
  }
  const unique = [...new Set(wanted)];
  // All at once: each read is a few trips to libuv's thread pool, and one after another they add up.
  const texts = await Promise.all(unique.map(readText));
  unique.forEach((absolute, i) => {
    const shown = displayPath(cwd, absolute);
    const read = texts[i]!;
    if (typeof read === "string") result.files.push({ path: shown, text: read });
    else result.issues.push(fileIssue(shown, read.code, read.message));
  });
  return result;
}

/** Adds the files under `dir` to `into` in name order, sub-folders read concurrently. */
async function walk(dir: string, into: string[], signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found = await Promise.all(
    entries.map(async (entry): Promise<string[]> => {
      if (entry.name.startsWith(".")) return [];
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        const below: string[] = [];
        if (!SKIPPED_DIRS.has(entry.name)) await walk(full, below, signal);
        return below;
      }
      return entry.isFile() && EXTENSIONS.has(path.extname(entry.name).toLowerCase()) && entry.name !== MANIFEST_FILE ? [full] : [];
    }),
  );
  for (const files of found) into.push(...files);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The file's text, or why it has none. */
export async function readText(file: string): Promise<string | { code: string; message: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return { code: "file-unreadable", message: words.unreadable(reason) };
  }
  if (bytes.subarray(0, 8000).includes(0)) return { code: "file-binary", message: words.binary };
  try {
    return utf8.decode(bytes);
  } catch {
    return { code: "file-encoding", message: words.notUtf8 };
  }
}
