/**
 * Applies a newer kit's migrations (src/kit/migrations.ts) to the recorded manifest before the
 * runs are rendered again: renamed answers take their new keys, moved files their new paths (the
 * manifest entry, and so the base, moves with them). The team's files are moved only when update
 * writes (all or nothing): `moved` tells it where each one is on disk now.
 */
import { migrationsBetween } from "../kit/migrations.js";
import type { Kit } from "../kit/types.js";
import type { Manifest } from "../write/manifest.js";

export interface Migrated {
  manifest: Manifest;
  /** New path → the path the team's file has on disk now. */
  moved: Map<string, string>;
}

export function migrateManifest(manifest: Manifest, kit: Kit | undefined, builtinName: string): Migrated {
  const moved = new Map<string, string>();
  if (kit?.migrations === undefined) return { manifest, moved };
  const files = { ...manifest.files };
  const runs = manifest.runs.map((run) => {
    if ((run.kit?.name ?? builtinName) !== kit.name) return run;
    const steps = migrationsBetween(kit.migrations, run.kit?.version ?? manifest.kitVersion, kit.version);
    if (steps.length === 0) return run;
    const answers = { ...run.answers };
    let paths = [...run.files];
    for (const step of steps) {
      for (const [from, to] of Object.entries(step.renameAnswers)) {
        if (from in answers && !(to in answers)) answers[to] = answers[from];
        delete answers[from];
      }
      for (const [from, to] of Object.entries(step.moveFiles)) {
        if (!paths.includes(from) || paths.includes(to)) continue;
        paths = paths.map((p) => (p === from ? to : p));
        const entry = files[from];
        if (entry !== undefined) {
          files[to] = entry;
          delete files[from];
        }
        moved.set(to, moved.get(from) ?? from);
        moved.delete(from);
      }
    }
    // Element keys and policies are recorded by path: they move with their files.
    const renamed = (record: Record<string, string> | undefined): Record<string, string> | undefined => record === undefined ? undefined
      : Object.fromEntries(Object.entries(record).map(([p, v]) => [movedTo(p, run.files, paths), v]));
    const keys = renamed(run.keys);
    const policies = renamed(run.policies);
    return { ...run, answers, files: paths, ...(keys === undefined ? {} : { keys }), ...(policies === undefined ? {} : { policies }) };
  });
  return { manifest: { ...manifest, runs, files }, moved };
}

/** Where the file recorded at `p` (one of `before`) is after the moves (`after`, same order). */
function movedTo(p: string, before: readonly string[], after: readonly string[]): string {
  const i = before.indexOf(p);
  return i < 0 ? p : (after[i] ?? p);
}
