/** `harness-scaffold list [generator]`: the generators and their answer keys (or --json). */
import { formatGeneratorList } from "../generate/messages.js";
import { describeGenerators, findGenerator } from "../generate/registry.js";
import { templateSet } from "../render/templates.js";
import { findKitGenerator } from "../kit/render-run.js";
import { selectedKit } from "./new.js";
import type { CliContext, CommandModule, ParsedArgs } from "./context.js";

const help = `Usage:
  harness-scaffold list [generator] [options]

List the generators and every answer key they take: what it is, whether it is required, its
default, the allowed values and when it applies.

Options:
  --kit DIR|PACKAGE  list a kit's generators (default: $HARNESS_SCAFFOLD_KIT, else the built-ins)
  --templates DIR  also list the pipeline templates DIR adds
  --json           print the list as JSON
  -h, --help       show this help
`;

export const command: CommandModule = {
  help,
  options: {
    json: { type: "boolean" },
    templates: { type: "string" },
    kit: { type: "string" },
  },
  allowPositionals: true,
  run,
};

async function run(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const only = args.positionals[0];
  const kit = selectedKit(args.values, ctx);
  if (only !== undefined) {
    if (kit === undefined) findGenerator(only);
    else findKitGenerator(kit, only);
  }
  const templatesDir = typeof args.values.templates === "string" ? args.values.templates : undefined;
  const pipelineTemplates = (kit?.templates ?? templateSet({ cwd: ctx.cwd, templatesDir })).pipelineTemplates();
  const generators = describeGenerators({ pipelineTemplates }, kit?.specs).filter((g) => only === undefined || g.name === only);
  if (args.values.json === true) {
    const about = kit === undefined ? {} : { kit: { name: kit.name, version: kit.version, description: kit.description, source: kit.origin.source } };
    ctx.stdout.write(`${JSON.stringify({ ...about, generators }, null, 2)}\n`);
  } else {
    ctx.stdout.write(formatGeneratorList(generators, only));
  }
  return 0;
}
