/**
 * Two ways to drive the CLI in tests: in-process through runCli (fast, no build needed) and as
 * the compiled binary in a child process (what users run; needs `npm run build`).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "../../src/cli/main.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** What the `harness-scaffold` bin runs, as package.json names it (the bundle, src/bundle.ts). */
export const binPath = path.join(repoRoot, (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { bin: Record<string, string> }).bin["harness-scaffold"]!);
/** The compiled library entry (package.json `main`). */
export const libraryPath = path.join(repoRoot, "dist/src/index.js");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Buffered {
  text = "";
  readonly isTTY = false;
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export async function runInProcess(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<RunResult> {
  const stdout = new Buffered();
  const stderr = new Buffered();
  const { Readable } = await import("node:stream");
  const code = await runCli(args, {
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    stdin: Readable.from([]),
    stdout,
    stderr,
    interactive: false,
    signal: new AbortController().signal,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export function runBin(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { PATH: process.env.PATH, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}
