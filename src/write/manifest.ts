/**
 * The out dir's manifest, harness-scaffold.json: which generator runs wrote which files, with
 * their answers (minus anything sensitive) and each file's sha256. Several runs share one out
 * dir, so a run merges its entry into what is there instead of replacing the manifest.
 */
import { createHash } from "node:crypto";
import { KitError } from "../errors.js";

export interface ManifestRun {
  generator: string;
  /** Identifier of the run's main entity; a run with the same generator and identifier replaces it. */
  identifier: string;
  answers: Record<string, unknown>;
  files: string[];
  /** Runs of a kit's generator (absent for the built-ins): which kit, so the run can be re-rendered. */
  kit?: { name: string; version: string; source: string };
  /** Kit files whose policy is not the default `managed`: path → once | enforced. */
  policies?: Record<string, string>;
  /** Kit `each` files: path → the element's key. */
  keys?: Record<string, string>;
}

export interface Manifest {
  kit: "harness-scaffold";
  kitVersion: string;
  runs: ManifestRun[];
  files: Record<string, { sha256: string; generator: string }>;
}

export const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** Parses the manifest on disk; undefined when there is none. A broken one is an error unless forced. */
export function readManifest(text: string | undefined, shown: string, force: boolean): Manifest | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<Manifest>;
    if (value.kit === "harness-scaffold" && Array.isArray(value.runs) && typeof value.files === "object" && value.files !== null) {
      return value as Manifest;
    }
  } catch {
    // fall through to the error below
  }
  if (force) return undefined;
  throw new KitError("E_CONFLICT", `${shown} is not a harness-scaffold manifest; refusing to replace it`, {
    hint: "move it away, or re-run with --force to replace it",
  });
}

/** The manifest after one run: its entry replaced or appended, its files' hashes updated. */
export function mergeManifest(
  previous: Manifest | undefined,
  kitVersion: string,
  run: ManifestRun,
  files: ReadonlyArray<{ path: string; text: string }>,
): Manifest {
  const same = (r: ManifestRun): boolean => r.generator === run.generator && r.identifier === run.identifier;
  const runs = [...(previous?.runs ?? [])];
  const at = runs.findIndex(same);
  if (at >= 0) runs[at] = run;
  else runs.push(run);
  const merged: Record<string, { sha256: string; generator: string }> = { ...(previous?.files ?? {}) };
  for (const file of files) merged[file.path] = { sha256: sha256(file.text), generator: run.generator };
  const sorted = Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k] as { sha256: string; generator: string }]));
  return { kit: "harness-scaffold", kitVersion, runs, files: sorted };
}

export const manifestText = (manifest: Manifest): string => `${JSON.stringify(manifest, null, 2)}\n`;
