/**
 * End-to-end set-up for plan/publish: the sample service rendered into a temp dir, the emulator on
 * 127.0.0.1:0 with a request log, and the CLI run in-process with only the environment a user
 * would set. `leaks` scans everything a run produced for the key's secret part and the secrets' canary values.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generate, SAMPLE_SERVICE_ANSWERS, startEmulator } from "../../src/index.js";
import type { EmulatorOptions, RunningEmulator } from "../../src/index.js";
import type { RunResult } from "../helpers/cli.js";
import { runInProcess } from "../helpers/cli.js";

export interface Harness {
  root: string;
  emulator: RunningEmulator;
  /** One entry per request the emulator answered: "POST /ng/api/projects 200". */
  log: string[];
  env: Record<string, string>;
  stateDir: string;
  run(args: string[], extraEnv?: Record<string, string | undefined>): Promise<RunResult>;
  /** The library options matching `run`. */
  options(): { cwd: string; env: Record<string, string>; endpoint: string };
  close(): Promise<void>;
}

export async function renderSample(root: string): Promise<void> {
  await generate({ generator: "service", answers: { ...SAMPLE_SERVICE_ANSWERS }, outDir: ".harness", cwd: root, useDefaults: true });
}

export async function setup(emulatorOptions: EmulatorOptions = {}): Promise<Harness> {
  const root = mkdtempSync(path.join(tmpdir(), "hs-publish-"));
  await renderSample(root);
  const log: string[] = [];
  const emulator = await startEmulator({
    port: 0,
    rateLimit: false,
    ...emulatorOptions,
    log: (line) => log.push(line.replace(/ \d+ms/, "")),
  });
  const stateDir = path.join(root, "state");
  // The values the sample's secret files read (env:GITHUB_TOKEN, env:DOCKER_PASSWORD), as a user sets them.
  const env = { HARNESS_PLATFORM_API_KEY: emulator.token, HARNESS_SCAFFOLD_STATE_DIR: stateDir, ...SECRET_ENV };
  return {
    root,
    emulator,
    log,
    env,
    stateDir,
    run: (args, extraEnv = {}) => runInProcess([...args, "--endpoint", emulator.url], { cwd: root, env: { ...env, ...extraEnv } }),
    options: () => ({ cwd: root, env, endpoint: emulator.url }),
    close: async () => {
      await emulator.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Canary values of the sample's two secrets: no output, file or log may ever contain them. */
export const SECRET_ENV = { GITHUB_TOKEN: "canary-gh-token-5e1d7a", DOCKER_PASSWORD: "canary-docker-pw-93b2c4" } as const;

/** The 17 entities of the sample, in publish order, as "kind identifier". */
export const SAMPLE_ENTITIES = [
  "project payments_api",
  "secret docker_password",
  "secret github_token",
  "connector dockerhub",
  "connector github",
  "connector k8s_cluster",
  "service payments_api",
  "environment dev",
  "environment prod",
  "infrastructure dev_k8s",
  "infrastructure prod_k8s",
  "pipeline payments_api_cd",
  "pipeline payments_api_ci",
  "inputset dev",
  "inputset prod",
  "trigger on_pull_request",
  "trigger on_push",
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Places the key's secret part shows up: outputs given, plus every file under the test's root. */
export function leaks(h: Harness, outputs: readonly string[]): string[] {
  const secrets = [h.emulator.token.split(".")[3] as string, ...Object.values(SECRET_ENV)];
  const has = (text: string): boolean => secrets.some((s) => text.includes(s));
  const found = outputs.filter(has).map((o) => `output: ${o.slice(0, 80)}`);
  for (const file of filesUnder(h.root)) if (has(readFileSync(file, "utf8"))) found.push(file);
  return found;
}

/** "kind identifier" pairs of a --json publish or plan output. */
export function pairs(json: string, key: "results" | "plan"): string[] {
  const parsed = JSON.parse(json) as Record<string, { kind: string; identifier: string }[]>;
  return (parsed[key] ?? []).map((r) => `${r.kind} ${r.identifier}`);
}

export function actions(json: string, key: "results" | "plan"): string[] {
  const parsed = JSON.parse(json) as Record<string, { action: string }[]>;
  return [...new Set((parsed[key] ?? []).map((r) => r.action))];
}
