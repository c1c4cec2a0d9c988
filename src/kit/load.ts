/**
 * Loading a kit: find its folder, read and check kit.yaml, make sure every template it names is
 * there (and small, and inside the kit), compile its expressions. Anything wrong is a bad kit
 * (E_INPUT, exit 2) listing every problem at its place; nothing from the kit is ever run as code.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { KitError } from "../errors.js";
import type { TemplateSet, TemplateSource } from "../render/templates.js";
import type { KitIssue } from "./kit-yaml.js";
import { readKitYaml } from "./kit-yaml.js";
import { isExpression, parseKit } from "./parse-kit.js";
import type { IncludeLink, IncludeLoader } from "./include.js";
import { addIncludes, includingTemplates } from "./include.js";
import type { ResolvedKitPath } from "./resolve-source.js";
import { resolveKitSource } from "./resolve-source.js";
import { toGeneratorSpec } from "./to-spec.js";
import type { Kit } from "./types.js";

/** Larger files are refused before reading: a kit is a few kilobytes of text. */
export const MAX_KIT_FILE_BYTES = 1024 * 1024;
export const TEMPLATES_DIR = "templates";

export interface LoadKitOptions {
  cwd: string;
}

const shownFrom = (cwd: string, absolute: string): string => {
  const rel = path.relative(cwd, absolute);
  return (rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? absolute : rel).split(path.sep).join("/");
};

/** Reads a kit file as UTF-8 text, refusing huge or binary files with their size or reason. */
export function readKitText(file: string, shown: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new KitError("E_INPUT", `${shown}: ${code === "ELOOP" ? "a symlink loop" : "no such file"}`, { cause });
  }
  if (size > MAX_KIT_FILE_BYTES) {
    throw new KitError("E_INPUT", `${shown} is ${(size / 1024 / 1024).toFixed(1)} MB; a kit file may be at most 1 MB`, {
      hint: "templates and kit.yaml are small text files; remove generated or binary content from the kit",
    });
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
  } catch {
    throw new KitError("E_INPUT", `${shown} is not UTF-8 text`, { hint: "save kit files as UTF-8" });
  }
}

export function kitError(issues: readonly KitIssue[], shownFile: string): KitError {
  const lines = issues.map((i) => `${i.at}: ${i.message}`);
  const message = lines.length === 1 ? (lines[0] ?? "") : `${lines.length} problems in the kit ${shownFile}:\n${lines.map((l) => `  - ${l}`).join("\n")}`;
  return new KitError("E_INPUT", message, {
    hint: `run "harness-scaffold kit check ${path.dirname(shownFile)}" for every problem; the README's "Write your own kit" has the format`,
    details: { problems: issues },
  });
}

/** The kit's templates/ as a TemplateSet: plain relative ids, files inside the kit only. */
export function kitTemplates(dir: string, cwd: string): TemplateSet & { exists(id: string): string | undefined } {
  const root = path.join(dir, TEMPLATES_DIR);
  const cache = new Map<string, TemplateSource>();
  const locate = (id: string): { file: string; shown: string; problem?: string } => {
    const file = path.join(root, ...id.split("/"));
    const shown = shownFrom(cwd, file);
    if (id.split("/").some((p) => p === ".." || p === "." || p === "") || path.isAbsolute(id)) return { file, shown, problem: `template "${id}" must be a plain path inside templates/` };
    let realFile: string;
    try {
      realFile = realpathSync(file);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      return { file, shown, problem: code === "ELOOP" ? `template ${shown} is a symlink loop` : `template ${shown} does not exist` };
    }
    const rel = path.relative(dir, realFile);
    if (rel.startsWith("..") || path.isAbsolute(rel)) return { file, shown, problem: `template ${shown} links outside the kit` };
    if (!statSync(realFile).isFile()) return { file, shown, problem: `template ${shown} is not a file` };
    return { file: realFile, shown };
  };
  return {
    exists: (id) => locate(id).problem,
    read(id) {
      const cached = cache.get(id);
      if (cached !== undefined) return cached;
      const { file, shown, problem } = locate(id);
      if (problem !== undefined) throw new KitError("E_INPUT", problem);
      const source: TemplateSource = { id, shown, text: readKitText(file, shown), hint: "fix the kit's template; harness-scaffold kit check finds most mistakes" };
      cache.set(id, source);
      return source;
    },
    // What `choicesFrom: pipeline-templates` offers: templates/pipeline/<name>.yaml.hbs.
    pipelineTemplates: () => {
      const dir = path.join(root, "pipeline");
      if (!existsSync(dir)) return [];
      return readdirSync(dir).filter((f) => f.endsWith(".yaml.hbs")).map((f) => f.slice(0, -".yaml.hbs".length)).sort();
    },
  };
}

/** Loads the kit `source` (folder, kit.yaml path or installed npm package name). */
export function loadKit(source: string, options: LoadKitOptions): Kit {
  const resolved = resolveKitSource(source, options.cwd);
  return loadResolvedKit(resolved, source, options.cwd, [{ file: resolved.file, shown: shownFrom(options.cwd, resolved.file) }]);
}

/**
 * Loads a kit already found; `chain` holds the kits including it, outermost first, ending with it
 * (include.ts: a kit met again is a cycle). Paths in messages are shown from `cwd`.
 */
export function loadResolvedKit(resolved: ResolvedKitPath, source: string, cwd: string, chain: readonly IncludeLink[]): Kit {
  const { dir, file, fromPackage } = resolved;
  const shownFile = shownFrom(cwd, file);
  const yaml = readKitYaml(readKitText(file, shownFile), shownFile);
  if (yaml.errors.length > 0) throw kitError(yaml.errors, shownFile);
  const { definition, issues } = parseKit(yaml);
  const own = kitTemplates(dir, cwd);
  for (const gen of definition.generators) {
    for (const f of gen.files.filter((file) => !isExpression(file.template))) {
      const problem = own.exists(f.template);
      if (problem !== undefined) issues.push({ at: f.at, message: problem });
    }
  }
  const specs = definition.generators.map((g) => toGeneratorSpec(g, issues));
  const load: IncludeLoader = (r, s, c) => loadResolvedKit(r, s, cwd, c);
  const included = addIncludes(yaml, definition, specs, { dir, cwd, chain, load }, issues);
  if (issues.length > 0) throw kitError(issues, shownFile);
  for (const gen of definition.generators) for (const f of gen.files) if (!isExpression(f.template)) own.read(f.template);
  const templates = includingTemplates(own, included);
  return { ...definition, origin: { source, dir, shownFile, ...(fromPackage === true ? { fromPackage } : {}) }, templates, specs };
}
