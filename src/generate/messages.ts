/** The words `new` and `list` print (and the plop action's summary), in one place. */
import { MANIFEST_FILE } from "../layout.js";
import type { GenerateResult } from "./generate.js";
import type { GeneratorInfo } from "./registry.js";

const VERB: Record<string, string> = { create: "create   ", update: "update   ", unchanged: "unchanged" };
const DRY_VERB: Record<string, string> = { create: "would create   ", update: "would update   ", unchanged: "unchanged      " };

export function formatDerived(derived: GenerateResult["derived"]): string {
  return derived.map((d) => `  ${d.key}: ${d.value} (derived; set ${d.key}=… to choose another)\n`).join("");
}

/** What a run did (or would do), one line per file, then a summary line. */
export function formatGenerated(result: GenerateResult, options: { dryRun?: boolean; force?: boolean; shownOut?: string } = {}): string {
  const out = options.shownOut ?? result.outDir;
  const verbs = options.dryRun ? DRY_VERB : VERB;
  const lines: string[] = [];
  if (result.derived.length > 0) lines.push(formatDerived(result.derived).trimEnd());
  for (const file of result.files) {
    const blocked = options.dryRun && !options.force && file.action === "update" && file.path !== MANIFEST_FILE;
    lines.push(`  ${verbs[file.action] ?? file.action}  ${out}/${file.path}${blocked ? "  (needs --force)" : ""}`);
  }
  for (const issue of result.issues ?? []) {
    lines.push(`  ${issue.file}:${issue.line}:${issue.column}: ${issue.severity} ${issue.code}: ${issue.message}`);
  }
  const changed = result.files.filter((f) => f.action !== "unchanged").length;
  const same = result.files.length - changed;
  const tail = same > 0 ? ` (${same} unchanged)` : "";
  if (options.dryRun) {
    lines.push(`Dry run of ${result.generator}: ${changed} file${changed === 1 ? "" : "s"} would change in ${out}${tail}; nothing was written.`);
    for (const file of result.files) if (file.diff !== undefined) lines.push("", file.diff.trimEnd());
  } else {
    lines.push(`${result.generator}: wrote ${changed} file${changed === 1 ? "" : "s"} to ${out}${tail}.`);
  }
  return `${lines.join("\n")}\n`;
}

/** `harness-scaffold list`: generators, then each one's answer keys. */
export function formatGeneratorList(generators: readonly GeneratorInfo[], only?: string): string {
  const lines: string[] = [];
  for (const g of generators) {
    if (only !== undefined && g.name !== only) continue;
    lines.push(`${g.name} — ${g.description}`);
    const width = Math.max(...g.answers.map((a) => a.key.length));
    for (const a of g.answers) {
      const facts: string[] = [];
      if (a.required) facts.push("required");
      if (a.default !== undefined) facts.push(`default ${a.default}`);
      if (a.choices !== undefined) facts.push(`one of ${a.choices.join("|")}`);
      if (a.when !== undefined) facts.push(`when ${a.when}`);
      lines.push(`  ${a.key.padEnd(width)}  ${a.description}${facts.length > 0 ? ` [${facts.join("; ")}]` : ""}`);
    }
    lines.push("");
  }
  if (only === undefined) lines.push('Run "harness-scaffold new <generator>" to render one; pass answers with --set key=value or --answers FILE.');
  return `${lines.join("\n").trimEnd()}\n`;
}
