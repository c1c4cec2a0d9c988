/**
 * One client-side rate limit shared by every request of a run. Harness counts requests per API key
 * (1000 a minute documented), so the whole run, not each request, has to stay under it. The limit
 * is "at most N requests in any window of W": a sliding log of send times, strict even against a
 * server that counts in fixed windows. A 429 proves the server's limit is lower than ours (another
 * tool shares the key, or the limit changed), so on top of the window the limiter then spaces
 * requests out, more after each 429, and closes the gap again slowly as requests succeed.
 */
import { setTimeout as sleepFor } from "node:timers/promises";
import { KitError } from "../errors.js";

export interface RateLimit {
  requests: number;
  windowMs: number;
}

/** 600 a minute: well below the documented 1000 per key, leaving room for the user's other tools. */
export const DEFAULT_RATE_LIMIT: RateLimit = { requests: 600, windowMs: 60_000 };

/** Requests leave a little later than we count them; this margin keeps the server's count honest. */
const WINDOW_MARGIN = { ratio: 0.02, ms: 25 };

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
  /** Resolves when one more request may go out. FIFO across concurrent callers. */
  acquire(signal?: AbortSignal): Promise<void>;
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
  const window = limit.windowMs * (1 + WINDOW_MARGIN.ratio) + WINDOW_MARGIN.ms;
  const sent: number[] = [];
  let gap = 0;
  let queue: Promise<void> = Promise.resolve();
  const totals = { sent: 0, throttled: 0, waitedMs: 0 };

  async function takeSlot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = clock.now();
      while (sent.length > 0 && (sent[0] as number) <= now - window) sent.shift();
      // The window frees a slot when the send `requests` places back leaves it.
      let wait = sent.length >= limit.requests ? (sent[sent.length - limit.requests] as number) + window - now : 0;
      if (gap > 0 && sent.length > 0) wait = Math.max(wait, (sent.at(-1) as number) + gap - now);
      if (wait <= 0) {
        sent.push(now);
        totals.sent += 1;
        return;
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
