/**
 * Nothing is ever written outside the out dir: not through `..` in a path, not through a
 * symlinked folder inside it, and never through an existing symlink at the target itself.
 */
import { lstat, realpath } from "node:fs/promises";
import path from "node:path";
import { KitError } from "../errors.js";

/** The absolute target of a relative POSIX path inside `outDir`, after checking it stays inside. */
export async function targetInside(outDir: string, relative: string, shownOut: string): Promise<string> {
  const parts = relative.split("/");
  if (path.isAbsolute(relative) || parts.some((p) => p === "" || p === "." || p === "..") || relative.includes("\\")) {
    throw escape(shownOut, relative, "it is not a plain relative path");
  }
  const target = path.join(outDir, ...parts);
  // Walk down from the out dir: every folder that exists must really be inside it.
  let current = outDir;
  for (const part of parts) {
    current = path.join(current, part);
    const stat = await lstat(current).catch(() => undefined);
    if (stat === undefined) break;
    if (stat.isSymbolicLink()) {
      const real = await realpath(current).catch(() => "(a broken link)");
      if (current === target) throw escape(shownOut, relative, `it is a symlink (to ${real}); remove it first`);
      // Only a symlink needs the out dir's real path (resolved here, not for every file).
      if (!isInside(await existingReal(outDir), real)) throw escape(shownOut, relative, `${path.relative(outDir, current)} is a symlink to ${real}, outside the out dir`);
    }
  }
  return target;
}

/** The real path of `dir`, or of its nearest existing ancestor joined with the rest. */
async function existingReal(dir: string): Promise<string> {
  const missing: string[] = [];
  let current = dir;
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return dir;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

function escape(shownOut: string, relative: string, why: string): KitError {
  return new KitError("E_IO", `refusing to write ${shownOut}/${relative}: ${why}`, {
    hint: "files are only ever written inside the --out directory",
  });
}
