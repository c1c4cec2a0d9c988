/**
 * Where templates come from: the built-in `templates/` folder, overridden file by file (by
 * relative path) by a user's `--templates DIR`, which may also add new pipeline templates.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { KitError } from "../errors.js";
import { builtinTemplatesDir } from "../paths.js";

export interface TemplateSource {
  /** Relative POSIX id, e.g. `pipeline/cd-kubernetes.yaml.hbs`. */
  id: string;
  /** Where it was read from, for messages: `templates/…` or the override file's path. */
  shown: string;
  text: string;
  /** How to fix a template that fails (kits say "fix the kit's template"). */
  hint?: string;
}

export interface TemplateSet {
  read(id: string): TemplateSource;
  /** Names (file names without `.yaml.hbs`) of the pipeline templates, built in and added. */
  pipelineTemplates(): string[];
}

const PIPELINE_DIR = "pipeline";
const PIPELINE_SUFFIX = ".yaml.hbs";

export function templateSet(options: { cwd: string; templatesDir?: string | undefined }): TemplateSet {
  const overrideDir = options.templatesDir === undefined ? undefined : path.resolve(options.cwd, options.templatesDir);
  if (overrideDir !== undefined && !(existsSync(overrideDir) && statSync(overrideDir).isDirectory())) {
    throw new KitError("E_INPUT", `--templates ${options.templatesDir}: no such directory`, {
      hint: "point --templates at a folder laid out like the built-in templates/, e.g. DIR/pipeline/cd-kubernetes.yaml.hbs",
    });
  }
  const cache = new Map<string, TemplateSource>();
  const shownOverride = (file: string): string => path.relative(options.cwd, file) || file;

  return {
    read(id) {
      const cached = cache.get(id);
      if (cached !== undefined) return cached;
      const parts = id.split("/");
      if (parts.some((p) => p === ".." || p === "" || p === ".")) {
        throw new KitError("E_TEMPLATE", `template id "${id}" is not a plain relative path`);
      }
      const override = overrideDir === undefined ? undefined : path.join(overrideDir, ...parts);
      let source: TemplateSource;
      if (override !== undefined && existsSync(override)) {
        source = { id, shown: shownOverride(override), text: readFileSync(override, "utf8") };
      } else {
        const builtin = path.join(builtinTemplatesDir, ...parts);
        if (!existsSync(builtin)) throw new KitError("E_TEMPLATE", `template ${id} not found`);
        source = { id, shown: `templates/${id}`, text: readFileSync(builtin, "utf8") };
      }
      cache.set(id, source);
      return source;
    },
    pipelineTemplates() {
      const names = new Set(listPipelineTemplates(builtinTemplatesDir));
      if (overrideDir !== undefined) for (const name of listPipelineTemplates(overrideDir)) names.add(name);
      return [...names].sort();
    },
  };
}

function listPipelineTemplates(root: string): string[] {
  const dir = path.join(root, PIPELINE_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(PIPELINE_SUFFIX))
    .map((f) => f.slice(0, -PIPELINE_SUFFIX.length))
    .filter((name) => /^[a-z0-9][a-z0-9-]*$/.test(name));
}

export const pipelineTemplateId = (name: string): string => `${PIPELINE_DIR}/${name}${PIPELINE_SUFFIX}`;
