/**
 * Benchmark 1: cold start. The kit's whole `new service --yes` (render + validate + write of every
 * file, as a fresh process) against plop rendering one file from one answer, interleaved in one run.
 * Target: ratio kit/plop <= 1.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { kitBin, median, repoRoot, round, smoke, timeCommand, writeResult } from "./lib.js";

const runs = smoke ? 3 : 15;
const plopBin = path.join(repoRoot, "node_modules/plop/bin/plop.js");
const plopfile = path.join(repoRoot, "bench/fixtures/plop-one-file/plopfile.js");

const kit: number[] = [];
const plop: number[] = [];
const scratch = mkdtempSync(path.join(os.tmpdir(), "hs-bench-cold-"));
try {
  for (let i = 0; i < runs + 1; i++) {
    const kitOut = path.join(scratch, `kit-${i}`);
    const plopOut = path.join(scratch, `plop-${i}`);
    const k = timeCommand(process.execPath, [
      kitBin, "new", "service", "--yes", "--out", kitOut,
      "--set", `name=payments-api-${i}`, "--set", "gitUrl=https://github.com/acme/payments-api",
      "--set", "image=acme/payments-api",
    ]);
    const p = timeCommand(process.execPath, [plopBin, "--plopfile", plopfile, "--dest", plopOut, "one-file", `svc${i}`]);
    // The first pair warms the OS file cache for both; it is not counted.
    if (i > 0) {
      kit.push(k);
      plop.push(p);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const result = {
  runs,
  kitMedianMs: round(median(kit)),
  plopMedianMs: round(median(plop)),
  ratio: round(median(kit) / median(plop), 3),
  target: "ratio <= 1 (full service no slower than plop's single file)",
};
writeResult("cold-start", result);
console.log(JSON.stringify(result));
