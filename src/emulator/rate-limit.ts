/**
 * Per-API-key sliding-window limiter. Harness documents 1000 API requests per minute per key and
 * answers 429 *without* `Retry-After` (Cloud Armor does not support it) — shared/harness-api.md §3.
 * Only admitted requests are counted, so a client that backs off gets through once the oldest
 * admitted request leaves the window.
 */
import type { RateLimitOptions } from "./types.js";

/** Past this many tracked keys, keys with nothing left in their window are forgotten. */
const PRUNE_ABOVE = 10_000;

export class SlidingWindowLimiter {
  private readonly admitted = new Map<string, number[]>();

  constructor(private readonly options: RateLimitOptions) {}

  /** True when the request may go on (and counts it), false when it must get a 429. */
  admit(key: string, now: number): boolean {
    const since = now - this.options.windowMs;
    // Every garbled key gets an entry; forget idle ones so a flood of them cannot grow memory forever.
    if (this.admitted.size > PRUNE_ABOVE) this.prune(since);
    const times = (this.admitted.get(key) ?? []).filter((t) => t > since);
    if (times.length >= this.options.requests) {
      this.admitted.set(key, times);
      return false;
    }
    times.push(now);
    this.admitted.set(key, times);
    return true;
  }

  private prune(since: number): void {
    for (const [key, times] of this.admitted) {
      if ((times.at(-1) ?? 0) <= since) this.admitted.delete(key);
    }
  }
}
