#!/usr/bin/env node
/**
 * The executable. The only module that touches the process: argv, env, stdio, TTY checks, signals
 * and the exit code. Everything else takes these as parameters.
 */
import { runCli } from "./cli/main.js";

const controller = new AbortController();
let interrupted = false;
const onSignal = (signal: NodeJS.Signals): void => {
  if (interrupted) process.exit(130);
  interrupted = true;
  controller.abort(new Error(`interrupted by ${signal}`));
};
process.once("SIGINT", onSignal);
process.once("SIGTERM", onSignal);

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  signal: controller.signal,
});
process.exitCode = code;
