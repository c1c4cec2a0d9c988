/**
 * One client-side rate limit shared by every request of a run. Harness counts requests per API key
 * (1000 a minute documented), so the whole run, not each request, has to stay under it. The limit
 * is "at most N requests in any window of W", strict even against a server that counts arrivals
 * in fixed or sliding windows: each request stays in the log until its answer is back, and then
 * counts from that moment (its arrival at the server lies somewhere before), so network delay can
 * never squeeze N + 1 arrivals into one of the server's windows. A 429 proves the server's limit is lower than ours (another
 * tool shares the key, or the limit changed), so on top of the window the limiter then spaces
 * requests out, more after each 429, and closes the gap again slowly as requests succeed.
 */
import { setTimeout as sleepFor } from "node:timers/promises";
import { KitError } from "../errors.js";

export interface RateLimit {
  requests: number;
  windowMs: number;
}

/**
 * 360 a minute: every call here carries `x-api-key`, and Harness allows such "external API"
 * calls 400 a minute per key (1000 for a key overall; harness-api.md §3), so this leaves room for
 * the user's other tools.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { requests: 360, windowMs: 60_000 };

/** Timers fire a millisecond or two early or late; this keeps a freed slot from being taken too soon. */
const TIMER_MARGIN_MS = 5;
/** How often a caller re-checks while every blocking request is still waiting for its answer. */
const IN_FLIGHT_POLL_MS = 10;

/** How the gap between requests reacts to 429s (multiplicative up, slow decay down). */
export const THROTTLE = {
  /** Gap after the first 429, in milliseconds. */
  firstGapMs: 50,
  /** Each further 429 multiplies the gap by this. */
  growth: 2,
  /** Never wait longer than this between two requests. */
  maxGapMs: 5_000,
  /** Each success multiplies the gap by this; below 1 ms it is gone. */
  decayPerSuccess: 0.95,
} as const;

export interface RateLimiter {
  /**
   * Resolves when one more request may go out (FIFO across concurrent callers), with the function
   * to call once its answer is in (or it failed).
   */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** The server said 429: widen the gap between requests. */
  throttled(): void;
  /** A request went through: narrow the gap a little. */
  succeeded(): void;
  stats(): { sent: number; throttled: number; waitedMs: number; gapMs: number };
}

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), sleep: (ms, signal) => sleepFor(ms, undefined, { signal }) };

/** Parses `--rate N/SECONDS` (e.g. `600/60`, `5/1`, `2/0.5`). */
export function parseRate(text: string): RateLimit {
  const match = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  const requests = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  if (!match || requests < 1 || !(seconds > 0)) {
    throw new KitError("E_USAGE", `--rate must be REQUESTS/SECONDS, e.g. 600/60, not "${text}"`, {
      hint: "at least 1 request in a positive number of seconds",
    });
  }
  return { requests, windowMs: seconds * 1000 };
}

export function createRateLimiter(limit: RateLimit = DEFAULT_RATE_LIMIT, clock: Clock = realClock): RateLimiter {
  const window = limit.windowMs + TIMER_MARGIN_MS;
  /** One entry per request still counted: when it went out, and when its answer came (if it has). */
  let log: { sentAt: number; doneAt?: number }[] = [];
  let gap = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const totals = { sent: 0, throttled: 0, waitedMs: 0 };

  async function takeSlot(signal?: AbortSignal): Promise<() => void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = clock.now();
      log = log.filter((e) => e.doneAt === undefined || e.doneAt > now - window);
      let wait = 0;
      if (log.length >= limit.requests) {
        // Slots free as finished requests leave the window; unfinished ones hold theirs.
        const leaving = log.flatMap((e) => (e.doneAt === undefined ? [] : [e.doneAt + window - now])).sort((a, b) => a - b);
        wait = leaving[log.length - limit.requests] ?? IN_FLIGHT_POLL_MS;
      }
      const last = log.at(-1);
      if (gap > 0 && last !== undefined) wait = Math.max(wait, last.sentAt + gap - now);
      if (wait <= 0) {
        const entry: { sentAt: number; doneAt?: number } = { sentAt: now };
        log.push(entry);
        totals.sent += 1;
        return () => {
          entry.doneAt ??= clock.now();
        };
      }
      totals.waitedMs += wait;
      await clock.sleep(Math.ceil(wait), signal);
    }
  }

  return {
    acquire(signal) {
      const turn = queue.then(() => takeSlot(signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
    throttled() {
      totals.throttled += 1;
      gap = Math.min(THROTTLE.maxGapMs, Math.max(THROTTLE.firstGapMs, gap * THROTTLE.growth));
    },
    succeeded() {
      gap = gap * THROTTLE.decayPerSuccess < 1 ? 0 : gap * THROTTLE.decayPerSuccess;
    },
    stats: () => ({ ...totals, gapMs: Math.round(gap) }),
  };
}
