import { afterEach, describe, expect, it } from "vitest";
import { createHarnessClient, plan, publish, rollback } from "../../src/index.js";
import type { PublishResult } from "../../src/index.js";
import type { Harness } from "./helpers.js";
import { leaks, SAMPLE_ENTITIES, setup } from "./helpers.js";

/** Quick retries so a faulty run takes seconds; the client times out before held answers arrive. */
const FAST = { baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 400 };

/**
 * Every entity the sample defines, counted from Harness's list endpoints (a duplicate would show
 * twice). The list of pipelines is a POST that only reads, so this client may repeat it.
 */
async function countInHarness(h: Harness): Promise<Record<string, number>> {
  const client = createHarnessClient({
    endpoint: h.emulator.url,
    account: h.emulator.account,
    apiKey: h.emulator.token,
    retryPolicy: { ...FAST, idempotentMethods: ["GET", "POST"] },
  });
  const scope = { orgIdentifier: "default", projectIdentifier: "payments_api" };
  const ids = async (req: Parameters<typeof client.send>[0]): Promise<string[]> => {
    const page = (await client.send(req)) as { content: Record<string, unknown>[] };
    return page.content.map((c) => {
      const inner = (Object.values(c).find((v) => typeof v === "object" && v !== null && "identifier" in v) ?? c) as { identifier: string };
      return inner.identifier;
    });
  };
  const lists = {
    project: await ids({ method: "GET", path: "/ng/api/projects", query: { orgIdentifier: "default" } }),
    secret: await ids({ method: "GET", path: "/ng/api/v2/secrets", query: scope }),
    connector: await ids({ method: "GET", path: "/ng/api/connectors", query: scope }),
    service: await ids({ method: "GET", path: "/ng/api/servicesV2", query: scope }),
    environment: await ids({ method: "GET", path: "/ng/api/environmentsV2", query: scope }),
    infrastructure: [
      ...(await ids({ method: "GET", path: "/ng/api/infrastructures", query: { ...scope, environmentIdentifier: "dev" } })),
      ...(await ids({ method: "GET", path: "/ng/api/infrastructures", query: { ...scope, environmentIdentifier: "prod" } })),
    ],
    pipeline: await ids({ method: "POST", path: "/pipeline/api/pipelines/list", query: scope, json: {} }),
    inputset: await ids({ method: "GET", path: "/pipeline/api/inputSets", query: { ...scope, pipelineIdentifier: "payments_api_cd" } }),
    trigger: await ids({ method: "GET", path: "/pipeline/api/triggers", query: { ...scope, targetIdentifier: "payments_api_ci" } }),
  };
  await client.close();
  const counts: Record<string, number> = {};
  for (const [kind, list] of Object.entries(lists)) for (const id of list) counts[`${kind} ${id}`] = (counts[`${kind} ${id}`] ?? 0) + 1;
  return counts;
}

/** plan through the faults: read-only, so a run that ran out of retries is simply run again. */
async function planThrough(h: Harness): ReturnType<typeof plan> {
  for (let i = 0; ; i += 1) {
    try {
      return await plan({ ...h.options(), retryPolicy: FAST });
    } catch (error) {
      if (i >= 4 || (error as { code?: string }).code !== "E_NETWORK") throw error;
    }
  }
}

describe("publish through a network that fails 30% of requests", () => {
  let h: Harness | undefined;
  afterEach(async () => h?.close());

  for (const seed of [11, 2024, 777]) {
    it(`converges with every entity present exactly once (seed ${seed})`, async () => {
      h = await setup({ faults: { rate: 0.3, seed, delayMs: 800 } });
      const runs: PublishResult[] = [];
      for (let i = 0; i < 6 && !runs.at(-1)?.ok; i += 1) {
        runs.push(await publish({ ...h.options(), retryPolicy: FAST, concurrency: 3 }));
      }
      expect(runs.at(-1)?.ok).toBe(true);
      const counts = await countInHarness(h);
      expect(Object.keys(counts).sort()).toEqual([...SAMPLE_ENTITIES].sort());
      expect(Object.values(counts).every((n) => n === 1)).toBe(true);
      // A duplicate attempt would be a create refused as DUPLICATE_FIELD: none was ever sent.
      expect(h.log.filter((l) => /^POST \/(ng\/api\/(projects|connectors|servicesV2|environmentsV2|infrastructures)|pipeline\/api\/(pipelines\/v2|inputSets|triggers)) 400/.test(l))).toEqual([]);
      expect(h.log.filter((l) => l.includes("fault=")).length).toBeGreaterThanOrEqual(3);
      const final = await planThrough(h);
      expect(new Set(final.plan.map((p) => p.action))).toEqual(new Set(["unchanged", "exists"]));
      // Rollback works through the same faults.
      let undone = await rollback({ ...h.options(), retryPolicy: FAST });
      for (let i = 0; i < 4 && !undone.ok; i += 1) undone = await rollback({ ...h.options(), retryPolicy: FAST });
      expect(undone.ok).toBe(true);
      const after = await planThrough(h);
      expect(new Set(after.plan.map((p) => p.action))).toEqual(new Set(["create"]));
    }, 120_000);
  }

  it("converges through the CLI too, with its default retry policy", async () => {
    h = await setup({ faults: { rate: 0.3, seed: 99, delayMs: 300 } });
    const runs = [];
    for (let i = 0; i < 5 && runs.at(-1)?.code !== 0; i += 1) runs.push(await h.run(["publish", "--json"]));
    expect(runs.at(-1)?.code).toBe(0);
    const counts = await countInHarness(h);
    expect(Object.keys(counts).sort()).toEqual([...SAMPLE_ENTITIES].sort());
    expect(Object.values(counts).every((n) => n === 1)).toBe(true);
    expect(leaks(h, runs.flatMap((r) => [r.stdout, r.stderr]))).toEqual([]);
  }, 120_000);

  it("settles lost create answers by reading back, never by sending the create again", async () => {
    h = await setup();
    for (const kind of ["500-after-store", "reset-after-store", "timeout-after-store", "502-after-store", "html-after-store", "truncated"] as const) {
      h.log.length = 0;
      // The project's create is stored, then its answer is lost in each way a network can lose it.
      h.emulator.injectFaults([{ kind, method: "POST", path: "/ng/api/projects" }]);
      const r = await publish({ ...h.options(), retryPolicy: FAST });
      expect(r.ok, kind).toBe(true);
      expect(r.results[0], kind).toMatchObject({ kind: "project", action: "created", recovered: true });
      expect(h.log.filter((l) => l.startsWith("POST /ng/api/projects")), kind).toEqual([expect.stringContaining(`fault=${kind}`)]);
      expect(h.log.filter((l) => l.startsWith("GET /ng/api/projects/payments_api")), kind).toEqual([
        "GET /ng/api/projects/payments_api 404",
        "GET /ng/api/projects/payments_api 200",
      ]);
      expect((await rollback(h.options())).ok).toBe(true);
    }
    for (const kind of ["500", "reset", "timeout", "html"] as const) {
      h.log.length = 0;
      // The create never happened: after reading back, it is sent once more.
      h.emulator.injectFaults([{ kind, method: "POST", path: "/ng/api/projects" }]);
      const r = await publish({ ...h.options(), retryPolicy: FAST });
      expect(r.results[0], kind).toMatchObject({ kind: "project", action: "created", recovered: false });
      expect(h.log.filter((l) => l.startsWith("POST /ng/api/projects")), kind).toHaveLength(2);
      expect((await rollback(h.options())).ok).toBe(true);
    }
    expect(leaks(h, [])).toEqual([]);
  }, 60_000);
});
