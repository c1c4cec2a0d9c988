/**
 * `harness-scaffold update`: re-renders the recorded runs and merges the result into the out dir,
 * keeping the team's edits (src/update/update.ts). Prints the changes, or the conflicts.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseSetFlags } from "../answers/load.js";
import { DEFAULT_OUT_DIR } from "../layout.js";
import { formatUpdate, updateJson } from "../update/messages.js";
import type { UpdateResult } from "../update/update.js";
import { update } from "../update/update.js";
import { selectedKit } from "./new.js";
import type { CliContext, CommandModule, ParsedArgs } from "./context.js";

const help = `Usage: harness-scaffold update [options]

Renders every generator run recorded in the out dir's harness-scaffold.json again (recorded
answers, changed by --set) and merges each file three ways: the base recorded when it was
written, your file as it is now, and the new render. Your edits stay: comments, key order,
steps you added. Harness lists (stages, steps, variables, ...) merge element by element.
All or nothing: if any conflict is left, nothing is written. A newer kit's migrations
(kit.yaml "migrations": renamed answers, moved files) are applied first, between the version
recorded for each run and the kit's version. Files of a kit's "each" element follow their
element by key.

Options:
  -o, --out DIR          the out dir (default ${DEFAULT_OUT_DIR})
  --templates DIR        templates overriding the built-in ones (as for "new")
  --kit DIR|PACKAGE      render with this (newer) version of the kit the runs were generated
                         with, instead of the recorded one; the manifest then records it.
                         Default: $HARNESS_SCAFFOLD_KIT, else each run's recorded kit
  --set KEY=VALUE        change one answer; repeatable. With several runs in the out dir it goes
                         to the only run that takes KEY, or to the one named by:
  --generator NAME       with --identifier ID: the run --set applies to
  --identifier ID
  --dry-run              show the changes and a unified diff per file; write nothing
  --check                write nothing; exit 1 if an update would change any file, 0 if not;
                         each file says why: a new kit version, changed answers, or drift
                         (the render changed at the same kit version); --json: "cause",
                         "from", "to", "edited" (your file differs from its recorded base)
  --resolve SIDE         settle conflicts: ours (keep yours) or theirs (take the new render), or
                         PATH=ours|theirs for one conflict (PATH as printed; > between parts)
                         or FILE=ours|theirs for one file's; repeatable
  --conflicts-dir DIR    on conflicts, write FILE.base, FILE.ours, FILE.theirs there for a
                         merge tool (then edit your file and run update again)
  --json                 print the result as JSON

Exit codes: 0 updated (or nothing to do), 1 conflicts (nothing written), validation failure or,
with --check, an update is needed; 2 bad usage or input.
`;

export const command: CommandModule = {
  help,
  options: {
    out: { type: "string", short: "o" },
    templates: { type: "string" },
    kit: { type: "string" },
    set: { type: "string", multiple: true },
    generator: { type: "string" },
    identifier: { type: "string" },
    "dry-run": { type: "boolean" },
    check: { type: "boolean" },
    resolve: { type: "string", multiple: true },
    "conflicts-dir": { type: "string" },
    json: { type: "boolean" },
  },
  allowPositionals: false,
  run,
};

async function run(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const v = args.values;
  const text = (name: string): string | undefined => (typeof v[name] === "string" ? (v[name] as string) : undefined);
  const list = (name: string): string[] => (Array.isArray(v[name]) ? (v[name] as unknown[]).map(String) : []);
  const check = v.check === true;
  const dryRun = v["dry-run"] === true || check;
  const sets = parseSetFlags(list("set")).values as Record<string, string>;
  const result = await update({
    cwd: ctx.cwd,
    outDir: text("out") ?? DEFAULT_OUT_DIR,
    set: sets,
    target: { generator: text("generator"), identifier: text("identifier") },
    templatesDir: text("templates"),
    kit: selectedKit(v, ctx),
    resolve: list("resolve"),
    dryRun,
  });
  const conflictsDir = text("conflicts-dir");
  if (conflictsDir !== undefined) await writeConflictCopies(path.resolve(ctx.cwd, conflictsDir), result);
  const options = { dryRun: v["dry-run"] === true, check };
  ctx.stdout.write(v.json === true ? updateJson(result, options) : formatUpdate(result, options));
  if (result.conflicts.some((c) => c.resolved === undefined)) return 1;
  return check && result.changed ? 1 : 0;
}

async function writeConflictCopies(dir: string, result: UpdateResult): Promise<void> {
  for (const file of result.conflicted) {
    const target = path.join(dir, ...file.path.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(`${target}.base`, file.base ?? "");
    await writeFile(`${target}.ours`, file.ours);
    await writeFile(`${target}.theirs`, file.theirs);
  }
}
