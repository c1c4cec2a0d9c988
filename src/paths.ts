/**
 * Locations inside the installed package. The compiled code runs from dist/src/…, the sources
 * (tests, tsx) from src/…; both find the package root by walking up to package.json.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "templates"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`harness-scaffold: package root not found above ${start}`);
    dir = parent;
  }
}

export const packageRoot: string = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
export const builtinTemplatesDir: string = path.join(packageRoot, "templates");

let cachedVersion: string | undefined;
export function kitVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string })
    .version;
  return cachedVersion;
}
