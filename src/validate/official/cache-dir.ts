/**
 * Where downloaded schemas and compiled validators live between runs. Only the caller's `env` is
 * consulted (never the process's), so tests and embedders decide where the kit writes.
 */
import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface CacheDirOptions {
  cwd: string;
  /** An explicit directory (relative to cwd) wins over everything else. */
  cacheDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/** The kit's folder inside the user's cache directory. */
const APP_DIR = "harness-scaffold";

/**
 * `cacheDir` if given; else `$XDG_CACHE_HOME/harness-scaffold`; else `~/.cache/harness-scaffold`
 * (home from `HOME`, then `USERPROFILE`, then the OS).
 */
export function resolveCacheDir(options: CacheDirOptions): string {
  if (options.cacheDir !== undefined && options.cacheDir !== "") return path.resolve(options.cwd, options.cacheDir);
  const env = options.env ?? {};
  // The XDG spec ignores relative values; so do we.
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== undefined && path.isAbsolute(xdg)) return path.join(xdg, APP_DIR);
  const home = env.HOME || env.USERPROFILE || os.homedir();
  return path.join(home, ".cache", APP_DIR);
}

/**
 * Writes through a temporary file in the same directory and renames it into place, so a reader (or a
 * second kit process) sees either the old file, no file, or the whole new one — never half of it.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
