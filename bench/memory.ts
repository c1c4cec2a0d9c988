/**
 * Benchmark 4: memory and time for 1,000 services in one process.
 *   render   — `generate` each service (render + validate + write), one after another;
 *   validate — `validatePaths` on all 1,000 out dirs at once (every file in memory together).
 * Baseline, same run: the process after loading the kit and rendering one service. Reported:
 * peak RSS (resourceUsage().maxRSS) of each phase and its ratio to the baseline, heap left after a
 * GC (growth per service would be a leak), and the time per service. BENCH_SMOKE=1: 20 services.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { validatePaths } from "../src/validate/validate.js";
import { round, smoke, writeResult } from "./lib.js";
import { entitiesOf, renderService } from "./services.js";

const count = smoke ? 20 : 1000;
const MiB = 2 ** 20;

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const rssMiB = (): number => round(process.memoryUsage().rss / MiB, 1);
const heapMiB = (): number => round(process.memoryUsage().heapUsed / MiB, 1);
/** Peak RSS of the process so far (the kernel's high-water mark). */
const maxRssMiB = (): number => round((process.resourceUsage().maxRSS * 1024) / MiB, 1);

const scratch = mkdtempSync(path.join(os.tmpdir(), "hs-bench-memory-"));
try {
  const startRss = rssMiB();
  const t0 = performance.now();
  await renderService(scratch, "warmup", 0);
  const firstServiceMs = performance.now() - t0;
  gc();
  const baseline = { rssMiB: rssMiB(), heapMiB: heapMiB(), maxRssMiB: maxRssMiB() };

  let files = 0;
  let entities = 0;
  let heapAtTenth = 0;
  const t1 = performance.now();
  for (let i = 0; i < count; i++) {
    files += await renderService(scratch, `s${i}`, i);
    entities += entitiesOf(i);
    if (i + 1 === Math.ceil(count / 10)) {
      gc();
      heapAtTenth = process.memoryUsage().heapUsed;
    }
  }
  const renderMs = performance.now() - t1;
  const renderPeak = maxRssMiB();
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  // A leak shows as heap that grows with every service and survives a GC.
  const heapGrowthKiBPerService = round((heapAfter - heapAtTenth) / 1024 / (count - Math.ceil(count / 10)), 2);

  const t2 = performance.now();
  const result = await validatePaths(Array.from({ length: count }, (_, i) => `s${i}`), { cwd: scratch });
  const validateMs = performance.now() - t2;
  if (!result.ok) throw new Error(`the rendered services do not validate: ${result.issues[0]?.message}`);
  const validatePeak = maxRssMiB();

  const figures = {
    services: count,
    entities,
    files,
    startRssMiB: startRss,
    baseline: { ...baseline, firstServiceMs: round(firstServiceMs) },
    render: {
      peakRssMiB: renderPeak,
      heapAfterGcMiB: round(heapAfter / MiB, 1),
      heapGrowthKiBPerService,
      totalMs: round(renderMs),
      perServiceMs: round(renderMs / count),
    },
    validateAll: {
      files: result.files.length,
      peakRssMiB: validatePeak,
      totalMs: round(validateMs),
      perServiceMs: round(validateMs / count),
    },
    ratios: {
      renderPeakVsBaseline: round(renderPeak / baseline.rssMiB, 2),
      validatePeakVsBaseline: round(validatePeak / baseline.rssMiB, 2),
      perServiceVsFirstService: round(renderMs / count / firstServiceMs, 3),
    },
    // Other work on this shared machine inflates absolute times; ratios are measured side by side.
    loadAverage1m: round(os.loadavg()[0]!, 2),
    target: "peak RSS for 1,000 services bounded (ratio to one-service baseline reported); no heap growth per service",
  };
  writeResult("memory", figures);
  console.log(JSON.stringify(figures));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
