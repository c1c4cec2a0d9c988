/**
 * The base store: every file a generator run writes is also kept, exactly as rendered, under
 * `<out>/.harness-scaffold/base/<sha256>` — the sha256 the manifest already records for the file.
 * `update` merges against it, so the base never has to be re-rendered from an old kit version
 * (that needs the old kit installed, the network, or git history, and is where copier and cruft
 * break). Content-addressed, so identical renders share one file and a base can never be
 * silently replaced by other content. Safe to commit: it holds only what the generator rendered,
 * which is what the out dir held before anyone edited it; answers marked sensitive never reach a
 * template, and secrets are only ever references.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sha256 } from "./manifest.js";

export const BASE_DIR = ".harness-scaffold/base";

/** Relative path (inside the out dir) of the base of a file whose rendered text has this hash. */
export const basePath = (hash: string): string => `${BASE_DIR}/${hash}`;

/** The store entries for a set of rendered files. */
export function baseEntries(files: ReadonlyArray<{ text: string }>): Array<{ path: string; text: string }> {
  const seen = new Map<string, string>();
  for (const file of files) seen.set(basePath(sha256(file.text)), file.text);
  return [...seen].map(([p, text]) => ({ path: p, text }));
}

/** The recorded base with this hash, or undefined when the store does not have it (or it was altered). */
export async function readBase(outDir: string, hash: string): Promise<string | undefined> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return undefined;
  const text = await readFile(path.join(outDir, ...BASE_DIR.split("/"), hash), "utf8").catch(() => undefined);
  return text !== undefined && sha256(text) === hash ? text : undefined;
}
