import { afterEach, describe, expect, it } from "vitest";
import type { Harness } from "./helpers.js";
import { actions, setup } from "./helpers.js";

/** Most requests the emulator admitted within any `windowMs` (from arrival order and timestamps). */
function busiest(stamps: number[], windowMs: number): number {
  return Math.max(0, ...stamps.map((t) => stamps.filter((u) => u >= t && u < t + windowMs).length));
}

describe("rate limits", () => {
  let h: Harness | undefined;
  afterEach(async () => h?.close());

  it("stays under a limit given with --rate: not a single 429", async () => {
    h = await setup({ rateLimit: { requests: 4, windowMs: 1000 } });
    const stamps: number[] = [];
    const log = h.log;
    const push = log.push.bind(log);
    log.push = (...lines: string[]) => (stamps.push(...lines.map(() => Date.now())), push(...lines));
    const r = await h.run(["publish", "--json", "--rate", "4/1", "--concurrency", "4"]);
    expect(r.code).toBe(0);
    expect(actions(r.stdout, "results")).toEqual(["created"]);
    expect(h.log.filter((l) => / 429/.test(l))).toEqual([]);
    expect(h.log.length).toBeGreaterThanOrEqual(12);
    // Answers are logged a moment after arrival; the margin of the client's window absorbs that.
    expect(busiest(stamps, 900)).toBeLessThanOrEqual(4);
  }, 60_000);

  it("slows down on 429 and still finishes without a failure when the server's limit is lower than ours", async () => {
    h = await setup({ rateLimit: { requests: 3, windowMs: 1000 } });
    const r = await h.run(["publish", "--json", "--concurrency", "4"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; results: { action: string }[] };
    expect(out.ok).toBe(true);
    expect(out.results.every((x) => x.action === "created")).toBe(true);
    expect(h.log.filter((l) => / 429/.test(l)).length).toBeGreaterThan(0);
  }, 90_000);
});
