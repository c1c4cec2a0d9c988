/**
 * Why a file would change (what `update --check --json` says per file): the run's kit moved to
 * another version (`kit-version`, with from and to), answers changed with --set (`answers`), or
 * the render changed at the same version — templates edited without a version bump, or other
 * `--templates` (`drift`). `edited` says whether the team's file differs from its recorded base.
 */
import type { ManifestRun } from "../write/manifest.js";

export type ChangeCause = "kit-version" | "answers" | "drift";

export interface FileCause {
  cause: ChangeCause;
  /** The kit version recorded for the run, and the one rendering it now (kit-version only). */
  from?: string;
  to?: string;
}

/**
 * `before`/`after`: the run as recorded and as the update records it; a built-in run's version
 * is harness-scaffold's own (the manifest's `kitVersion`, then the running one).
 */
export function runCause(before: ManifestRun, after: ManifestRun, setKeys: readonly string[], recordedVersion: string, currentVersion: string): FileCause {
  const from = before.kit?.version ?? recordedVersion;
  const to = after.kit?.version ?? currentVersion;
  if (from !== to) return { cause: "kit-version", from, to };
  return { cause: setKeys.length > 0 ? "answers" : "drift" };
}

/** The run (index) each path belongs to: the one rendering it now, else the one that rendered it. */
export function runOfPaths(oldRuns: readonly ManifestRun[], newRuns: readonly ManifestRun[]): Map<string, number> {
  const owner = new Map<string, number>();
  oldRuns.forEach((run, i) => run.files.forEach((f) => owner.set(f, i)));
  newRuns.forEach((run, i) => run.files.forEach((f) => owner.set(f, i)));
  return owner;
}
