/**
 * `harness-scaffold emulator` as a child process of the built binary: started on port 0, read
 * from its banner (URL, account, token), and stopped by its own pid — politely (SIGTERM) or as a
 * crash would (SIGKILL).
 */
import { spawn } from "node:child_process";
import { binPath } from "../helpers/cli.js";

export interface EmulatorProcess {
  url: string;
  account: string;
  token: string;
  /** Everything printed so far. */
  output(): { stdout: string; stderr: string };
  /** Sends the signal and waits for the process to end. */
  stop(signal: "SIGTERM" | "SIGKILL"): Promise<void>;
}

export function startEmulatorProcess(args: readonly string[], options: { cwd: string; env: Record<string, string> }): Promise<EmulatorProcess> {
  // No rate limit unless the args give one (a later --rate-limit wins).
  const child = spawn(process.execPath, [binPath, "emulator", "--port", "0", "--quiet", "--rate-limit", "off", ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the emulator did not start:\n${stdout}${stderr}`));
    }, 20_000);
    child.once("close", (code) => reject(new Error(`the emulator exited with ${code}:\n${stdout}${stderr}`)));
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      if (!stdout.includes("Press Ctrl+C")) return;
      clearTimeout(timer);
      const field = (re: RegExp): string => re.exec(stdout)?.[1] ?? "";
      resolve({
        url: field(/listening on (\S+)/),
        account: field(/account id\s+(\S+)/),
        token: field(/API token\s+(\S+)/),
        output: () => ({ stdout, stderr }),
        stop: async (signal) => {
          child.kill(signal);
          await exited;
        },
      });
    });
  });
}

/** Starts the emulator, lets it print its banner, stops it with SIGTERM; returns what it printed. */
export async function emulatorBanner(args: readonly string[], options: { cwd: string; env: Record<string, string> }): Promise<{ stdout: string; stderr: string }> {
  const e = await startEmulatorProcess(args, options);
  await e.stop("SIGTERM");
  return e.output();
}
