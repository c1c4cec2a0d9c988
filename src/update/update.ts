/**
 * `update`: renders every run recorded in the out dir's manifest again (recorded answers, with
 * `--set` changes), merges each file three ways (recorded base, the team's file, the new render)
 * and writes the result all or nothing: one conflict left, or one validation error, and nothing
 * is written. Returns what it did (or would do) as data; it prints nothing.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { KitError } from "../errors.js";
import { shownPath } from "../generate/generate.js";
import { validateRendered } from "../generate/validate-step.js";
import { MANIFEST_FILE } from "../layout.js";
import type { Conflict } from "../merge/types.js";
import { kitVersion } from "../paths.js";
import { basePath, baseEntries, readBase } from "../write/base-store.js";
import type { FileChange } from "../write/changes.js";
import { diffChanges, planChanges } from "../write/changes.js";
import { commitChanges } from "../write/commit.js";
import type { Manifest, ManifestRun } from "../write/manifest.js";
import { manifestText, readManifest, sha256 } from "../write/manifest.js";
import type { FilePlan, FilePolicy } from "./file-plan.js";
import { planFile } from "./file-plan.js";
import type { RunRenderer } from "./renderer.js";
import { migrateManifest } from "./migrate.js";
import { BUILTIN_KIT_NAME, builtinRenderer, checkGivenKit } from "./renderer.js";
import type { Kit } from "../kit/types.js";
import { parseResolve } from "./resolve.js";
import { runCause, runOfPaths } from "./cause.js";
import { findSources, takenConflict } from "./sources.js";
import { fileChangesOf, readDisk } from "./write-plan.js";
import type { RunTarget } from "./set-answers.js";
import { routeSets } from "./set-answers.js";

export interface UpdateOptions {
  cwd: string;
  outDir: string;
  /** Answer changes (`--set key=value`), by key. */
  set?: Record<string, string>;
  target?: RunTarget;
  templatesDir?: string | undefined;
  /** `--kit`: a newer version of the kit the runs were recorded with. */
  kit?: Kit | undefined;
  /** Another source of renders (a kit); default: the built-in generators. */
  renderer?: RunRenderer;
  /** `ours`, `theirs` or `PATH=ours|theirs` entries. */
  resolve?: readonly string[];
  /** Work everything out, write nothing (also what `--check` does). */
  dryRun?: boolean;
}

export interface UpdatedFile extends Omit<FilePlan, "text" | "before" | "conflicts"> {
  diff?: string;
}

export interface UpdateResult {
  outDir: string;
  shownOut: string;
  runs: Array<{ generator: string; identifier: string }>;
  files: UpdatedFile[];
  /** Conflicts still standing (nothing was written), and those --resolve settled. */
  conflicts: Conflict[];
  /** The versions of each conflicted file, for --conflicts-dir. */
  conflicted: Array<{ path: string; base: string | undefined; ours: string; theirs: string }>;
  /** Things the user should know that are not conflicts. */
  notes: string[];
  /** Any file (entity files or the manifest) would change. */
  changed: boolean;
  written: boolean;
}

