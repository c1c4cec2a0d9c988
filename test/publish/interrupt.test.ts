import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publish, rollback } from "../../src/index.js";
import type { Harness } from "./helpers.js";
import { setup } from "./helpers.js";

describe("Ctrl+C in the middle of a publish", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await setup();
  });
  afterAll(async () => h.close());

  it("stops with a clear error, keeps what was created in the journal, and the next run finishes", async () => {
    const controller = new AbortController();
    let caught: { code?: string; message?: string; hint?: string } = {};
    await publish({
      ...h.options(),
      signal: controller.signal,
      concurrency: 1,
      onProgress: (e) => {
        if (e.type === "done" && e.item.kind === "connector") controller.abort(new Error("interrupted by SIGINT"));
      },
    }).catch((error: typeof caught) => (caught = error));
    expect(caught.code).toBe("E_NETWORK");
    expect(caught.message).toBe("interrupted by SIGINT: requests in flight were abandoned");
    expect(caught.hint).toMatch(/^\d+ of 17 entities were done; run "harness-scaffold publish" again to finish/);
    const writes = h.log.filter((l) => l.startsWith("POST "));
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes.length).toBeLessThan(15);

    const resumed = await publish(h.options());
    expect(resumed.ok).toBe(true);
    expect(resumed.resumed).toBe(true);
    const undone = await rollback(h.options());
    // Rollback covers both the interrupted attempt and the run that finished it.
    expect(undone.results.filter((r) => r.action === "deleted")).toHaveLength(17);
  });
});
