/**
 * Cold start of a kit: `new web-service --kit DIR --yes` (the fixture kit: 7 files, templates and
 * expressions compiled live, as any user kit is) against the built-in `new service --yes` (11
 * files, precompiled), each a fresh process, interleaved in one run. Target: ratio kit/built-in <= 1.1.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { kitBin, median, repoRoot, round, smoke, timeCommand, writeResult } from "./lib.js";

const runs = smoke ? 3 : 15;
const kitDir = path.join(repoRoot, "test/fixtures/kits/acme");

const kit: number[] = [];
const builtIn: number[] = [];
const scratch = mkdtempSync(path.join(os.tmpdir(), "hs-bench-kit-"));
try {
  for (let i = 0; i < runs + 1; i++) {
    const b = timeCommand(process.execPath, [
      kitBin, "new", "service", "--yes", "--out", path.join(scratch, `builtin-${i}`),
      "--set", `name=payments-api-${i}`, "--set", "gitUrl=https://github.com/acme/payments-api", "--set", "image=acme/payments-api",
    ]);
    const k = timeCommand(process.execPath, [
      kitBin, "new", "web-service", "--kit", kitDir, "--yes", "--out", path.join(scratch, `kit-${i}`), "--set", `name=orders-web-${i}`,
    ]);
    // The first pair warms the OS file cache for both; it is not counted.
    if (i > 0) {
      kit.push(k);
      builtIn.push(b);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const result = {
  runs,
  kitMedianMs: round(median(kit)),
  builtInMedianMs: round(median(builtIn)),
  ratio: round(median(kit) / median(builtIn), 3),
  target: "ratio <= 1.1 (new --kit DIR no more than 10% slower than the built-in new service)",
};
writeResult("kit-cold-start", result);
console.log(JSON.stringify(result));
