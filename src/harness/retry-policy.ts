/**
 * When a request to Harness is tried again, as data. Read this file to know exactly what the
 * client does on a bad answer; the client only applies it.
 */

export interface RetryPolicy {
  /** Tries per request, the first one included. */
  maxAttempts: number;
  /**
   * Answers that say "not now" rather than "no": the gateway's rate limit (429), a crash (500),
   * a proxy that lost the backend (502, 504) and planned unavailability (503).
   */
  retryStatuses: readonly number[];
  /**
   * Failures to get a whole answer: undici and Node error codes, our own `TIMEOUT`, and
   * `INCOMPLETE_BODY` (a 2xx whose JSON body is cut off: the request ran, the answer was lost).
   */
  retryErrorCodes: readonly string[];
  /**
   * Methods that may simply be sent again: applying them twice leaves the same state. POST is not
   * here, because a create whose answer was lost may have happened (see `safeToResend*`).
   */
  idempotentMethods: readonly string[];
  /** Statuses proving the server did nothing, so even a POST may be sent again. */
  safeToResendStatuses: readonly number[];
  /** Error codes proving the request never reached the server. */
  safeToResendErrorCodes: readonly string[];
  /** Backoff: first delay, growth per try, and the ceiling, in milliseconds. */
  baseDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** Each delay is drawn from [delay × (1 − jitter), delay], so parallel clients drift apart. */
  jitter: number;
  /**
   * A server's `Retry-After` (seconds or an HTTP date) replaces the computed delay, up to this cap:
   * Harness SaaS documents that it sends none, but proxies and self-managed installs may.
   */
  maxRetryAfterMs: number;
  /** One try is abandoned (and counts as a timeout) after this long without a full answer. */
  timeoutMs: number;
}

export const HARNESS_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  retryStatuses: [429, 500, 502, 503, 504],
  // Not ECONNREFUSED: nothing listening means a wrong address or a server that is down, which
  // seconds of retrying rarely fix; the error says so at once and a rerun resumes.
  retryErrorCodes: [
    "ECONNRESET",
    "EPIPE",
    "ETIMEDOUT",
    "EAI_AGAIN",
    "UND_ERR_SOCKET",
    "UND_ERR_CONNECT_TIMEOUT",
    "UND_ERR_HEADERS_TIMEOUT",
    "UND_ERR_BODY_TIMEOUT",
    "TIMEOUT",
    "INCOMPLETE_BODY",
  ],
  idempotentMethods: ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"],
  safeToResendStatuses: [429],
  safeToResendErrorCodes: ["ECONNREFUSED", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"],
  baseDelayMs: 500,
  factor: 2,
  maxDelayMs: 10_000,
  jitter: 0.5,
  maxRetryAfterMs: 60_000,
  timeoutMs: 30_000,
};

/** The computed delay before try number `attempt + 1` (attempt counts from 1). */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** (attempt - 1));
  return Math.round(ceiling * (1 - policy.jitter * random()));
}

/**
 * `Retry-After` in milliseconds from now: either delta-seconds or an HTTP date. Undefined when
 * absent or unreadable; dates in the past give 0.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** How long to wait before the next try, preferring the server's word when it gave one. */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  retryAfter: string | undefined,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  const fromServer = parseRetryAfter(retryAfter, now);
  if (fromServer !== undefined) return Math.min(fromServer, policy.maxRetryAfterMs);
  return backoffDelay(policy, attempt, random);
}

/** Whether a failed try may be repeated, given the method and what went wrong. */
export function mayRetry(
  policy: RetryPolicy,
  method: string,
  failure: { status: number } | { errorCode: string },
): boolean {
  const idempotent = policy.idempotentMethods.includes(method.toUpperCase());
  if ("status" in failure) {
    if (!policy.retryStatuses.includes(failure.status)) return false;
    return idempotent || policy.safeToResendStatuses.includes(failure.status);
  }
  if (!policy.retryErrorCodes.includes(failure.errorCode)) return false;
  return idempotent || policy.safeToResendErrorCodes.includes(failure.errorCode);
}
