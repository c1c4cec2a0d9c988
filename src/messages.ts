/**
 * User-facing words of the CLI shell: help, version, and how errors are shown.
 * Command-specific words live next to each command under src/cli/.
 */
import type { CommandEntry } from "./cli/commands.js";
import type { KitError } from "./errors.js";

export const BIN = "harness-scaffold";

export function topHelp(commands: readonly CommandEntry[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const rows = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return `${BIN} ${version} — put a service on Harness in minutes

Usage:
  ${BIN} <command> [options]

Commands:
${rows}

Options:
  -h, --help     show help (also: ${BIN} <command> --help)
  -v, --version  print the version

Start with:
  ${BIN} new service          answer a few prompts, get .harness/ ready to commit
  ${BIN} validate             check .harness/ before you commit
  ${BIN} publish              create everything in Harness (HARNESS_PLATFORM_API_KEY)
`;
}

export function unknownCommand(name: string, suggestion: string | undefined): string {
  return suggestion === undefined
    ? `unknown command "${name}"`
    : `unknown command "${name}" (did you mean "${suggestion}"?)`;
}

export const seeHelp = (command?: string): string =>
  command === undefined ? `run "${BIN} --help" for the list of commands` : `run "${BIN} ${command} --help" for its options`;

/** The one or two lines printed for a failure: what went wrong, then how to fix it. */
export function formatError(error: Pick<KitError, "message" | "hint">): string {
  const lines = [`${BIN}: error: ${error.message}`];
  if (error.hint !== undefined) lines.push(`  hint: ${error.hint}`);
  return `${lines.join("\n")}\n`;
}

export function internalError(message: string): string {
  return `${BIN}: internal error: ${message}\n  hint: this is a bug in ${BIN}; set HARNESS_SCAFFOLD_DEBUG=1 to see where it happened\n`;
}
