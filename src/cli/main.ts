import { parseArgs } from "node:util";
import { exitCodeFor, isKitError, KitError } from "../errors.js";
import { formatError, internalError, seeHelp, topHelp, unknownCommand } from "../messages.js";
import { kitVersion } from "../paths.js";
import { closest } from "../util/suggest.js";
import { COMMANDS } from "./commands.js";
import type { CliContext } from "./context.js";

/** Runs one CLI invocation and returns its exit code. Never throws. */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  try {
    return await dispatch(argv, ctx);
  } catch (error) {
    if (isKitError(error)) {
      ctx.stderr.write(formatError(error));
      return exitCodeFor(error.code);
    }
    ctx.stderr.write(internalError(error instanceof Error ? error.message : String(error)));
    if (ctx.env.HARNESS_SCAFFOLD_DEBUG && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

async function dispatch(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    const topic = first === "help" ? rest[0] : undefined;
    if (topic !== undefined) return dispatch([topic, "--help"], ctx);
    ctx.stdout.write(topHelp(COMMANDS, kitVersion()));
    return 0;
  }
  if (first === "--version" || first === "-v") {
    ctx.stdout.write(`${kitVersion()}\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === first);
  if (entry === undefined) {
    const message = first.startsWith("-")
      ? `unknown option "${first}" before the command`
      : unknownCommand(first, closest(first, COMMANDS.map((c) => c.name)));
    throw new KitError("E_USAGE", message, { hint: seeHelp() });
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    ctx.stdout.write(command.help.endsWith("\n") ? command.help : `${command.help}\n`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: command.options,
      allowPositionals: command.allowPositionals,
      strict: true,
    });
  } catch (error) {
    throw new KitError("E_USAGE", `${entry.name}: ${describeParseError(error)}`, { hint: seeHelp(entry.name) });
  }
  return command.run({ values: parsed.values, positionals: parsed.positionals }, ctx);
}

/** node:util's parseArgs messages are long and mention internals; keep their first sentence. */
function describeParseError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(text);
  if (unknown) return `unknown option "${unknown[1]}"`;
  const missing = /Option '([^']+)' argument missing/.exec(text);
  if (missing) return `option "${missing[1]?.replace(/^-\w, /, "")}" needs a value`;
  const positional = /Unexpected argument '([^']+)'/.exec(text);
  if (positional) return `unexpected argument "${positional[1]}"`;
  return text.split(". ")[0] ?? text;
}
