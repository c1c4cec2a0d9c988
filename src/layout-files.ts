/**
 * Reading the layout of src/layout.ts back from disk: which files of a kind an out dir holds, and
 * which out dir a file belongs to. One place, so the nested form (`templates/<id>/<label>.yaml`)
 * is known to every reader (validate, generate, plan and publish).
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { EntityKind } from "./layout.js";
import { KIND_LOCATION, PROJECT_FILE } from "./layout.js";

const names = (dir: string): Promise<string[]> => readdir(dir).catch(() => [] as string[]);

/** Relative POSIX paths of the kind's files in `outDir`, sorted (pipelines also as `.yml`). */
export async function kindFiles(outDir: string, kind: EntityKind): Promise<string[]> {
  if (kind === "project") return [PROJECT_FILE];
  const { dir, ext, nested } = KIND_LOCATION[kind];
  const fits = (name: string): boolean => path.extname(name) === ext || (kind === "pipeline" && path.extname(name) === ".yml");
  if (nested !== true) return (await names(path.join(outDir, dir))).filter(fits).sort().map((n) => `${dir}/${n}`);
  const found: string[] = [];
  for (const group of (await names(path.join(outDir, dir))).sort()) {
    for (const name of (await names(path.join(outDir, dir, group))).filter(fits).sort()) found.push(`${dir}/${group}/${name}`);
  }
  return found;
}

/** The out dir holding a file of the given kind (the folder above its kind's folder). */
export function outDirOf(file: string, kind: EntityKind): string {
  if (kind === "project") return path.dirname(file);
  const levels = KIND_LOCATION[kind].nested === true ? 3 : 2;
  let dir = file;
  for (let i = 0; i < levels; i++) dir = path.dirname(dir);
  return dir;
}
