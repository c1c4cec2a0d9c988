/**
 * What plan, publish and rollback share before the first request: the files (validated: nothing
 * is sent when one has an error), the credentials, and one client whose rate limiter the whole
 * run shares.
 */
import type { Dispatcher } from "undici";
import { KitError } from "../errors.js";
import type { HarnessClient } from "../harness/client.js";
import { createHarnessClient } from "../harness/client.js";
import { resolveConnection } from "../harness/credentials.js";
import type { RateLimit } from "../harness/rate-limiter.js";
import type { RetryPolicy } from "../harness/retry-policy.js";
import { DEFAULT_OUT_DIR } from "../layout.js";
import type { Issue } from "../validate/types.js";
import { validatePaths } from "../validate/validate.js";
import type { LocalEntity } from "./local-entities.js";
import { checkDirs, loadLocalEntities } from "./local-entities.js";

export interface ConnectOptions {
  cwd: string;
  env?: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  /** Out dirs; default `.harness`. */
  dirs?: readonly string[];
  /** Like --endpoint, --account, --api-key-file. The key itself only comes from env or that file. */
  endpoint?: string;
  account?: string;
  apiKeyFile?: string;
  /** The transport; default a proxy-aware undici agent built from `env`. */
  dispatcher?: Dispatcher;
  retryPolicy?: Partial<RetryPolicy>;
  rateLimit?: RateLimit;
  /** Requests in flight within one kind; default 4. */
  concurrency?: number;
}

export interface Session {
  dirs: readonly string[];
  client: HarnessClient;
  close(): Promise<void>;
}

export const DEFAULT_CONCURRENCY = 4;

const MAX_ISSUES_SHOWN = 5;

function invalidFiles(errors: readonly Issue[]): KitError {
  const shown = errors.slice(0, MAX_ISSUES_SHOWN).map((i) => `  ${i.file}:${i.line}:${i.column} ${i.message} (${i.code})`);
  if (errors.length > MAX_ISSUES_SHOWN) shown.push(`  … and ${errors.length - MAX_ISSUES_SHOWN} more`);
  const count = errors.length === 1 ? "1 error" : `${errors.length} errors`;
  return new KitError("E_INVALID", `${count} in the files; nothing was sent to Harness:\n${shown.join("\n")}`, {
    hint: 'fix them (see "harness-scaffold validate"), then run again',
    details: { issues: errors },
  });
}

/** Validates and reads the dirs; throws E_INVALID (nothing sent) when a file has an error. */
export async function readValidated(options: ConnectOptions): Promise<{ dirs: readonly string[]; entities: LocalEntity[]; warnings: Issue[] }> {
  const dirs = options.dirs !== undefined && options.dirs.length > 0 ? options.dirs : [DEFAULT_OUT_DIR];
  await checkDirs(options.cwd, dirs);
  // Each dir is validated on its own: services' folders may repeat the project and shared
  // connectors; identical copies are merged when read, different ones are refused there.
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  for (const dir of dirs) {
    const result = await validatePaths([dir], { cwd: options.cwd, env: options.env, signal: options.signal });
    errors.push(...result.issues.filter((i) => i.severity === "error"));
    warnings.push(...result.issues.filter((i) => i.severity !== "error"));
  }
  if (errors.length > 0) throw invalidFiles(errors);
  return { dirs, entities: await loadLocalEntities(options.cwd, dirs), warnings };
}

/** Ctrl+C mid-run: a KitError that says what happened and how to go on (not a bug report). */
export function interrupted(signal: AbortSignal | undefined, error: unknown, whatNext: string): unknown {
  if (!signal?.aborted) return error;
  const why = signal.reason instanceof Error ? signal.reason.message : "interrupted";
  return new KitError("E_NETWORK", `${why}: requests in flight were abandoned`, { hint: whatNext });
}

/** Credentials and a client for them (no request is made yet). */
export async function connect(options: ConnectOptions, dirs: readonly string[]): Promise<Session> {
  const connection = await resolveConnection({
    cwd: options.cwd,
    env: options.env ?? {},
    endpoint: options.endpoint,
    account: options.account,
    apiKeyFile: options.apiKeyFile,
  });
  const client = createHarnessClient({
    endpoint: connection.endpoint,
    account: connection.account,
    apiKey: connection.apiKey,
    dispatcher: options.dispatcher,
    env: options.env,
    retryPolicy: options.retryPolicy,
    rateLimit: options.rateLimit,
    signal: options.signal,
  });
  return { dirs, client, close: () => client.close() };
}
