/**
 * `harness-scaffold new <generator>`: gathers answers (answers file, --set, prompts at a terminal),
 * then calls `generate` and prints what it wrote.
 */
import { loadAnswersFile, mergeRaw, parseSetFlags } from "../answers/load.js";
import type { RawAnswers } from "../answers/load.js";
import { resolveAnswers } from "../answers/resolve.js";
import { KitError } from "../errors.js";
import { generate } from "../generate/generate.js";
import { formatGenerated } from "../generate/messages.js";
import { findGenerator, GENERATORS } from "../generate/registry.js";
import { templateSet } from "../render/templates.js";
import { loadKit } from "../kit/load.js";
import { findKitGenerator } from "../kit/render-run.js";
import type { Kit } from "../kit/types.js";
import { DEFAULT_OUT_DIR } from "../layout.js";
import { seeHelp } from "../messages.js";
import type { CliContext, CommandModule, ParsedArgs } from "./context.js";

const names = GENERATORS.map((g) => g.name).join(", ");

const help = `Usage:
  harness-scaffold new <generator> [options]

Render Harness files from a generator's answers. Generators: ${names}.
At a terminal, missing answers are prompted for; otherwise (or with --yes) defaults fill the gaps
and a missing required answer is an error naming it.

Options:
  --answers FILE     answers as YAML or JSON (a mapping of answer keys to values)
  --set KEY=VALUE    one answer; repeatable; wins over --answers
  -y, --yes          do not prompt: take defaults for everything not given
  -o, --out DIR      output directory (default ${DEFAULT_OUT_DIR})
  --kit DIR|PACKAGE  run a generator of this kit (a folder with kit.yaml, or an installed npm package);
                     default: $HARNESS_SCAFFOLD_KIT, else the built-in generators
  --templates DIR    templates overriding the built-in ones by relative path, or adding pipeline templates
  -f, --force        overwrite files that exist with other content
  --dry-run          print the files and a diff against the disk; write nothing
  --json             print the result as JSON (never prompts)
  -h, --help         show this help

Examples:
  harness-scaffold new service
  harness-scaffold new service --yes --set name=payments-api --set gitUrl=https://github.com/acme/payments-api --set image=acme/payments-api
  harness-scaffold new connector --answers connector.yaml --set identifier=dockerhub --dry-run

Answer keys of every generator: harness-scaffold list
`;

export const command: CommandModule = {
  help,
  options: {
    answers: { type: "string" },
    set: { type: "string", multiple: true },
    yes: { type: "boolean", short: "y" },
    out: { type: "string", short: "o" },
    templates: { type: "string" },
    kit: { type: "string" },
    force: { type: "boolean", short: "f" },
    "dry-run": { type: "boolean" },
    json: { type: "boolean" },
  },
  allowPositionals: true,
  run,
};

async function run(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const { values, positionals } = args;
  const [name, ...extra] = positionals;
  const kit = selectedKit(values, ctx);
  if (name === undefined) {
    const choices = kit === undefined ? names : kit.specs.map((g) => g.name).join(", ");
    throw new KitError("E_USAGE", `new needs a generator: ${choices}`, { hint: seeHelp("new") });
  }
  if (extra.length > 0) throw new KitError("E_USAGE", `new takes one generator, not "${positionals.join(" ")}"`, { hint: seeHelp("new") });
  const spec = kit === undefined ? findGenerator(name) : findKitGenerator(kit, name);
  const templatesDir = typeof values.templates === "string" ? values.templates : undefined;
  if (kit !== undefined && templatesDir !== undefined) {
    throw new KitError("E_USAGE", "--templates overrides built-in templates; it does not apply with --kit", { hint: "edit the kit's own templates/ instead" });
  }
  const fromFile = typeof values.answers === "string" ? await loadAnswersFile(values.answers, ctx.cwd) : undefined;
  const sets = Array.isArray(values.set) ? values.set.map(String) : [];
  const raw: RawAnswers = mergeRaw(...(fromFile ? [fromFile] : []), parseSetFlags(sets));

  // Refuse unknown keys and bad values (pointing at their origin) before asking anything.
  const answerCtx = { pipelineTemplates: kit === undefined ? templateSet({ cwd: ctx.cwd, templatesDir }).pipelineTemplates() : kit.templates.pipelineTemplates() };
  resolveAnswers(spec.answers, raw, { generator: spec.name, ctx: answerCtx, useDefaults: true, partial: true });

  const json = values.json === true;
  const prompt = ctx.interactive && values.yes !== true && !json;
  let answers = raw.values;
  if (prompt) {
    const { promptAnswers } = await import("../generate/prompt.js");
    answers = await promptAnswers({ generator: spec.name, preset: raw.values, cwd: ctx.cwd, templatesDir, kit, signal: ctx.signal, input: ctx.stdin });
  }
  const dryRun = values["dry-run"] === true;
  const outDir = typeof values.out === "string" ? values.out : DEFAULT_OUT_DIR;
  const result = await generate({
    generator: spec.name,
    answers,
    outDir,
    cwd: ctx.cwd,
    force: values.force === true,
    dryRun,
    useDefaults: true,
    ...(kit === undefined ? {} : { kit }),
    ...(templatesDir === undefined ? {} : { templatesDir }),
  });
  if (json) ctx.stdout.write(`${JSON.stringify({ ...result, dryRun }, null, 2)}\n`);
  else ctx.stdout.write(formatGenerated(result, { dryRun, force: values.force === true, shownOut: shown(outDir) }));
  return 0;
}

/** --kit, else HARNESS_SCAFFOLD_KIT, loaded; undefined for the built-in generators. */
export function selectedKit(values: ParsedArgs["values"], ctx: CliContext): Kit | undefined {
  const source = typeof values.kit === "string" ? values.kit : ctx.env.HARNESS_SCAFFOLD_KIT;
  return source === undefined || source === "" ? undefined : loadKit(source, { cwd: ctx.cwd });
}

function shown(outDir: string): string {
  return outDir.replace(/[\\/]+$/, "") || outDir;
}
