/** `harness-scaffold list [generator]`: the generators and their answer keys (or --json). */
import { formatGeneratorList } from "../generate/messages.js";
import { describeGenerators, findGenerator } from "../generate/registry.js";
import { templateSet } from "../render/templates.js";
import type { CliContext, CommandModule, ParsedArgs } from "./context.js";

const help = `Usage:
  harness-scaffold list [generator] [options]

List the generators and every answer key they take: what it is, whether it is required, its
default, the allowed values and when it applies.

Options:
  --templates DIR  also list the pipeline templates DIR adds
  --json           print the list as JSON
  -h, --help       show this help
`;

export const command: CommandModule = {
  help,
  options: {
    json: { type: "boolean" },
    templates: { type: "string" },
  },
  allowPositionals: true,
  run,
};

async function run(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const only = args.positionals[0];
  if (only !== undefined) findGenerator(only);
  const templatesDir = typeof args.values.templates === "string" ? args.values.templates : undefined;
  const pipelineTemplates = templateSet({ cwd: ctx.cwd, templatesDir }).pipelineTemplates();
  const generators = describeGenerators({ pipelineTemplates }).filter((g) => only === undefined || g.name === only);
  if (args.values.json === true) {
    ctx.stdout.write(`${JSON.stringify({ generators }, null, 2)}\n`);
  } else {
    ctx.stdout.write(formatGeneratorList(generators, only));
  }
  return 0;
}
