/**
 * Benchmark 2: Harness's v0 pipeline schema (3.4 MB) on 1,000 generated-like pipelines, in one run:
 *   cold   — loadOfficialSchema with an empty cache: repair, compile, write standalone code + V8 cache;
 *   cached — loadOfficialSchema in fresh processes (as each CLI run is) reading the cache;
 *   plain  — what you get without the cache: parse, repair and compile with Ajv, then validate.
 * Target: cached start < 10% of plain Ajv's compile. BENCH_SMOKE=1: 50 pipelines, fewer runs.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { median, repoRoot, round, sharedDir, smoke, writeResult } from "./lib.js";
import { buildPipelines } from "./official-schema-pipelines.js";

const schemaPath = path.join(sharedDir, "reference/harness-schema/v0/pipeline.json");
const count = smoke ? 50 : 1000;
const childRuns = smoke ? 2 : 5;

interface ValidationFigures {
  /** The first document pays for V8 compiling the functions it reaches. */
  firstMs: number;
  totalMs: number;
  perFileUs: number;
  invalid: number;
}

function validateAll(validate: (doc: unknown) => number, docs: readonly unknown[]): ValidationFigures {
  let invalid = 0;
  const start = performance.now();
  let firstMs = 0;
  for (const [i, doc] of docs.entries()) {
    if (validate(doc) > 0) invalid++;
    if (i === 0) firstMs = performance.now() - start;
  }
  const totalMs = performance.now() - start;
  return { firstMs: round(firstMs), totalMs: round(totalMs), perFileUs: round((totalMs * 1000) / docs.length, 1), invalid };
}

/** Child mode: one fresh process loading the cached validator, as a CLI run does. */
async function cachedChild(cacheDir: string): Promise<void> {
  const t0 = performance.now();
  const { loadOfficialSchema } = await import("../src/validate/official/index.js");
  const importMs = performance.now() - t0;
  const t1 = performance.now();
  const schema = await loadOfficialSchema(schemaPath, { cwd: repoRoot, cacheDir });
  const loadMs = performance.now() - t1;
  const figures = validateAll((doc) => schema.validate(doc).length, buildPipelines(count));
  const rssMiB = round(process.memoryUsage().rss / 2 ** 20, 1);
  console.log(JSON.stringify({ fromCache: schema.fromCache, importMs: round(importMs), loadMs: round(loadMs), ...figures, rssMiB }));
}

/** Plain Ajv on the repaired schema, in memory, no cache: the baseline. */
async function plainAjv(allErrors: boolean, docs: readonly unknown[]) {
  const { createAjv } = await import("../src/validate/official/create-ajv.js");
  const { repairSchema } = await import("../src/validate/official/repair-schema.js");
  const t0 = performance.now();
  const { schema } = repairSchema(JSON.parse(readFileSync(schemaPath, "utf8")));
  const parseRepairMs = performance.now() - t0;
  const t1 = performance.now();
  const validate = createAjv({ allErrors }).compile(schema as object);
  const compileMs = performance.now() - t1;
  const figures = validateAll((doc) => (validate(doc) ? 0 : (validate.errors?.length ?? 1)), docs);
  return { parseRepairMs: round(parseRepairMs), compileMs: round(compileMs), ...figures };
}

async function main(): Promise<void> {
  const docs = buildPipelines(count);
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "hs-bench-official-"));
  try {
    // Imported here, not at the top, so the cached children time the loader's import themselves.
    const { loadOfficialSchema, ALL_ERRORS } = await import("../src/validate/official/load-official-schema.js");
    const t0 = performance.now();
    const cold = await loadOfficialSchema(schemaPath, { cwd: repoRoot, cacheDir });
    const coldLoadMs = performance.now() - t0;
    if (cold.fromCache) throw new Error("the cold run found a cache in a fresh directory");
    const coldValidation = validateAll((doc) => cold.validate(doc).length, docs);

    const self = path.join(repoRoot, "bench", "official-schema.ts");
    const runs = Array.from({ length: childRuns }, () => {
      const out = execFileSync(process.execPath, ["--import", "tsx", self, "--cached-child", cacheDir], { cwd: repoRoot, encoding: "utf8" });
      return JSON.parse(out.trim().split("\n").pop()!) as { fromCache: boolean; importMs: number; loadMs: number; rssMiB: number } & ValidationFigures;
    });
    if (!runs.every((r) => r.fromCache)) throw new Error("a cached run compiled the schema again");

    // The baseline uses the loader's Ajv settings; the other allErrors setting is measured for the record.
    const plain = await plainAjv(ALL_ERRORS, docs);
    const plainOther = smoke ? undefined : await plainAjv(!ALL_ERRORS, docs);
    const invalidCounts = [coldValidation.invalid, plain.invalid, ...runs.map((r) => r.invalid)];
    if (new Set(invalidCounts).size !== 1 || plain.invalid !== Math.floor(count / 10)) {
      throw new Error(`validators disagree on which pipelines are invalid: ${invalidCounts.join(", ")}`);
    }

    const cachedLoadMs = median(runs.map((r) => r.loadMs));
    const cachedStartMs = cachedLoadMs + median(runs.map((r) => r.firstMs));
    const result = {
      pipelines: count,
      invalidPipelines: plain.invalid,
      schemaSha256: createHash("sha256").update(readFileSync(schemaPath)).digest("hex").slice(0, 16),
      cold: { loadMs: round(coldLoadMs), ...coldValidation },
      cached: {
        runs: childRuns,
        importMs: median(runs.map((r) => r.importMs)),
        loadMs: cachedLoadMs,
        firstMs: median(runs.map((r) => r.firstMs)),
        totalMs: median(runs.map((r) => r.totalMs)),
        perFileUs: median(runs.map((r) => r.perFileUs)),
        rssMiB: median(runs.map((r) => r.rssMiB)),
      },
      plain: { allErrors: ALL_ERRORS, ...plain },
      ...(plainOther ? { plainOtherAllErrors: { allErrors: !ALL_ERRORS, ...plainOther } } : {}),
      ratios: {
        cachedStartVsPlainCompile: round(cachedStartMs / plain.compileMs, 4),
        coldLoadVsPlainCompile: round(coldLoadMs / plain.compileMs, 3),
        cachedPerFileVsPlain: round(median(runs.map((r) => r.perFileUs)) / plain.perFileUs, 3),
      },
      // Other work on the machine slows the compiles most; read the ratios with this in mind.
      loadAverage1m: round(os.loadavg()[0] ?? 0),
      target: "cachedStartVsPlainCompile < 0.10 (cached start = load + first validation, fresh process)",
    };
    writeResult("official-schema", result);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--cached-child") await cachedChild(process.argv[3]!);
else await main();
