/**
 * The HTTP client for Harness's NG API: adds the account and key, waits for the shared rate
 * limiter, applies the retry policy, unwraps `{status, data}` envelopes and turns failures into
 * one-line KitErrors. The transport is an injected undici Dispatcher (a MockAgent in unit tests).
 */
import { setTimeout as sleepFor } from "node:timers/promises";
import type { Dispatcher } from "undici";
import { request } from "undici";
import type { FormData } from "undici";
import { KitError } from "../errors.js";
import { kitVersion } from "../paths.js";
import { proxyAwareDispatcher } from "./dispatcher.js";
import { httpError, networkError } from "./http-error.js";
import type { Clock, RateLimit, RateLimiter } from "./rate-limiter.js";
import { createRateLimiter } from "./rate-limiter.js";
import type { RetryPolicy } from "./retry-policy.js";
import { HARNESS_RETRY_POLICY, mayRetry, retryDelay } from "./retry-policy.js";
import { redact, Secret } from "./secret.js";

export interface HarnessClientOptions {
  endpoint: string;
  account: string;
  apiKey: Secret | string;
  /** Defaults to a proxy-aware agent built from `env`. */
  dispatcher?: Dispatcher;
  env?: Readonly<Record<string, string | undefined>>;
  retryPolicy?: Partial<RetryPolicy>;
  rateLimit?: RateLimit;
  /** Share one limiter between clients that use the same key. */
  rateLimiter?: RateLimiter;
  signal?: AbortSignal;
  /** Test seams: time and randomness. */
  clock?: Clock;
  random?: () => number;
}

export interface HarnessRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path below the endpoint, e.g. `/ng/api/projects/x`. */
  path: string;
  /** `accountIdentifier` is added; undefined values are left out. */
  query?: Record<string, string | undefined>;
  json?: unknown;
  yaml?: string;
  /** A multipart body (SecretFile uploads); re-sent as is on a retry. */
  form?: FormData;
  /** Secret values the body carries: scrubbed from any error text as the API key is. */
  secrets?: readonly Secret[];
  /** This request's own timeout (e.g. a connection test, which Harness runs for up to 2 min). */
  timeoutMs?: number;
}

export interface HarnessClient {
  readonly endpoint: string;
  readonly account: string;
  readonly policy: RetryPolicy;
  /** The envelope's `data`. Throws E_HTTP / E_NETWORK KitErrors (details.outcomeUnknown for POSTs that may have happened). */
  send<T = unknown>(req: HarnessRequest): Promise<T>;
  /** Waits as the policy says before try `attempt + 1` of an operation the caller repeats itself. */
  backoff(attempt: number): Promise<void>;
  stats(): { requests: number; retries: number; byStatus: Record<string, number>; limiter: ReturnType<RateLimiter["stats"]> };
  close(): Promise<void>;
}

