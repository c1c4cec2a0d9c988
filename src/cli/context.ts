import type { ParseArgsConfig } from "node:util";

/** Anything text can be written to: process.stdout in the CLI, a buffer in tests. */
export interface Output {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Everything a command may take from the process, passed in so tests can drive commands. */
export interface CliContext {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: Output;
  stderr: Output;
  /** True when both stdin and stdout are terminals: prompts and spinners are allowed. */
  interactive: boolean;
  signal: AbortSignal;
}

export type ParsedValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface ParsedArgs {
  values: ParsedValues;
  positionals: string[];
}

/** One CLI command: its flags, its help text, and the function that runs it. */
export interface CommandModule {
  /** Full help text shown by `harness-scaffold <command> --help`. */
  help: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  allowPositionals: boolean;
  /** Returns the process exit code. Throws KitError for failures the user must act on. */
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}
