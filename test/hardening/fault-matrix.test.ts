/**
 * The fault matrix: each way a network or gateway fails, in bursts, aimed at each kind of entity.
 * Every case ends fully published or stopped with a one-line message naming the request; nothing
 * is ever created twice; running publish again finishes the job, and once more changes nothing.
 * (Random faults at 30% and single lost answers are covered in test/publish/faults.test.ts.)
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plan, publish } from "../../src/index.js";
import type { Fault, FaultKind, PublishResult } from "../../src/index.js";
import { countEntities, FAST, loggedEmulator, refusedCreates, renderSample, SAMPLE_COUNT, SAMPLE_SECRET_ENV, tempDir } from "./helpers.js";
import { retryAfterProxy } from "./retry-after-proxy.js";

interface Case {
  name: string;
  faults: Fault[];
  /** The first run must stop (the burst outlasts every retry). */
  stops?: boolean;
  /** Sent through a proxy that adds `Retry-After: 1` to 429s. */
  retryAfter?: boolean;
}

const burst = (n: number, kind: FaultKind, method?: string, at?: string): Fault[] =>
  Array.from({ length: n }, () => ({ kind, ...(method ? { method } : {}), ...(at ? { path: at } : {}) }));

const CASES: Case[] = [
  { name: "a burst of 429 without Retry-After", faults: burst(4, "429", "POST", "/ng/api/connectors") },
  { name: "a burst of 429 with Retry-After: 1", faults: burst(2, "429", "POST", "/pipeline/api/pipelines"), retryAfter: true },
  { name: "500 on service creates", faults: burst(3, "500", "POST", "/ng/api/servicesV2") },
  { name: "502 on environment creates", faults: burst(3, "502", "POST", "/ng/api/environmentsV2") },
  { name: "503 on infrastructure creates", faults: burst(3, "503", "POST", "/ng/api/infrastructures") },
  { name: "504 on pipeline creates", faults: burst(3, "504", "POST", "/pipeline/api/pipelines") },
  { name: "503 after the entity was stored", faults: burst(2, "503-after-store", "POST", "/ng/api/connectors") },
  { name: "connection reset before the entity was stored", faults: burst(2, "reset", "POST", "/ng/api/connectors") },
  { name: "connection reset after the entity was stored", faults: burst(2, "reset-after-store", "POST", "/pipeline/api/pipelines") },
  { name: "an answer slower than the client's timeout", faults: [{ kind: "timeout", method: "POST", path: "/ng/api/projects", delayMs: 1200 }] },
  { name: "a slow answer after the entity was stored", faults: [{ kind: "timeout-after-store", method: "POST", path: "/ng/api/servicesV2", delayMs: 1200 }] },
  { name: "a proxy's HTML error page", faults: burst(2, "html", "POST", "/ng/api/environmentsV2") },
  { name: "a proxy's HTML page after the entity was stored", faults: burst(1, "html-after-store", "POST", "/ng/api/infrastructures") },
  { name: "truncated JSON", faults: [...burst(1, "truncated", "POST", "/ng/api/projects"), ...burst(2, "truncated", "GET")] },
  // publish first looks its secrets up (a failed lookup only leaves them unknown); the project's GET is the first that stops it.
  { name: "503 on every try of the first request", faults: burst(8, "503", "GET", "/ng/api/projects"), stops: true },
  { name: "resets on every try of a pipeline create", faults: burst(14, "reset", "POST", "/pipeline/api/pipelines"), stops: true },
];

let root = "";
beforeAll(async () => {
  root = tempDir("faults");
  await renderSample(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A stopped run says what failed in one line per entity, naming the request — never a stack. */
function expectClearStop(result: PublishResult): void {
  expect(result.ok).toBe(false);
  const failed = result.results.filter((r) => r.action === "failed");
  expect(failed.length).toBeGreaterThan(0);
  for (const item of failed) {
    expect(item.error).toMatch(/^\[(GET|POST|PUT)\] http:\/\/127\.0\.0\.1:\d+\/\S+: /);
    expect(item.error).not.toContain("\n");
    expect(item.error).not.toMatch(/\bat \S+ \(/);
  }
}

describe("fault matrix: publish the sample service through each fault", () => {
  for (const [n, c] of CASES.entries()) {
    it(c.name, async () => {
      const { emulator, log } = await loggedEmulator();
      const proxy = c.retryAfter ? await retryAfterProxy(emulator.url, "1") : undefined;
      try {
        const options = {
          cwd: root,
          env: { HARNESS_PLATFORM_API_KEY: emulator.token, HARNESS_SCAFFOLD_STATE_DIR: path.join(root, `state-${n}`), ...SAMPLE_SECRET_ENV },
          endpoint: proxy?.url ?? emulator.url,
          retryPolicy: FAST,
        };
        emulator.injectFaults(c.faults);
        const runs = [await publish(options)];
        if (c.stops) expectClearStop(runs[0]!);
        else if (!runs[0]!.ok) expectClearStop(runs[0]!);
        while (!runs.at(-1)!.ok && runs.length < 4) runs.push(await publish(options));
        expect(runs.at(-1)!.ok).toBe(true);
        expect(log.filter((l) => l.includes("fault=")).length).toBe(c.faults.length);

        const stored = await countEntities(emulator);
        expect(stored.duplicates).toEqual([]);
        expect(stored.distinct).toBe(SAMPLE_COUNT);
        expect(refusedCreates(log)).toEqual([]);

        const again = await publish(options);
        expect(new Set(again.results.map((r) => r.action))).toEqual(new Set(["unchanged"]));
        expect(new Set((await plan(options)).plan.map((p) => p.action))).toEqual(new Set(["unchanged", "exists"]));

        if (proxy) {
          // The client waited as told before retrying the throttled creates.
          const pipelines = proxy.hits.filter((h) => h.method === "POST" && h.path.includes("/pipelines/v2"));
          const throttled = pipelines.filter((h) => h.status === 429);
          expect(throttled).toHaveLength(2);
          // Both creates went at once, both were throttled, and neither came back within a second.
          const answered = pipelines.filter((h) => h.status === 200);
          expect(answered).toHaveLength(2);
          for (const ok of answered) expect(ok.at - Math.max(...throttled.map((t) => t.at))).toBeGreaterThanOrEqual(950);
        }
      } finally {
        await proxy?.close();
        await emulator.close();
      }
    }, 30_000);
  }
});
