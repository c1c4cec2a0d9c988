/**
 * `npm run bench`: runs each benchmark in its own process (so memory figures are its own), then
 * prints one summary table. BENCH_SMOKE=1 runs tiny sizes (what CI can afford); the README's
 * Performance table comes from a full run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./lib.js";

const BENCHES = ["cold-start", "kit-cold-start", "official-schema", "bulk-publish", "memory", "update"];
const only = process.argv.slice(2);
const selected = only.length > 0 ? BENCHES.filter((b) => only.includes(b)) : BENCHES;

let failed = false;
for (const name of selected) {
  const file = path.join(repoRoot, "bench", `${name}.ts`);
  if (!existsSync(file)) {
    console.log(`- ${name}: not present, skipped`);
    continue;
  }
  console.log(`- ${name} …`);
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", file], { cwd: repoRoot, stdio: "inherit" });
  if (r.status !== 0) {
    failed = true;
    console.log(`  ${name} failed (exit ${r.status})`);
  }
}

console.log("\nResults (bench/results/*.json):");
for (const name of selected) {
  const file = path.join(repoRoot, "bench", "results", `${name}.json`);
  if (!existsSync(file)) continue;
  const result = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const { machine: _m, date: _d, name: _n, ...figures } = result;
  console.log(`  ${name}: ${JSON.stringify(figures)}`);
}
process.exitCode = failed ? 1 : 0;
