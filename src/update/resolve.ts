/**
 * `--resolve ours|theirs` (every conflict) and `--resolve PATH=ours|theirs` (one conflict, PATH
 * being the Harness path shown for it, `›` or `>` between parts, or a file to settle all of its
 * conflicts). The most specific entry wins.
 */
import { KitError } from "../errors.js";
import { normalizePathText } from "../merge/path.js";
import type { Resolver } from "../merge/types.js";

type Side = "ours" | "theirs";

export interface Resolution {
  resolver: Resolver | undefined;
  /** Entries that matched no conflict (reported so a typo does not pass unnoticed). */
  unused(): string[];
}

export function parseResolve(values: readonly string[], shownOut: string): Resolution {
  let all: Side | undefined;
  const byPath = new Map<string, { side: Side; raw: string; used: boolean }>();
  for (const raw of values) {
    if (raw === "ours" || raw === "theirs") {
      all = raw;
      continue;
    }
    const eq = raw.lastIndexOf("=");
    const side = raw.slice(eq + 1);
    const target = raw.slice(0, eq).trim();
    if (eq < 0 || (side !== "ours" && side !== "theirs") || target === "") {
      throw new KitError("E_USAGE", `--resolve "${raw}" is not ours, theirs or PATH=ours|theirs`, {
        hint: 'e.g. --resolve theirs, or --resolve "stage deploy_prod > step rollingDeployment > timeout=ours"',
      });
    }
    byPath.set(normalizePathText(target), { side, raw, used: false });
  }
  if (all === undefined && byPath.size === 0) return { resolver: undefined, unused: () => [] };
  const fileKey = (file: string): string[] => {
    const rel = file.startsWith(`${shownOut}/`) ? file.slice(shownOut.length + 1) : file;
    return [file, rel];
  };
  return {
    resolver: (conflict) => {
      const exact = byPath.get(normalizePathText(conflict.path)) ?? fileKey(conflict.file).map((f) => byPath.get(f)).find((e) => e !== undefined);
      if (exact !== undefined) {
        exact.used = true;
        return exact.side;
      }
      return all;
    },
    unused: () => [...byPath.values()].filter((e) => !e.used).map((e) => e.raw),
  };
}
