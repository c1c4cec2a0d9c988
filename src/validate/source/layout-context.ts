/**
 * `validate .harness/pipelines/build.yaml` checks one file, but its connectorRef names a file of
 * the same layout. The rest of that layout is read as context: it resolves references and is not
 * reported on.
 */
import { access } from "node:fs/promises";
import path from "node:path";
import { kindFromPath, PROJECT_FILE, PUBLISH_ORDER } from "../../layout.js";
import { kindFiles, outDirOf } from "../../layout-files.js";
import type { SourceFile } from "../types.js";
import { displayPath, readText, type ReadResult } from "./read-paths.js";

export async function layoutContext(read: ReadResult, cwd: string, signal?: AbortSignal): Promise<SourceFile[]> {
  const roots = new Set<string>();
  for (const file of read.explicit) {
    const kind = kindFromPath(file);
    if (kind === undefined) continue;
    const absolute = path.resolve(cwd, file);
    roots.add(outDirOf(absolute, kind));
  }
  const known = new Set(read.files.map((f) => f.path));
  const context: SourceFile[] = [];
  for (const root of roots) {
    signal?.throwIfAborted();
    if (!(await exists(path.join(root, PROJECT_FILE)))) continue;
    for (const candidate of await layoutFiles(root)) {
      const shown = displayPath(cwd, candidate);
      if (known.has(shown)) continue;
      known.add(shown);
      const text = await readText(candidate);
      if (typeof text === "string") context.push({ path: shown, text });
    }
  }
  return context;
}

async function layoutFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  for (const kind of PUBLISH_ORDER) for (const relative of await kindFiles(root, kind)) files.push(path.join(root, relative));
  return files;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