export async function update(options: UpdateOptions): Promise<UpdateResult> {
  const outDir = path.resolve(options.cwd, options.outDir);
  const shownOut = shownPath(options.cwd, outDir);
  const shownManifest = `${shownOut}/${MANIFEST_FILE}`;
  const manifestBefore = await readFile(path.join(outDir, MANIFEST_FILE), "utf8").catch(() => undefined);
  const recorded = readManifest(manifestBefore, shownManifest, true);
  if (recorded === undefined && manifestBefore !== undefined) {
    throw new KitError("E_INPUT", `${shownManifest} is not a harness-scaffold manifest (it does not parse, or has no runs and files)`, {
      hint: "restore it from version control; update needs the runs it records",
    });
  }
  if (recorded === undefined) {
    throw new KitError("E_INPUT", `${shownManifest} not found: update works on an out dir written by "harness-scaffold new"`, {
      hint: "give the out dir with --out DIR (default .harness)",
    });
  }
  if (options.kit !== undefined) checkGivenKit(options.kit, recorded.runs, shownManifest);
  // A newer kit's migrations: renamed answers, moved files (the team's files move when written).
  const { manifest, moved } = migrateManifest(recorded, options.kit, BUILTIN_KIT_NAME);
  const renderer = options.renderer ?? builtinRenderer({ cwd: options.cwd, outDir, templatesDir: options.templatesDir, kit: options.kit });
  const routed = routeSets(manifest.runs, options.set ?? {}, options.target ?? {}, renderer);

  // Render every run again; a file two runs render (a shared connector) takes the later run's text.
  const theirs = new Map<string, { text: string; generator: string; policy?: FilePolicy | undefined }>();
  const renderedFiles: Array<Array<{ path: string; key?: string | undefined }>> = [];
  const runs: ManifestRun[] = manifest.runs.map((run, i) => {
    const sets = routed.get(i) ?? {};
    const origins = Object.fromEntries(Object.keys(sets).map((k) => [k, `--set ${k}`]));
    const rendered = renderer.render(run, { ...run.answers, ...sets }, origins);
    for (const file of rendered.files) theirs.set(file.path, { text: file.text, generator: run.generator, policy: file.policy });
    renderedFiles.push(rendered.files);
    const identifier = typeof rendered.answers.identifier === "string" ? rendered.answers.identifier : run.identifier;
    // A kit run records the kit, policies and keys of this render (a newer kit, changed lists).
    const { kit: _k, policies: _p, keys: _keys, ...plain } = run;
    const base = rendered.record === undefined ? run : { ...plain, ...rendered.record };
    return { ...base, identifier, answers: rendered.answers, files: rendered.files.map((f) => f.path) };
  });

  const resolution = parseResolve(options.resolve ?? [], shownOut);
  const oldPaths = new Set(manifest.runs.flatMap((r) => r.files));
  const sources = findSources(manifest.runs, renderedFiles, moved);
  const disk = await readDisk(outDir, shownOut);
  const plans: FilePlan[] = [];
  const conflicted: UpdateResult["conflicted"] = [];
  const movedFrom = new Map<string, string>();
  /** Bases read (and checked against their hash) from the store: already there for the next manifest. */
  const stored = new Set<string>();
  const paths = [...new Set([...oldPaths, ...theirs.keys()])].sort();
  // Read every file and base at once: the reads overlap instead of queueing one by one.
  const bases = new Map<string, Promise<string | undefined>>();
  const readStored = (hash: string): Promise<string | undefined> => bases.get(hash) ?? bases.set(hash, readBase(outDir, hash)).get(hash) as Promise<string | undefined>;
  await Promise.all([...paths, ...moved.values(), ...[...sources.of.values()].flatMap((s) => (s.disk === null ? [] : [s.disk]))].map(disk));
  await Promise.all(Object.values(manifest.files).map((f) => readStored(f.sha256)));
  for (const file of paths) {
    // An element that now lives at another path is merged there; its old path is emptied.
    if (!theirs.has(file) && sources.vacated.has(file)) continue;
    const source = sources.of.get(file) ?? { disk: file, base: file };
    let ours: string | undefined;
    if (source.disk === file) ours = await disk(file);
    else if (source.disk !== null) {
      // A migration's move the team already made by hand: their file is at the new path.
      const already = moved.get(file) === source.disk ? await disk(file) : undefined;
      ours = already ?? (await disk(source.disk));
      if (already === undefined && ours !== undefined) movedFrom.set(file, source.disk);
    }
    const hash = source.base === null ? undefined : manifest.files[source.base]?.sha256;
    const wasRendered = source.base !== null && oldPaths.has(source.base);
    const base = wasRendered && hash !== undefined ? await readStored(hash) : undefined;
    if (base !== undefined && hash !== undefined) stored.add(hash);
    const plan = planFile({
      path: file, shown: `${shownOut}/${file}`, wasRendered, base,
      ours, theirs: theirs.get(file)?.text, resolve: resolution.resolver,
      // The new render's policy decides (the manifest records it as the kit now says).
      policy: theirs.get(file)?.policy,
    });
    const gone = sources.taken.get(file);
    if (gone !== undefined) plan.conflicts.push(...(await takenConflict(file, gone, manifest, outDir, shownOut, disk, resolution.resolver)));
    if (base !== undefined && ours !== undefined) plan.edited = ours !== base;
    plans.push(plan);
    if (plan.conflicts.some((c) => c.resolved === undefined)) {
      conflicted.push({ path: file, base, ours: ours ?? "", theirs: theirs.get(file)?.text ?? "" });
    }
  }
  const causes = manifest.runs.map((run, i) => runCause(run, runs[i] as ManifestRun, Object.keys(routed.get(i) ?? {}), recorded.kitVersion, kitVersion()));
  const owner = runOfPaths(manifest.runs, runs);
  for (const plan of plans) {
    const cause = causes[owner.get(plan.path) ?? -1];
    if (plan.action !== "unchanged" && cause !== undefined) Object.assign(plan, cause);
  }
  const conflicts = plans.flatMap((p) => p.conflicts);
  const notes = [...movedFrom].map(([to, from]) => `${shownOut}/${to}: moved from ${from} (${moved.has(to) ? "the kit's migrations" : "the same element's file; its path changed"})`)
    .concat(notesFor(plans, shownOut)).concat(resolution.unused().map((r) => `--resolve ${r} matched no conflict`));
  const standing = conflicts.filter((c) => c.resolved === undefined);
  const runsOut = runs.map((r) => ({ generator: r.generator, identifier: r.identifier }));
  if (standing.length > 0) {
    return { outDir, shownOut, runs: runsOut, files: plans.map(publicFile), conflicts, conflicted, notes, changed: true, written: false };
  }

  // Validate every file the runs render, in its final state, before anything is written.
  const finals = plans.filter((p) => p.text !== undefined).map((p) => ({ path: p.path, text: p.text as string }));
  await validateRendered(finals, outDir, shownOut);

  const next = nextManifest(manifest, runs, oldPaths, theirs, plans);
  const fileChanges = await fileChangesOf(plans, [...movedFrom.values(), ...sources.vacated], movedFrom, outDir, shownOut);
  const manifestChange = await planChanges([{ path: MANIFEST_FILE, text: manifestText(next) }], outDir, shownOut);
  const baseChanges = await planBases(next, manifest, theirs, stored, outDir, shownOut);
  const changed = [...fileChanges, ...manifestChange].some((c) => c.action !== "unchanged");
  const diffs = options.dryRun === true ? await diffChanges(fileChanges, shownOut) : new Map<string, string>();
  if (options.dryRun !== true) await commitChanges([...fileChanges, ...baseChanges, ...manifestChange], shownOut);
  const files = plans.map((p) => {
    const diff = diffs.get(p.path);
    return diff === undefined ? publicFile(p) : { ...publicFile(p), diff };
  });
  return { outDir, shownOut, runs: runsOut, files, conflicts, conflicted: [], notes, changed, written: options.dryRun !== true && changed };
}

