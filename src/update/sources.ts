/**
 * Where each file's previous version is. Usually at its own path; but a kit's `each` files are
 * one element's each (an environment, a trigger), and an element keeps its identity by its key,
 * not by the path it happened to get: when a path does not name the element (`k8s_{{index}}`),
 * removing the first element shifts every later element to another path, and merging by path
 * would merge env2's file into env1's. So the previous version of a keyed file is the old file of
 * the same run, the same kind and the same key, wherever it was; a key seen for the first time
 * has none, even if its path was another element's. Migrations' moved files (migrate.ts) are the
 * other way a file's previous version sits elsewhere.
 */
import { kindFromPath } from "../layout.js";
import type { Conflict, Resolver } from "../merge/types.js";
import { readBase } from "../write/base-store.js";
import type { Manifest, ManifestRun } from "../write/manifest.js";

export interface Source {
  /** Where the team's file is on disk now (`ours`); null: nothing before (a new element). */
  disk: string | null;
  /** The manifest entry of its base (null: none). */
  base: string | null;
}

export interface Sources {
  /** Targets whose previous version is not simply at their own path. */
  of: Map<string, Source>;
  /** Old paths whose element now lives at another path. */
  vacated: Set<string>;
  /** Old paths whose element is gone while another element's file now takes the path. */
  taken: Map<string, { was: string; now: string }>;
}

/**
 * `oldRuns[i]` and `newFiles[i]` are the same run before and after; `moved` is the migrations'
 * new path → the path the team's file has now (its manifest entry already moved).
 */
export function findSources(oldRuns: readonly ManifestRun[], newFiles: ReadonlyArray<ReadonlyArray<{ path: string; key?: string | undefined }>>, moved: ReadonlyMap<string, string>): Sources {
  const of = new Map<string, Source>();
  for (const [to, from] of moved) of.set(to, { disk: from, base: to });
  const vacated = new Set<string>();
  const taken = new Map<string, { was: string; now: string }>();
  oldRuns.forEach((run, i) => {
    const oldKeys = run.keys ?? {};
    const keyed = (newFiles[i] ?? []).filter((f): f is { path: string; key: string } => f.key !== undefined);
    if (Object.keys(oldKeys).length === 0 || keyed.length === 0) return;
    const element = (p: string, key: string): string => `${kindFromPath(p) ?? ""}\u0000${key}`;
    const old = new Map<string, string[]>();
    for (const [p, key] of Object.entries(oldKeys)) old.set(element(p, key), [...(old.get(element(p, key)) ?? []), p]);
    // A file at the same path with the same key is the plain case; those paths are spoken for.
    const claimed = new Set(keyed.filter((f) => oldKeys[f.path] === f.key).map((f) => f.path));
    for (const f of keyed) {
      if (oldKeys[f.path] === f.key) continue;
      const from = (old.get(element(f.path, f.key)) ?? []).find((p) => !claimed.has(p));
      if (from !== undefined) claimed.add(from);
      if (from === undefined && oldKeys[f.path] === undefined) continue; // a new element at a new path
      of.set(f.path, from === undefined ? { disk: null, base: null } : { disk: from, base: from });
      if (from !== undefined) vacated.add(from);
    }
    const now = new Map(keyed.map((f) => [f.path, f.key]));
    for (const [p, key] of Object.entries(oldKeys)) {
      const other = now.get(p);
      if (other !== undefined && other !== key && !claimed.has(p)) taken.set(p, { was: key, now: other });
    }
  });
  for (const p of of.keys()) vacated.delete(p);
  return { of, vacated, taken };
}

/**
 * An element the render no longer has, whose file the team edited, while another element's file
 * now takes its path: the file cannot be kept where it is. A conflict (removed by the render,
 * changed by the team) that only `theirs` settles: the edits would be lost, so say so first.
 */
export async function takenConflict(file: string, gone: { was: string; now: string }, manifest: Manifest, outDir: string, shownOut: string,
  disk: (file: string) => Promise<string | undefined>, resolve: Resolver | undefined): Promise<Conflict[]> {
  const ours = await disk(file);
  const hash = manifest.files[file]?.sha256;
  const base = hash === undefined ? undefined : await readBase(outDir, hash);
  if (ours === undefined || ours === base) return [];
  const conflict: Conflict = {
    file: `${shownOut}/${file}`, line: 1, col: 1, path: `element ${gone.was}`, base: "(its file as generated)", ours: "(its file, edited)", theirs: "(removed)",
    reason: `element ${gone.was} is no longer rendered and element ${gone.now}'s file now takes this path, but you edited it; move your edits, or --resolve ${file}=theirs to drop them`,
  };
  if (resolve?.(conflict) === "theirs") conflict.resolved = "theirs";
  return [conflict];
}
