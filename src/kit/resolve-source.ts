/**
 * `--kit DIR|PACKAGE` → the kit's folder and kit.yaml. A folder (or a kit.yaml path) is used as
 * is; anything else is an npm package installed in the project around cwd, whose package.json
 * says `"harness-scaffold": { "kit": "<path to kit.yaml>" }` or which has kit.yaml at its root.
 */
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { KitError } from "../errors.js";

export const KIT_FILE = "kit.yaml";

export interface ResolvedKitPath {
  /** Real (symlink-free) folder of the kit. */
  dir: string;
  file: string;
  /** Found as an installed npm package (recorded by name), not a folder. */
  fromPackage?: boolean;
}

const looksLikePath = (s: string): boolean => s.startsWith(".") || s.startsWith("/") || path.isAbsolute(s) || s.includes("\\");

export function resolveKitSource(source: string, cwd: string): ResolvedKitPath {
  if (source.trim() === "") throw new KitError("E_USAGE", "--kit needs a folder or an npm package name");
  const local = path.resolve(cwd, source);
  if (looksLikePath(source) || existsSync(local)) return fromPath(local, source);
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(source)) {
    throw new KitError("E_INPUT", `--kit ${source}: no such folder, and not an npm package name`, {
      hint: "give the folder holding kit.yaml, or the name of an installed npm package",
    });
  }
  return fromPackage(source, cwd);
}

function real(p: string, shown: string): string {
  try {
    return realpathSync(p);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ELOOP") throw new KitError("E_INPUT", `kit ${shown}: the path is a symlink loop`, { hint: "point --kit at a real folder" });
    throw new KitError("E_INPUT", `kit ${shown}: no such folder`, { hint: "give the folder holding kit.yaml (harness-scaffold kit init DIR makes one)" });
  }
}

function fromPath(absolute: string, shown: string): ResolvedKitPath {
  const target = real(absolute, shown);
  const isFile = statSync(target).isFile();
  const dir = isFile ? path.dirname(target) : target;
  const file = isFile ? target : path.join(dir, KIT_FILE);
  if (!existsSync(file)) {
    throw new KitError("E_INPUT", `kit ${shown}: no ${KIT_FILE} in the folder`, {
      hint: "a kit is a folder with kit.yaml and templates/; harness-scaffold kit init DIR writes a starter",
    });
  }
  return { dir, file };
}

function fromPackage(name: string, cwd: string): ResolvedKitPath {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const pkgDir = path.join(dir, "node_modules", ...name.split("/"));
    const manifest = path.join(pkgDir, "package.json");
    if (existsSync(manifest)) {
      let declared: unknown;
      try {
        declared = (JSON.parse(readFileSync(manifest, "utf8")) as { "harness-scaffold"?: { kit?: unknown } })["harness-scaffold"]?.kit;
      } catch {
        throw new KitError("E_INPUT", `package ${name}: its package.json does not parse`);
      }
      if (declared !== undefined && typeof declared !== "string") {
        throw new KitError("E_INPUT", `package ${name}: "harness-scaffold.kit" in package.json must be the path of its kit.yaml`);
      }
      const kitFile = path.resolve(pkgDir, declared ?? KIT_FILE);
      const inside = path.relative(pkgDir, kitFile);
      if (inside.startsWith("..") || path.isAbsolute(inside)) {
        throw new KitError("E_INPUT", `package ${name}: "harness-scaffold.kit" points outside the package`);
      }
      if (!existsSync(kitFile)) {
        throw new KitError("E_INPUT", `package ${name} is not a kit: no ${declared ?? KIT_FILE} in it`, {
          hint: 'a kit package has kit.yaml at its root, or "harness-scaffold": { "kit": "path/to/kit.yaml" } in package.json',
        });
      }
      return { ...fromPath(kitFile, name), fromPackage: true };
    }
    if (path.dirname(dir) === dir) break;
  }
  throw new KitError("E_INPUT", `--kit ${name}: no such folder, and no package ${name} installed around ${cwd}`, {
    hint: `install it first (npm install ${name}), or give the kit's folder`,
  });
}
