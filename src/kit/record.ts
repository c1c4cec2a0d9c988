/**
 * What the manifest keeps about a kit run, and how a recorded kit source is found again.
 *
 * A kit given as a folder inside the out dir's project (its git repository: the nearest folder up
 * with .git; outside git, the out dir's parent) is recorded relative to the out dir
 * (`../kits/golden`), not to the cwd `new` ran in: the pair survives a clone to another path and
 * `update` run from any folder. A kit folder elsewhere (a shared checkout) is recorded absolute,
 * as a relative path climbing out of the project would break on any other machine. A kit found as
 * an installed npm package is recorded by its name and looked up around the cwd again.
 */
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import type { RenderedFile } from "../render/render.js";
import type { ManifestRun } from "../write/manifest.js";
import type { Kit } from "./types.js";

export type KitRecord = Pick<ManifestRun, "kit" | "policies" | "keys">;

/** The recorded source: package name, or the kit folder relative to the out dir (posix). */
export function recordedSource(kit: Kit, outDir: string): string {
  if (kit.origin.fromPackage === true) return kit.origin.source;
  const dir = kit.origin.dir;
  outDir = realOutDir(outDir);
  const inProject = path.relative(projectRoot(outDir), dir);
  if (inProject.startsWith("..") || path.isAbsolute(inProject)) return dir.split(path.sep).join("/");
  const rel = path.relative(outDir, dir).split(path.sep).join("/");
  if (rel === "") return ".";
  return rel.startsWith("..") ? rel : `./${rel}`;
}

/** The kit's dir is symlink-free; so must the out dir be (it may not exist yet: `new`). */
function realOutDir(outDir: string): string {
  try {
    return realpathSync(outDir);
  } catch {
    const parent = path.dirname(outDir);
    return parent === outDir ? outDir : path.join(realOutDir(parent), path.basename(outDir));
  }
}

function projectRoot(outDir: string): string {
  for (let d = outDir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, ".git"))) return d;
    if (path.dirname(d) === d) return path.dirname(outDir);
  }
}

/**
 * Where to load a recorded source from: a relative folder from the out dir (falling back to the
 * cwd, as manifests written before sources were out-dir relative meant), else as given.
 */
export function recordedSourceBase(source: string, outDir: string, cwd: string): string {
  const isPath = source.startsWith(".") || source.startsWith("/") || path.isAbsolute(source);
  if (!isPath || path.isAbsolute(source)) return cwd;
  return existsSync(path.resolve(outDir, source)) ? outDir : cwd;
}

/** The kit (name, version, source) and each file's policy and element key, for the manifest. */
export function kitRecord(kit: Kit, files: readonly RenderedFile[], outDir: string): KitRecord {
  const record: KitRecord = { kit: { name: kit.name, version: kit.version, source: recordedSource(kit, outDir) } };
  const policies = Object.fromEntries(files.filter((f) => f.policy !== undefined && f.policy !== "managed").map((f) => [f.path, f.policy as string]));
  const keys = Object.fromEntries(files.filter((f) => f.key !== undefined).map((f) => [f.path, f.key as string]));
  if (Object.keys(policies).length > 0) record.policies = policies;
  if (Object.keys(keys).length > 0) record.keys = keys;
  return record;
}