function errorCodeOf(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    // Codes are short upper-case words; anything else is not a code we should repeat.
    if (typeof code === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return "UNKNOWN";
}

export function createHarnessClient(options: HarnessClientOptions): HarnessClient {
  const policy: RetryPolicy = { ...HARNESS_RETRY_POLICY, ...options.retryPolicy };
  const key = options.apiKey instanceof Secret ? options.apiKey : new Secret(options.apiKey);
  const ownsDispatcher = options.dispatcher === undefined;
  const dispatcher = options.dispatcher ?? proxyAwareDispatcher(options.env ?? {});
  const limiter = options.rateLimiter ?? createRateLimiter(options.rateLimit, options.clock);
  const clock = options.clock;
  const random = options.random ?? Math.random;
  const userSignal = options.signal ?? new AbortController().signal;
  const counts = { requests: 0, retries: 0, byStatus: {} as Record<string, number> };
  const sleep = (ms: number): Promise<void> =>
    clock ? clock.sleep(ms, userSignal) : sleepFor(ms, undefined, { signal: userSignal });
  const tally = (label: string): void => {
    counts.byStatus[label] = (counts.byStatus[label] ?? 0) + 1;
  };

  async function send<T>(req: HarnessRequest): Promise<T> {
    const url = new URL(`${options.endpoint}${req.path}`);
    url.searchParams.set("accountIdentifier", options.account);
    for (const [name, value] of Object.entries(req.query ?? {})) if (value !== undefined) url.searchParams.set(name, value);
    const info = { method: req.method, url: url.toString() };
    const headers: Record<string, string> = {
      accept: "application/json",
      "x-api-key": key.reveal(),
      "Harness-Account": options.account,
      "user-agent": `harness-scaffold/${kitVersion()}`,
    };
    const hidden = [key, ...(req.secrets ?? [])];
    let body: string | FormData | undefined;
    if (req.form !== undefined) body = req.form;
    else if (req.yaml !== undefined) [body, headers["content-type"]] = [req.yaml, "application/yaml"];
    else if (req.json !== undefined) [body, headers["content-type"]] = [JSON.stringify(req.json), "application/json"];

    for (let attempt = 1; ; attempt += 1) {
      const release = await limiter.acquire(userSignal);
      counts.requests += 1;
      if (attempt > 1) counts.retries += 1;
      const timeout = AbortSignal.timeout(req.timeoutMs ?? policy.timeoutMs);
      let status: number;
      let text: string;
      let retryAfter: string | undefined;
      let contentType: string | undefined;
      try {
        const res = await request(url, { dispatcher, method: req.method, headers, body, signal: AbortSignal.any([userSignal, timeout]) });
        status = res.statusCode;
        const header = (name: string): string | undefined => [res.headers[name]].flat()[0];
        [retryAfter, contentType] = [header("retry-after"), header("content-type")];
        text = await res.body.text();
        release();
      } catch (error) {
        release();
        if (userSignal.aborted) throw userSignal.reason;
        const code = timeout.aborted ? "TIMEOUT" : errorCodeOf(error);
        tally(code);
        if (attempt < policy.maxAttempts && mayRetry(policy, req.method, { errorCode: code })) {
          await sleep(retryDelay(policy, attempt, undefined, random));
          continue;
        }
        const unknown = !policy.idempotentMethods.includes(req.method) && !policy.safeToResendErrorCodes.includes(code);
        throw networkError(info, code, unknown, new Error(redact(String((error as Error)?.message ?? error), hidden)));
      }
      if (status >= 200 && status < 300 && isCutOffJson(text, contentType)) {
        tally("INCOMPLETE_BODY");
        if (attempt < policy.maxAttempts && mayRetry(policy, req.method, { errorCode: "INCOMPLETE_BODY" })) {
          await sleep(retryDelay(policy, attempt, undefined, random));
          continue;
        }
        throw networkError(info, "INCOMPLETE_BODY", req.method === "POST", undefined);
      }
      tally(String(status));
      if (status >= 200 && status < 300) {
        limiter.succeeded();
        return unwrap<T>(text, info, status, contentType, hidden);
      }
      if (status === 429) limiter.throttled();
      if (attempt < policy.maxAttempts && mayRetry(policy, req.method, { status })) {
        await sleep(retryDelay(policy, attempt, retryAfter, random, clock?.now() ?? Date.now()));
        continue;
      }
      const failure = httpError(info, status, contentType, text, hidden);
      (failure.details as Record<string, unknown>).outcomeUnknown = req.method === "POST" && status >= 500;
      throw failure;
    }
  }

  return {
    endpoint: options.endpoint,
    account: options.account,
    policy,
    send,
    backoff: (attempt) => sleep(retryDelay(policy, attempt, undefined, random)),
    stats: () => ({ ...counts, byStatus: { ...counts.byStatus }, limiter: limiter.stats() }),
    close: async () => {
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}

/** A JSON answer that does not parse: the connection died mid-body, so the answer is lost. */
function isCutOffJson(text: string, contentType: string | undefined): boolean {
  const trimmed = text.trim();
  if (trimmed === "" || !(/json/i.test(contentType ?? "") || /^[[{]/.test(trimmed))) return false;
  try {
    JSON.parse(trimmed);
    return false;
  } catch {
    return true;
  }
}

function unwrap<T>(text: string, info: { method: string; url: string }, status: number, contentType: string | undefined, hidden: readonly Secret[]): T {
  if (text.trim() === "") return undefined as T;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const failure = httpError(info, status, contentType, text, hidden);
    throw new KitError("E_HTTP", `${failure.message} (expected a JSON answer)`, { hint: failure.hint, details: failure.details });
  }
  if (typeof parsed === "object" && parsed !== null && "data" in parsed) return (parsed as { data: T }).data;
  return parsed as T;
}
