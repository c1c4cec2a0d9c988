/**
 * The sha256 of a schema file without reading it on every run. Reading and hashing the 3.4 MB
 * bundle was ~25 ms of each cached run; like git's index, the kit remembers the hash together with
 * the file's stat data (size, mtime and ctime in nanoseconds, inode, device) and trusts it only while
 * all of them are unchanged. Any write to the file changes its ctime, which no tool can set back.
 *
 * The stat data is taken before the file is read and again after: a file that changed meanwhile is
 * not remembered. Nor is one written to less than RACY_MS before (the "racy" case git also guards
 * against: on file systems with coarse timestamps a quick second write keeps the same mtime).
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { BigIntStats } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "./cache-dir.js";

interface Fingerprint {
  file: string;
  stat: string;
  sha256: string;
  /** When the hash was taken, in ms since the epoch. */
  hashedAt: number;
}

const RACY_MS = 3000;

function fingerprintPath(cacheDir: string, file: string): string {
  const name = createHash("sha256").update(file).digest("hex").slice(0, 32);
  return path.join(cacheDir, "official-schema", "fingerprints", `${name}.json`);
}

function statKey(s: BigIntStats): string {
  return [s.size, s.mtimeNs, s.ctimeNs, s.ino, s.dev].join(":");
}

/** The stat data a fingerprint is made of, taken before the file is read. */
export interface StatBeforeRead {
  key: string;
  at: number;
}

export async function statBeforeRead(file: string): Promise<StatBeforeRead | undefined> {
  const at = Date.now();
  return stat(file, { bigint: true }).then(
    (s) => (Number(s.mtimeMs) < at - RACY_MS ? { key: statKey(s), at } : undefined),
    () => undefined,
  );
}

/** The remembered sha256 of `file` (absolute), or undefined when it may have changed since. */
export async function rememberedSha256(file: string, cacheDir: string): Promise<string | undefined> {
  try {
    const [text, now] = await Promise.all([readFile(fingerprintPath(cacheDir, file), "utf8"), stat(file, { bigint: true })]);
    const remembered = JSON.parse(text) as Partial<Fingerprint>;
    if (remembered.file === file && remembered.stat === statKey(now) && typeof remembered.sha256 === "string") return remembered.sha256;
  } catch {
    // No fingerprint yet, a damaged one, or no file: hash it.
  }
  return undefined;
}

/**
 * Remembers the sha256 of the bytes read from `file` after `before` was taken, if the file has not
 * changed since (same stat data) and had not been written to for RACY_MS before it.
 */
export async function rememberSha256(file: string, cacheDir: string, sha256: string, before: StatBeforeRead): Promise<void> {
  try {
    const after = await stat(file, { bigint: true });
    if (statKey(after) !== before.key) return;
    const fingerprint: Fingerprint = { file, stat: before.key, sha256, hashedAt: before.at };
    await writeFileAtomic(fingerprintPath(cacheDir, file), JSON.stringify(fingerprint));
  } catch {
    // Only a later run's speed depends on it.
  }
}
