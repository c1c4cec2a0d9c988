/**
 * The built CLI as a child process, without blocking this one (the emulator under test may be
 * serving from here): one run to completion, or a long-running `emulator` stopped by its pid.
 */
import { spawn } from "node:child_process";
import { kitBin } from "./lib.js";

export interface ChildResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runKit(args: readonly string[], options: { cwd: string; env: Record<string, string> }): Promise<ChildResult> {
  const start = performance.now();
  const child = spawn(process.execPath, [kitBin, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - start }));
  });
}

export interface ChildEmulator {
  url: string;
  stop(): Promise<void>;
}

/** `harness-scaffold emulator --port 0 --quiet --rate-limit off …` in its own process; resolves once it listens. */
export function spawnEmulator(args: readonly string[]): Promise<ChildEmulator> {
  // No rate limit unless the args give one (a later --rate-limit wins).
  const child = spawn(process.execPath, [kitBin, "emulator", "--port", "0", "--quiet", "--rate-limit", "off", ...args], {
    env: { PATH: process.env.PATH ?? "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let text = "";
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the emulator exited with ${code} before listening`)));
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      text += d;
      const url = /listening on (http:\/\/\S+)/.exec(text)?.[1];
      if (url === undefined) return;
      child.stdout.removeAllListeners("data");
      child.stdout.resume();
      resolve({
        url,
        stop: async () => {
          child.kill("SIGTERM");
          await exited;
        },
      });
    });
  });
}