function publicFile({ text: _t, before: _b, conflicts: _c, ...rest }: FilePlan): UpdatedFile {
  return rest;
}

function notesFor(plans: readonly FilePlan[], shownOut: string): string[] {
  return plans.flatMap((p) => {
    const shown = `${shownOut}/${p.path}`;
    if (p.action === "kept-deleted") return [`${shown}: you deleted it; it stays deleted (delete its line from ${MANIFEST_FILE}'s files to have it recreated)`];
    if (p.action === "kept-edited") return [`${shown}: no longer generated, but edited since; kept (delete it yourself if it is not needed)`];
    if (p.policy === "enforced") return [`${shown}: enforced by the kit; your edits were replaced by its render`];
    if (p.policy === "once") return [`${shown}: written once, now yours; the kit's changes to it were not applied`];
    if (p.noBase === true) return [`${shown}: no recorded base; merged as if both sides had added it`];
    return [];
  });
}

/** The manifest after the update: new answers and files of each run, each generated file's new base hash. */
function nextManifest(previous: Manifest, runs: ManifestRun[], oldPaths: ReadonlySet<string>, theirs: ReadonlyMap<string, { text: string; generator: string }>, plans: readonly FilePlan[]): Manifest {
  const files: Manifest["files"] = {};
  const keptEdited = new Set(plans.filter((p) => p.action === "kept-edited").map((p) => p.path));
  for (const [file, entry] of Object.entries(previous.files)) if (!oldPaths.has(file) && !keptEdited.has(file)) files[file] = entry;
  for (const [file, { text, generator }] of theirs) files[file] = { ...(previous.files[file] ?? {}), sha256: sha256(text), generator };
  const sorted = Object.fromEntries(Object.keys(files).sort().map((k) => [k, files[k] as Manifest["files"][string]]));
  return { ...previous, kitVersion: kitVersion(), runs, files: sorted };
}

/** New bases written; bases nothing refers to any more removed. */
async function planBases(next: Manifest, previous: Manifest, theirs: ReadonlyMap<string, { text: string }>, stored: ReadonlySet<string>, outDir: string, shownOut: string): Promise<FileChange[]> {
  const storedPaths = new Set([...stored].map(basePath));
  const wanted = baseEntries([...theirs.values()]).filter((b) => !storedPaths.has(b.path));
  const changes = await planChanges(wanted, outDir, shownOut);
  const keep = new Set(Object.values(next.files).map((f) => basePath(f.sha256)));
  const stale = [...new Set(Object.values(previous.files).map((f) => basePath(f.sha256)))].filter((p) => !keep.has(p));
  for (const c of await planChanges(stale.map((p) => ({ path: p, text: "" })), outDir, shownOut)) {
    if (c.before !== undefined) changes.push({ ...c, action: "delete" });
  }
  return changes;
}
