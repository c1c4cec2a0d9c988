/**
 * Shared set-up for client unit tests: an undici MockAgent that refuses real network, a clock that
 * records sleeps instead of sleeping, and a key that must never show up in any output.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { MockAgent } from "undici";
import type { HarnessClientOptions } from "../../src/harness/client.js";
import { createHarnessClient } from "../../src/harness/client.js";
import type { Clock } from "../../src/harness/rate-limiter.js";
import { repoRoot } from "../helpers/cli.js";

export const ORIGIN = "https://app.harness.io";
export const ACCOUNT = "acct_Test-1";
export const KEY = `pat.${ACCOUNT}.tok123.SuperSecretValue42xyz`;

export function fixture(name: string): string {
  return readFileSync(path.join(repoRoot, "test/fixtures/publish/errors", name), "utf8");
}

export interface FakeClock extends Clock {
  slept: number[];
}

export function fakeClock(): FakeClock {
  let now = 1_700_000_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

export function mockClient(overrides: Partial<HarnessClientOptions> = {}) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const clock = fakeClock();
  const client = createHarnessClient({
    endpoint: ORIGIN,
    account: ACCOUNT,
    apiKey: KEY,
    dispatcher: agent,
    clock,
    random: () => 0,
    ...overrides,
  });
  return { agent, pool: agent.get(ORIGIN), clock, client };
}

export const json = { "content-type": "application/json" };

export function envelope(data: unknown): object {
  return { status: "SUCCESS", data, metaData: null, correlationId: "c0ffee00-0000-4000-8000-000000000000" };
}

/** Runs `fn`, expecting a rejection, and returns the error. */
export async function failure(fn: () => Promise<unknown>): Promise<{ code: string; message: string; hint?: string; details?: Record<string, unknown> }> {
  try {
    await fn();
  } catch (error) {
    return error as never;
  }
  throw new Error("expected a failure");
}

export function networkFault(code: string): Error {
  return Object.assign(new Error(`socket trouble ${code}`), { code });
}
