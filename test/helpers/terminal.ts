/**
 * The built binary in a pseudo-terminal (needs `npm run build`), for tests that answer prompts
 * as a person would: `write` keys, `waitFor` what the screen shows, `exited` for the exit code.
 */
import pty from "@lydell/node-pty";
import { binPath } from "./cli.js";

export const ENTER = "\r";
export const DOWN = "\x1b[B";
export const CLEAR_LINE = "\x15"; // ctrl-u
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, "g");

/** Spawns the CLI in a terminal; `screen()` is everything shown so far, without colours. */
export function terminal(args: string[], cwd: string) {
  const term = pty.spawn(process.execPath, [binPath, ...args], {
    cwd,
    cols: 160,
    rows: 50,
    env: { PATH: process.env.PATH ?? "", TERM: "xterm-256color", HOME: cwd },
  });
  let raw = "";
  term.onData((data) => (raw += data));
  const exited = new Promise<number>((resolve) => term.onExit(({ exitCode, signal }) => resolve(signal ? 128 + signal : exitCode)));
  const screen = (): string => raw.replace(ANSI, "");
  const waitFor = async (pattern: RegExp, from = 0): Promise<void> => {
    for (let i = 0; i < 400; i++) {
      if (pattern.test(screen().slice(from))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${pattern}; screen so far:\n${screen()}`);
  };
  return { term, screen, waitFor, exited };
}
