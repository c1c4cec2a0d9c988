/**
 * `validate .harness/pipelines/build.yaml` checks one file, but its connectorRef names a file of
 * the same layout. The rest of that layout is read as context: it resolves references and is not
 * reported on.
 */
import { access, readdir } from "node:fs/promises";
import path from "node:path";
import { KIND_LOCATION, kindFromPath, PROJECT_FILE, PUBLISH_ORDER } from "../../layout.js";
import type { SourceFile } from "../types.js";
import { displayPath, readText, type ReadResult } from "./read-paths.js";

export async function layoutContext(read: ReadResult, cwd: string, signal?: AbortSignal): Promise<SourceFile[]> {
  const roots = new Set<string>();
  for (const file of read.explicit) {
    const kind = kindFromPath(file);
    if (kind === undefined) continue;
    const absolute = path.resolve(cwd, file);
    const levels = kind === "project" ? 1 : KIND_LOCATION[kind].nested === true ? 3 : 2;
    let root = absolute;
    for (let i = 0; i < levels; i++) root = path.dirname(root);
    roots.add(root);
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
  const files = [path.join(root, PROJECT_FILE)];
  for (const kind of PUBLISH_ORDER) {
    const { dir, ext, nested } = KIND_LOCATION[kind];
    if (dir === "") continue;
    const folders = nested === true ? (await readdir(path.join(root, dir)).catch(() => [] as string[])).sort().map((group) => path.join(dir, group)) : [dir];
    for (const folder of folders) {
      const names = await readdir(path.join(root, folder)).catch(() => [] as string[]);
      for (const name of names.sort()) if (name.endsWith(ext) || (kind === "pipeline" && name.endsWith(".yml"))) files.push(path.join(root, folder, name));
    }
  }
  return files;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
