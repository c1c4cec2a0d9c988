/**
 * `update --set`: which recorded run each changed answer goes to. With one run, that run; with
 * several, the run named by --generator/--identifier, or else the only run whose generator takes
 * the key. Anything ambiguous is refused, naming the candidates.
 */
import { KitError } from "../errors.js";
import type { ManifestRun } from "../write/manifest.js";
import type { RunRenderer } from "./renderer.js";

export interface RunTarget {
  generator?: string | undefined;
  identifier?: string | undefined;
}

const runName = (r: ManifestRun): string => `${r.generator} ${r.identifier}`;

/** For each run index, the answers `--set` changes in it. */
export function routeSets(runs: readonly ManifestRun[], sets: Record<string, unknown>, target: RunTarget, renderer: RunRenderer): Map<number, Record<string, unknown>> {
  const routed = new Map<number, Record<string, unknown>>();
  const add = (i: number, key: string, value: unknown): void => {
    routed.set(i, { ...(routed.get(i) ?? {}), [key]: value });
  };
  if (target.generator !== undefined || target.identifier !== undefined) {
    const i = runs.findIndex((r) => (target.generator === undefined || r.generator === target.generator) && (target.identifier === undefined || r.identifier === target.identifier));
    if (i < 0) {
      throw new KitError("E_USAGE", `no recorded run matches ${[target.generator, target.identifier].filter(Boolean).join(" ")}`, {
        hint: `the runs are: ${runs.map(runName).join(", ")}`,
      });
    }
    for (const [key, value] of Object.entries(sets)) add(i, key, value);
    return routed;
  }
  for (const [key, value] of Object.entries(sets)) {
    if (runs.length === 1) {
      add(0, key, value);
      continue;
    }
    const takers = runs.map((r, i) => ({ r, i })).filter(({ r }) => renderer.answerKeys(r).includes(key));
    if (takers.length === 1) {
      add((takers[0] as { i: number }).i, key, value);
      continue;
    }
    throw new KitError(
      "E_USAGE",
      takers.length === 0
        ? `--set ${key}: none of the recorded runs (${runs.map(runName).join(", ")}) takes the answer "${key}"`
        : `--set ${key}: ${takers.length} recorded runs take it (${takers.map(({ r }) => runName(r)).join(", ")})`,
      { hint: "name the run with --generator NAME --identifier ID" },
    );
  }
  return routed;
}
