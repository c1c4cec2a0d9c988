import { describe, expect, it } from "vitest";
import { createRateLimiter, parseRate } from "../../src/harness/rate-limiter.js";
import { backoffDelay, HARNESS_RETRY_POLICY, mayRetry, parseRetryAfter } from "../../src/harness/retry-policy.js";
import { failure, fakeClock } from "./mock.js";

/** Largest number of sends inside any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0; i < times.length; i += 1) {
    best = Math.max(best, times.filter((t) => t >= (times[i] as number) && t < (times[i] as number) + windowMs).length);
  }
  return best;
}

describe("rate limiter", () => {
  it("never lets more than N requests into any window, even from concurrent callers", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requests: 5, windowMs: 1000 }, clock);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 23 }, () => limiter.acquire().then((done) => (times.push(clock.now()), done()))));
    expect(times).toHaveLength(23);
    expect(busiestWindow(times, 1000)).toBe(5);
    // 23 sends at 5 per second need a little over 4 seconds not much more.
    expect((times.at(-1) as number) - (times[0] as number)).toBeGreaterThan(4000);
    expect((times.at(-1) as number) - (times[0] as number)).toBeLessThan(4500);
  });

  it("holds a slot while its request waits for an answer, so arrivals never bunch up", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requests: 2, windowMs: 1000 }, clock);
    const first = await limiter.acquire();
    const second = await limiter.acquire();
    let third = false;
    const waiting = limiter.acquire().then((done) => ((third = true), done));
    await clock.sleep(3000);
    expect(third).toBe(false);
    first();
    second();
    await waiting;
    expect(third).toBe(true);
  });

  it("spaces requests out after 429s, more after each, and closes the gap as requests succeed", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requests: 1000, windowMs: 1000 }, clock);
    limiter.throttled();
    expect(limiter.stats().gapMs).toBe(50);
    limiter.throttled();
    limiter.throttled();
    expect(limiter.stats().gapMs).toBe(200);
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) await limiter.acquire().then((done) => (times.push(clock.now()), done()));
    expect(times.slice(1).map((t, i) => t - (times[i] as number))).toEqual([200, 200, 200, 200]);
    for (let i = 0; i < 200; i += 1) limiter.succeeded();
    expect(limiter.stats().gapMs).toBe(0);
    for (let i = 0; i < 20; i += 1) limiter.throttled();
    expect(limiter.stats().gapMs).toBe(5000);
  });

  it("parses --rate N/SECONDS", async () => {
    expect(parseRate("600/60")).toEqual({ requests: 600, windowMs: 60_000 });
    expect(parseRate("2/0.5")).toEqual({ requests: 2, windowMs: 500 });
    for (const bad of ["600", "0/1", "5/0", "x/1"]) expect((await failure(async () => parseRate(bad))).code).toBe("E_USAGE");
  });
});

describe("retry policy", () => {
  it("grows exponentially up to its cap", () => {
    const p = { ...HARNESS_RETRY_POLICY, jitter: 0 };
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelay(p, a))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("12", now)).toBe(12_000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it("re-sends POSTs only when the server certainly did nothing", () => {
    const p = HARNESS_RETRY_POLICY;
    expect(mayRetry(p, "POST", { status: 429 })).toBe(true);
    expect(mayRetry(p, "POST", { status: 503 })).toBe(false);
    expect(mayRetry(p, "POST", { errorCode: "ECONNRESET" })).toBe(false);
    expect(mayRetry(p, "POST", { errorCode: "UND_ERR_CONNECT_TIMEOUT" })).toBe(true);
    expect(mayRetry(p, "GET", { errorCode: "ECONNREFUSED" })).toBe(false);
    expect(mayRetry(p, "PUT", { errorCode: "TIMEOUT" })).toBe(true);
    expect(mayRetry(p, "GET", { status: 404 })).toBe(false);
  });
});
