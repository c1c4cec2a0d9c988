/**
 * Shared set-up of the hardening tests: the sample service rendered once into a temp dir, an
 * emulator on 127.0.0.1:0 with a request log, library options pointing at it with quick retries,
 * and what the emulator holds, read back through Harness's list endpoints.
 */
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { countEntities } from "../../bench/count-entities.js";
import type { EntityCount } from "../../bench/count-entities.js";
import { generate, SAMPLE_SERVICE_ANSWERS, startEmulator } from "../../src/index.js";
import type { EmulatorOptions, RetryPolicy, RunningEmulator } from "../../src/index.js";

export { countEntities };
export type { EntityCount };

/** Quick retries, and a client timeout well below the held answers of `timeout` faults. */
export const FAST: Partial<RetryPolicy> = { baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 400 };

/** The 17 entities of the sample service (its 2 secrets, 2 triggers and 2 input sets included). */
export const SAMPLE_COUNT = 17;

/** Values for the sample's secret files (env:GITHUB_TOKEN, env:DOCKER_PASSWORD). */
export const SAMPLE_SECRET_ENV = { GITHUB_TOKEN: "hardening-github-token", DOCKER_PASSWORD: "hardening-docker-password" };

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `hs-hard-${prefix}-`));
}

/** Renders the sample service into `<root>/.harness`. */
export async function renderSample(root: string, outDir = ".harness"): Promise<void> {
  await generate({ generator: "service", answers: { ...SAMPLE_SERVICE_ANSWERS }, outDir, cwd: root, useDefaults: true });
}

export interface LoggedEmulator {
  emulator: RunningEmulator;
  /** "POST /ng/api/projects 200" (+ " fault=<kind>"), one per answered request. */
  log: string[];
}

export async function loggedEmulator(options: EmulatorOptions = {}): Promise<LoggedEmulator> {
  const log: string[] = [];
  const emulator = await startEmulator({ host: "127.0.0.1", port: 0, rateLimit: false, ...options, log: (line) => log.push(line.replace(/ \d+ms/, "")) });
  return { emulator, log };
}

/** Creates the emulator refused as duplicates: a client that re-sent a create that had happened. */
export function refusedCreates(log: readonly string[]): string[] {
  return log.filter((l) => /^POST \S+ 400/.test(l) && !l.includes("/pipelines/list"));
}

/** Every file below `dir` (absolute paths; symbolic links are not followed). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return lstatSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Files, folders and links below `dir`: a before/after snapshot proves nothing was written. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      const rel = path.relative(dir, full);
      const info = lstatSync(full);
      if (info.isDirectory()) {
        out[`${rel}/`] = "";
        walk(full);
      } else if (info.isSymbolicLink()) out[rel] = `-> ${readlinkSync(full)}`;
      else out[rel] = `${info.mode.toString(8)} ${readFileSync(full).toString("base64")}`;
    }
  };
  walk(dir);
  return out;
}
