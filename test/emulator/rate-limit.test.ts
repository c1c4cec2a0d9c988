/** Per-key sliding-window rate limiting: 429 without Retry-After, recovery after the window. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/index.js";
import { call, start } from "./helpers.js";
import type { RunningEmulator } from "./helpers.js";

describe("rate limit", () => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await start({ rateLimit: { requests: 5, windowMs: 600 } });
  });
  afterAll(() => e.close());

  it("answers 429 without Retry-After once a key used up its window, and recovers after it", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(e, "GET", "/ng/api/organizations/default")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await call(e, "GET", "/ng/api/organizations/default");
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBeUndefined();
    expect(limited.json).toMatchObject({ status: "ERROR", code: "TOO_MANY_REQUESTS" });

    // Another key has its own window (it is refused for being invalid, not for the rate).
    expect((await call(e, "GET", "/ng/api/organizations/default", { apiKey: `pat.${e.account}.x.y` })).status).toBe(401);

    await new Promise((r) => setTimeout(r, 650));
    expect((await call(e, "GET", "/ng/api/organizations/default")).status).toBe(200);
  });

  it("limits requests without a key per client address, before authentication", async () => {
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await call(e, "GET", "/ng/api/organizations/default", { apiKey: null })).status);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe("rate limit by default", () => {
  let e: RunningEmulator;
  beforeAll(async () => {
    // Without the option: Harness's documented 400 x-api-key calls a minute per key.
    e = await startEmulator({ host: "127.0.0.1", port: 0 });
  });
  afterAll(() => e.close());

  it("admits 400 requests of a key within a minute and answers the 401st with 429", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 401; i++) statuses.push((await call(e, "GET", "/ng/api/organizations/default")).status);
    expect(statuses.slice(0, 400).every((s) => s === 200)).toBe(true);
    expect(statuses[400]).toBe(429);
  });

  it("is off with rateLimit: false", async () => {
    const unlimited = await startEmulator({ host: "127.0.0.1", port: 0, rateLimit: false });
    try {
      const statuses = await Promise.all(Array.from({ length: 450 }, () => call(unlimited, "GET", "/ng/api/organizations/default").then((a) => a.status)));
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
    } finally {
      await unlimited.close();
    }
  });
});
