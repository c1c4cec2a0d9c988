/**
 * The library entry of generation: answers → render → validate → files on disk. Returns what it
 * did (or, with dryRun, would do) as data; it prints nothing.
 */
import path from "node:path";
import { resolveAnswers } from "../answers/resolve.js";
import type { AnswerValue } from "../answers/spec.js";
import { KitError } from "../errors.js";
import { MANIFEST_FILE } from "../layout.js";
import { kitVersion } from "../paths.js";
import { renderJobs } from "../render/render.js";
import { templateSet } from "../render/templates.js";
import type { Issue } from "../validate/types.js";
import { baseEntries } from "../write/base-store.js";
import { commitChanges } from "../write/commit.js";
import type { FileAction } from "../write/changes.js";
import { diffChanges, planChanges } from "../write/changes.js";
import type { ManifestRun } from "../write/manifest.js";
import { manifestText, mergeManifest, readManifest } from "../write/manifest.js";
import type { RenderRunResult } from "../kit/render-run.js";
import { renderRun } from "../kit/render-run.js";
import { kitRecord } from "../kit/record.js";
import type { Kit } from "../kit/types.js";
import { findGenerator } from "./registry.js";
import { validateRendered } from "./validate-step.js";

export interface GenerateOptions {
  generator: string;
  answers: Record<string, unknown>;
  outDir: string;
  cwd: string;
  /** Overrides or additions to the built-in templates, by relative path. */
  templatesDir?: string;
  /** Overwrite files whose content differs. */
  force?: boolean;
  /** Work out everything, write nothing; files carry a unified diff against the disk (conflicts are reported, not refused). */
  dryRun?: boolean;
  /** Fill missing answers from defaults (default true); false makes every prompted answer required. */
  useDefaults?: boolean;
  /** Run a generator of this kit (see loadKit) instead of a built-in one. */
  kit?: Kit;
}

export interface GeneratedFile {
  /** Relative to outDir, POSIX separators. */
  path: string;
  action: FileAction;
  diff?: string;
}

export interface GenerateResult {
  generator: string;
  outDir: string;
  answers: Record<string, unknown>;
  derived: Array<{ key: string; value: string }>;
  files: GeneratedFile[];
  /** Validation warnings about the rendered files (errors stop the run instead). */
  issues?: Issue[];
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { spec, answers, derived, files: rendered } = renderGenerator(options);
  const outDir = path.resolve(options.cwd, options.outDir);
  const shownOut = shownPath(options.cwd, outDir);

  const issues = await validateRendered(rendered, outDir, shownOut);
  // A `once` file that exists already belongs to its team now: left as it is.
  const changes = (await planChanges(rendered, outDir, shownOut)).map((c, i) =>
    rendered[i]?.policy === "once" && c.before !== undefined ? { ...c, text: c.before, action: "unchanged" as const } : c,
  );
  const conflicts = changes.filter((c) => c.action === "update");
  if (conflicts.length > 0 && !options.force && !options.dryRun) {
    const names = conflicts.map((c) => `${shownOut}/${c.path}`);
    throw new KitError("E_CONFLICT", `${names.length === 1 ? "a file already exists" : `${names.length} files already exist`} with other content:\n${names.map((n) => `  ${n}`).join("\n")}`, {
      hint: "re-run with --force to overwrite, or --dry-run to see the differences",
      details: { files: names },
    });
  }

  const [manifestChange] = await planChanges([{ path: MANIFEST_FILE, text: "" }], outDir, shownOut);
  const previous = readManifest(manifestChange?.before, `${shownOut}/${MANIFEST_FILE}`, options.force === true);
  const recorded = Object.fromEntries(
    spec.answers.filter((s) => s.sensitive !== true && answers[s.key] !== undefined).map((s) => [s.key, answers[s.key] as AnswerValue]),
  );
  const run: ManifestRun = {
    generator: spec.name,
    identifier: String(answers.identifier ?? ""),
    answers: recorded,
    files: rendered.map((f) => f.path),
  };
  if (options.kit !== undefined) Object.assign(run, kitRecord(options.kit, rendered, outDir));
  // Hashes of what was rendered: the base store (write/base-store.ts) keeps each text for `update`.
  const manifest = mergeManifest(previous, kitVersion(), run, rendered);
  const bases = await planChanges(baseEntries(rendered), outDir, shownOut);
  const all = [...changes, ...bases, ...(await planChanges([{ path: MANIFEST_FILE, text: manifestText(manifest) }], outDir, shownOut))];

  const diffs = options.dryRun ? await diffChanges(all.filter((c) => !bases.includes(c)), shownOut) : undefined;
  if (!options.dryRun) await commitChanges(all, shownOut);
  const shownChanges = all.filter((c) => !bases.includes(c));
  const files = shownChanges.map((c): GeneratedFile => {
    const diff = diffs?.get(c.path);
    return diff === undefined ? { path: c.path, action: c.action } : { path: c.path, action: c.action, diff };
  });
  const result: GenerateResult = { generator: spec.name, outDir, answers: recorded, derived, files };
  if (issues.length > 0) result.issues = issues;
  return result;
}

function renderGenerator(options: GenerateOptions): RenderRunResult {
  if (options.kit !== undefined) return renderRun(options.kit, options.generator, options.answers, { useDefaults: options.useDefaults ?? true });
  const spec = findGenerator(options.generator);
  const templates = templateSet({ cwd: options.cwd, templatesDir: options.templatesDir });
  const ctx = { pipelineTemplates: templates.pipelineTemplates() };
  const { answers, derived } = resolveAnswers(spec.answers, { values: options.answers, origins: {} }, {
    generator: spec.name,
    ctx,
    useDefaults: options.useDefaults ?? true,
  });
  return { spec, answers, derived, files: renderJobs(spec.files(answers), templates) };
}

/** The out dir as the user would write it: relative to cwd when inside it, else absolute. */
export function shownPath(cwd: string, absolute: string): string {
  const rel = path.relative(cwd, absolute);
  if (rel === "") return ".";
  return rel.startsWith("..") || path.isAbsolute(rel) ? absolute.split(path.sep).join("/") : rel.split(path.sep).join("/");
}
