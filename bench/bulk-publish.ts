/**
 * Benchmark 3: publishing 100 services (every entity kind, varied answers) in one run.
 *   limited   — the emulator enforces 600 requests per 60 s per key, and the CLI is run as a user
 *               would: `publish s0 … s99 --rate 600/60`. Measured from the emulator's side: the
 *               steady rate once the first window is used up (requests per window over each run of
 *               600 consecutive requests) as a fraction of the limit, the worst window, 429s,
 *               failures, and — read back through the list endpoints — lost or duplicated entities.
 *   unlimited — the library's publish against an emulator in its own process, every request
 *               recorded, then the same requests from a bare undici loop against a fresh one:
 *               requests per second of each, and their ratio (the client's overhead).
 * BENCH_SMOKE=1: 3 services and a 12/3 s limit.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { publish, startEmulator } from "../src/index.js";
import { runKit, spawnEmulator } from "./child.js";
import { countEntities } from "./count-entities.js";

/** The values the services' secret files read (env:GITHUB_TOKEN, env:DOCKER_PASSWORD). */
const BENCH_SECRET_VALUES = { GITHUB_TOKEN: "bench-github-token", DOCKER_PASSWORD: "bench-docker-password" };
import { median, round, smoke, writeResult } from "./lib.js";
import { recordingDispatcher, replay } from "./replay.js";
import { entitiesOf, renderService } from "./services.js";

const count = smoke ? 3 : 100;
const limit = smoke ? { requests: 12, seconds: 3 } : { requests: 600, seconds: 60 };
const rounds = smoke ? 1 : 3;
/** publish's default concurrency; the bare loop uses the same. */
const CONCURRENCY = 4;
const ACCOUNT = "benchAccountId00000001";
const TOKEN = `pat.${ACCOUNT}.benchTokenId0001.benchSecret0000000001`;

interface Arrival {
  at: number;
  method: string;
  status: number;
}

async function limited(scratch: string, dirs: string[], expected: number) {
  const windowMs = limit.seconds * 1000;
  const stateFile = path.join(scratch, "emulator-state.json");
  const arrivals: Arrival[] = [];
  const emulator = await startEmulator({
    port: 0,
    stateFile,
    rateLimit: { requests: limit.requests, windowMs },
    // The log line comes when the answer leaves and says how long it took: arrival = now - that.
    log: (line) => {
      const m = /^(\w+) \S+ (\d{3}) (\d+)ms/.exec(line);
      if (m) arrivals.push({ at: Date.now() - Number(m[3]), method: m[1] as string, status: Number(m[2]) });
    },
  });
  const run = await runKit(["publish", ...dirs, "--endpoint", emulator.url, "--rate", `${limit.requests}/${limit.seconds}`, "--json"], {
    cwd: scratch,
    env: { HARNESS_PLATFORM_API_KEY: emulator.token, HARNESS_SCAFFOLD_STATE_DIR: path.join(scratch, "state-limited"), ...BENCH_SECRET_VALUES },
  });
  await emulator.close();
  const output = JSON.parse(run.stdout) as { ok: boolean; results: { action: string }[]; skipped: unknown[] };

  const reopened = await startEmulator({ port: 0, rateLimit: false, stateFile, account: emulator.account, token: emulator.token });
  const stored = await countEntities(reopened).finally(() => reopened.close());

  const admitted = arrivals.filter((a) => a.status !== 429).map((a) => a.at).sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = limit.requests; i < admitted.length; i++) gaps.push(admitted[i]! - admitted[i - limit.requests]!);
  const meanGap = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  // How much later than a strict sliding window would allow each request came: the least of these is
  // the limiter's own hold-back; larger ones are moments the client was busy rather than waiting.
  const excess = gaps.map((g) => g - windowMs).sort((a, b) => a - b);
  let worstWindow = 0;
  for (let lo = 0, hi = 0; hi < admitted.length; hi++) {
    while (admitted[hi]! - admitted[lo]! >= windowMs) lo++;
    worstWindow = Math.max(worstWindow, hi - lo + 1);
  }
  const spanMs = admitted.at(-1)! - admitted[0]!;
  return {
    limit: `${limit.requests}/${limit.seconds}s`,
    clientRate: `--rate ${limit.requests}/${limit.seconds}`,
    exitCode: run.code,
    wallMs: round(run.ms),
    requests: arrivals.length,
    throttled429: arrivals.length - admitted.length,
    steadyPerMinute: round((limit.requests / meanGap) * 60_000, 1),
    steadyFractionOfLimit: round(windowMs / meanGap, 3),
    excessMs: { min: round(excess[0]!), median: round(median(excess)), max: round(excess.at(-1)!) },
    limitBoundShare: round(excess.filter((e) => e < 100).length / excess.length, 3),
    overallPerMinute: round((admitted.length / spanMs) * 60_000, 1),
    worstWindowRequests: worstWindow,
    published: output.results.filter((r) => r.action === "created").length,
    failures: output.results.filter((r) => r.action === "failed").length + output.skipped.length + (output.ok ? 0 : 1),
    duplicateCreatesRefused: arrivals.filter((a) => a.method === "POST" && a.status === 400).length,
    stored: stored.total,
    expected,
    lost: expected - stored.distinct,
    duplicates: stored.duplicates.length,
  };
}

