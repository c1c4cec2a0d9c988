/** Small shared pieces of the benchmarks: timing, statistics, result files. */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** What the `harness-scaffold` bin runs, as package.json names it (the bundle, src/bundle.ts). */
export const kitBin = path.join(repoRoot, (JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { bin: Record<string, string> }).bin["harness-scaffold"]!);
/**
 * Harness's published files are not shipped with the project: benchmarks that need them read the
 * folder named by HARNESS_SCAFFOLD_REFERENCE (as the reference tests do, test/helpers/reference.ts).
 */
export const REFERENCE_ENV = "HARNESS_SCAFFOLD_REFERENCE";
const referenceValue = process.env[REFERENCE_ENV];
export const referenceDir = referenceValue ? path.resolve(referenceValue) : undefined;
export const smoke = process.env.BENCH_SMOKE === "1";

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Runs a command to completion and returns its wall time in ms; throws when it fails. */
export function timeCommand(command: string, args: readonly string[], cwd = repoRoot): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

export function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return { node: process.version, cpus: cpus.length, cpuModel: cpus[0]?.model ?? "unknown", memGiB: round(os.totalmem() / 2 ** 30, 1), platform: `${os.platform()} ${os.release()}` };
}

/** Writes bench/results/<name>.json and returns the path. */
export function writeResult(name: string, result: Record<string, unknown>): string {
  const dir = path.join(repoRoot, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ name, smoke, machine: machine(), date: new Date().toISOString(), ...result }, null, 2)}\n`);
  return file;
}
