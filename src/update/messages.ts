/** The words of `update` as the CLI prints them; the engine returns data (update.ts). */
import { describeChange, describeConflict } from "../merge/describe.js";
import type { UpdatedFile, UpdateResult } from "./update.js";

const MARK: Record<UpdatedFile["action"], string> = {
  create: "+ create ",
  update: "~ update ",
  delete: "- delete ",
  unchanged: "= same   ",
  "kept-deleted": "! kept deleted",
  "kept-edited": "! kept   ",
};

export function formatUpdate(result: UpdateResult, options: { dryRun: boolean; check: boolean }): string {
  const lines: string[] = [];
  const runs = result.runs.map((r) => `${r.generator} ${r.identifier}`).join(", ");
  lines.push(`Update of ${result.shownOut} (${result.runs.length === 1 ? "run" : `${result.runs.length} runs`}: ${runs}):`);
  const touched = result.files.filter((f) => f.action !== "unchanged");
  for (const file of touched) {
    lines.push(`  ${MARK[file.action]} ${file.path}${options.check ? causeText(file) : ""}`);
    for (const change of file.changes) lines.push(`      ${describeChange(change)}`);
    if (options.dryRun && file.diff !== undefined) lines.push(...file.diff.trimEnd().split("\n").map((l) => `      ${l}`));
  }
  for (const note of result.notes) lines.push(`  note: ${note}`);
  const standing = result.conflicts.filter((c) => c.resolved === undefined);
  const settled = result.conflicts.filter((c) => c.resolved !== undefined);
  if (settled.length > 0) {
    lines.push("", `Settled by --resolve (${settled.length}):`);
    for (const c of settled) lines.push(`  ${describeConflict(c)}`);
  }
  if (standing.length > 0) {
    lines.push("", `${standing.length === 1 ? "1 conflict" : `${standing.length} conflicts`}; nothing was written:`);
    for (const c of standing) lines.push(`  ${describeConflict(c)}`);
    lines.push(
      "",
      "Edit your files so each conflicting value is what you want and run update again, or settle them with",
      '--resolve ours|theirs (all) or --resolve "PATH=ours|theirs" (one; PATH as shown above, > between parts).',
    );
    return `${lines.join("\n")}\n`;
  }
  const count = (a: UpdatedFile["action"]): number => result.files.filter((f) => f.action === a).length;
  const tally = `${count("update")} updated, ${count("create")} created, ${count("delete")} deleted, ${count("unchanged")} unchanged`;
  if (touched.length === 0 && !result.changed) lines.push("  nothing to update: every file is as the generators render it, with your edits");
  if (options.check) lines.push("", result.changed ? `Update needed (${tally}). Run "harness-scaffold update" to apply.` : "Up to date.");
  else if (options.dryRun) lines.push("", `Dry run: ${tally}; nothing was written.`);
  else lines.push("", result.written ? `Updated: ${tally}.` : "Up to date; nothing was written.");
  return `${lines.join("\n")}\n`;
}

export function updateJson(result: UpdateResult, options: { dryRun: boolean; check: boolean }): string {
  const files = result.files
    .filter((f) => f.action !== "unchanged")
    .map(({ changes, ...f }) => ({ ...f, changes: changes.map(({ segments: _s, ...c }) => c) }));
  const out = {
    outDir: result.shownOut,
    runs: result.runs,
    dryRun: options.dryRun,
    check: options.check,
    changed: result.changed,
    written: result.written,
    files,
    conflicts: result.conflicts,
    notes: result.notes,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Why a file changes, for --check: a new kit version, changed answers, or drift. */
function causeText(file: UpdatedFile): string {
  const edited = file.edited === true ? "; edited since generated" : "";
  if (file.cause === "kit-version") return `  (kit ${file.from ?? "?"} → ${file.to ?? "?"}${edited})`;
  if (file.cause === "answers") return `  (changed answers${edited})`;
  if (file.cause === "drift") return `  (drift: the render changed at the same kit version${edited})`;
  return "";
}
