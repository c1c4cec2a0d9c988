/** Shared pieces of the generate tests: temp dirs, reading an out dir, normalising, digging. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/generate");

export function tempDir(prefix = "hs-gen-"): { dir: string; done: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Every file under `root` as relative POSIX path → text. The base store (`.harness-scaffold/`,
 * copies of what was rendered, kept for `update`) is left out unless asked for.
 */
export function readTree(root: string, options: { withBases?: boolean } = {}): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (name === ".harness-scaffold" && options.withBases !== true) continue;
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join("/")] = readFileSync(full, "utf8");
    }
  };
  walk(root);
  return files;
}

/** What may differ between machines and releases but not between runs: the kit version. */
export function normalise(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([file, text]) => [
      file,
      text.replace(/\r\n/g, "\n").replace(/("kitVersion": )"[^"]*"/, '$1"<kit-version>"'),
    ]),
  );
}

/** Follows a dotted path (array indexes as numbers) through parsed YAML/JSON. */
export function dig(value: unknown, dotted: string): unknown {
  return dotted
    .split(".")
    .reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), value);
}

/** Every string value anywhere in a parsed document, with its dotted path. */
export function strings(value: unknown, at = ""): Array<[string, string]> {
  if (typeof value === "string") return [[at, value]];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => strings(v, at === "" ? k : `${at}.${k}`));
}

/** Every key path in a parsed document (to show an answer added no key). */
export function keyPaths(value: unknown, at = ""): string[] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const here = at === "" ? k : `${at}.${k}`;
    return [here, ...keyPaths(v, here)];
  });
}