/** One more service, published (or replayed) first on each fresh emulator so neither side pays its warm-up. */
const WARM = "warm";

async function unlimitedRound(scratch: string, dirs: string[], expected: number, n: number) {
  const first = await spawnEmulator(["--account", ACCOUNT, "--token", TOKEN]);
  const rec = recordingDispatcher();
  const options = {
    cwd: scratch,
    env: { HARNESS_PLATFORM_API_KEY: TOKEN, HARNESS_SCAFFOLD_STATE_DIR: path.join(scratch, `state-${n}`), ...BENCH_SECRET_VALUES },
    endpoint: first.url,
    dispatcher: rec.dispatcher,
    concurrency: CONCURRENCY,
    // "No limit": far above anything the emulator can serve.
    rateLimit: { requests: 1_000_000_000, windowMs: 1000 },
  };
  let clientMs: number;
  let warmCount: number;
  try {
    await publish({ ...options, dirs: [WARM] });
    warmCount = rec.requests.length;
    const result = await publish({ ...options, dirs });
    clientMs = performance.now() - rec.requests[warmCount]!.at;
    if (!result.ok) throw new Error(`publish failed: ${JSON.stringify(result.results.find((r) => r.action === "failed"))}`);
    const stored = await countEntities({ url: first.url, account: ACCOUNT, token: TOKEN });
    if (stored.distinct !== expected + entitiesOf(count)) throw new Error(`client run stored ${stored.distinct} of ${expected}`);
  } finally {
    await rec.dispatcher.close();
    await first.stop();
  }
  const second = await spawnEmulator(["--account", ACCOUNT, "--token", TOKEN]);
  try {
    await replay(second.url, rec.requests.slice(0, warmCount), CONCURRENCY);
    const bare = await replay(second.url, rec.requests.slice(warmCount), CONCURRENCY);
    const stored = await countEntities({ url: second.url, account: ACCOUNT, token: TOKEN });
    if (stored.distinct !== expected + entitiesOf(count)) throw new Error(`bare loop stored ${stored.distinct} of ${expected}`);
    return { requests: rec.requests.length - warmCount, clientMs, bareMs: bare.ms };
  } finally {
    await second.stop();
  }
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "hs-bench-bulk-"));
try {
  const dirs = Array.from({ length: count }, (_, i) => `s${i}`);
  for (const [i, dir] of dirs.entries()) await renderService(scratch, dir, i);
  await renderService(scratch, WARM, count);
  const expected = dirs.reduce((sum, _d, i) => sum + entitiesOf(i), 0);

  const rateLimited = await limited(scratch, dirs, expected);
  const samples = [];
  for (let n = 0; n < rounds; n++) samples.push(await unlimitedRound(scratch, dirs, expected, n));
  const clientRps = median(samples.map((s) => (s.requests / s.clientMs) * 1000));
  const bareRps = median(samples.map((s) => (s.requests / s.bareMs) * 1000));

  const figures = {
    services: count,
    entities: expected,
    rateLimited,
    unlimited: {
      rounds,
      concurrency: CONCURRENCY,
      requests: samples[0]!.requests,
      clientRps: round(clientRps, 1),
      bareUndiciRps: round(bareRps, 1),
      clientOverheadRatio: round(bareRps / clientRps, 3),
      clientOverheadMsPerRequest: round(1000 / clientRps - 1000 / bareRps, 3),
    },
    // Other work on this shared machine inflates absolute times; ratios are measured side by side.
    loadAverage1m: round(os.loadavg()[0]!, 2),
    target: "steadyFractionOfLimit >= 0.95 with failures, lost and duplicates all 0; clientOverheadRatio reported",
  };
  writeResult("bulk-publish", figures);
  console.log(JSON.stringify(figures));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
