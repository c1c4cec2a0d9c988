/**
 * The emulator under load: 8 clients × 500 mixed operations (create, read, update, delete of
 * services and pipelines) at once lose nothing and duplicate nothing; and a --state file survives
 * a SIGKILL in the middle of that load (run against the built binary) with everything
 * acknowledged in it. (test/emulator covers 8 × 100 creates and one kill during
 * creates; this is the full-size mixed version.)
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/index.js";
import { startEmulatorProcess } from "./emulator-child.js";
import { tempDir } from "./helpers.js";
import type { ClientReport } from "./workload.js";
import { createLoadProject, readBack, runClient } from "./workload.js";

const CLIENTS = 8;
const OPERATIONS = 500;

let dir = "";
beforeAll(() => {
  dir = tempDir("load");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What every client was told, merged (identifier spaces do not overlap). */
function merged(reports: readonly ClientReport[]): { model: Map<string, string>; uncertain: Set<string> } {
  const model = new Map<string, string>();
  const uncertain = new Set<string>();
  for (const r of reports) {
    for (const [k, v] of r.model) model.set(k, v);
    for (const k of r.uncertain) uncertain.add(k);
  }
  return { model, uncertain };
}

describe("emulator under load", () => {
  it(`${CLIENTS} clients × ${OPERATIONS} mixed operations: nothing lost, nothing doubled`, async () => {
    const e = await startEmulator({ host: "127.0.0.1", port: 0, rateLimit: false });
    try {
      await createLoadProject(e);
      const reports = await Promise.all(Array.from({ length: CLIENTS }, (_, c) => runClient(e, c, OPERATIONS, 42)));
      expect(reports.flatMap((r) => r.problems)).toEqual([]);
      expect(reports.reduce((n, r) => n + r.acknowledged, 0)).toBe(CLIENTS * OPERATIONS);
      const { model, uncertain } = merged(reports);
      expect(uncertain.size).toBe(0);
      expect(model.size).toBeGreaterThan(CLIENTS * 50);
      expect(await readBack(e)).toEqual(model);
    } finally {
      await e.close();
    }
  }, 90_000);

  it("a SIGKILL during that load loses nothing that was acknowledged", async () => {
    const stateFile = path.join(dir, "killed.json");
    const env = { HOME: dir };
    const first = await startEmulatorProcess(["--state", stateFile], { cwd: dir, env });
    await createLoadProject(first);
    let acked = 0;
    let killed: Promise<void> | undefined;
    const killAt = 400 + Math.floor(Math.random() * 400);
    const onAck = (): void => {
      acked += 1;
      if (acked === killAt) killed = first.stop("SIGKILL");
    };
    const reports = await Promise.all(Array.from({ length: CLIENTS }, (_, c) => runClient(first, c, OPERATIONS, 7, onAck)));
    await killed;
    expect(killed, "the emulator was killed mid-load").toBeDefined();
    expect(reports.flatMap((r) => r.problems)).toEqual([]);

    const restarted = await startEmulatorProcess(["--state", stateFile, "--token", first.token], { cwd: dir, env });
    try {
      const stored = await readBack(restarted);
      const { model, uncertain } = merged(reports);
      // Each client had at most one request in flight when the process died.
      expect(uncertain.size).toBeLessThanOrEqual(CLIENTS);
      const lost = [...model].filter(([k, name]) => !uncertain.has(k) && stored.get(k) !== name);
      const extra = [...stored.keys()].filter((k) => !model.has(k) && !uncertain.has(k));
      expect({ lost, extra }).toEqual({ lost: [], extra: [] });
      expect(acked).toBeGreaterThanOrEqual(killAt);
    } finally {
      await restarted.stop("SIGKILL");
    }
  }, 90_000);
});
