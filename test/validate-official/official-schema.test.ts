import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadOfficialSchema, repairSchema } from "../../src/validate/official/index.js";
import type { OfficialSchema } from "../../src/validate/official/index.js";
import { repoRoot } from "../helpers/cli.js";
import { quickstartPipeline } from "../helpers/quickstart.js";
import { REFERENCE, describeReference, referenceDir, referenceFile } from "../helpers/reference.js";
import { renderSampleService } from "./render-sample.js";
import { serve } from "./serve.js";

const run = promisify(execFile);
const COMPILE_TIMEOUT = 180_000; // compiling the bundle takes ~10 s on a busy 2-core machine

async function validatorFiles(cacheDir: string): Promise<{ js: string; v8: string }> {
  const dir = path.join(cacheDir, "official-schema", "validators");
  const js = (await readdir(dir)).filter((f) => f.endsWith(".js"));
  expect(js).toHaveLength(1);
  const file = path.join(dir, js[0]!);
  return { js: file, v8: file.replace(/\.js$/, ".v8") };
}

/** Loads the schema in a new Node process (through tsx, as the sources are TypeScript). */
async function loadInChild(source: string, cacheDir: string): Promise<unknown> {
  const script = `
    import { loadOfficialSchema } from ${JSON.stringify(path.join(repoRoot, "src/validate/official/index.ts"))};
    import { quickstartPipeline } from ${JSON.stringify(path.join(repoRoot, "test/helpers/quickstart.ts"))};
    const schema = await loadOfficialSchema(${JSON.stringify(source)}, { cwd: "/", cacheDir: ${JSON.stringify(cacheDir)} });
    console.log(JSON.stringify({ fromCache: schema.fromCache, quickstartErrors: schema.validate(quickstartPipeline()).length }));
  `;
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: repoRoot });
  return JSON.parse(stdout);
}

function stepOf(doc: { pipeline: Record<string, unknown> }): Record<string, unknown> {
  const stages = doc.pipeline.stages as { stage: { spec: { execution: { steps: { step: Record<string, unknown> }[] } } } }[];
  return stages[0]!.stage.spec.execution.steps[0]!.step;
}

describeReference("loadOfficialSchema with Harness's v0 pipeline.json", () => {
  let schemaPath: string;
  let cacheDir: string;
  let first: OfficialSchema;

  beforeAll(async () => {
    schemaPath = referenceFile(REFERENCE.pipelineSchema);
    cacheDir = await mkdtemp(path.join(os.tmpdir(), "hs-official-"));
    first = await loadOfficialSchema(schemaPath, { cwd: repoRoot, cacheDir });
  }, COMPILE_TIMEOUT);
  // ~30 MB of compiled code per cache directory.
  afterAll(() => (cacheDir ? rm(cacheDir, { recursive: true, force: true }) : undefined));

  it("repairs the published bundle and compiles it (the first time, not from the cache)", async () => {
    const bytes = await readFile(schemaPath);
    const { repairs } = repairSchema(JSON.parse(bytes.toString("utf8")));
    expect(new Set(repairs.map((r) => r.kind))).toEqual(new Set(["empty-enum", "null-keyword", "array-schema", "scalar-schema"]));
    expect(repairs).toContainEqual({ pointer: "/definitions/pipeline/common/StepElementConfig/properties/type/enum", kind: "empty-enum" });
    expect(first.fromCache).toBe(false);
    expect(first.cacheProblem).toBeUndefined();
    expect(first.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("accepts the pipeline from Harness's API quickstart", () => {
    expect(first.validate(quickstartPipeline())).toEqual([]);
  });

  it("accepts every pipeline the service generator renders", async () => {
    const pipelines = (await renderSampleService()).filter((f) => f.path.startsWith("pipelines/"));
    expect(pipelines.length).toBeGreaterThan(0);
    const failures = Object.fromEntries(pipelines.map((f) => [f.path, first.validate(f.doc)]).filter(([, e]) => e!.length > 0));
    expect(failures).toEqual({});
  });

  it("rejects a step with an unknown type, pointing at the step's type", () => {
    const doc = quickstartPipeline();
    stepOf(doc).type = "ShellScripts";
    const errors = first.validate(doc);
    expect(errors.map((e) => e.instancePath)).toContain("/pipeline/stages/0/stage/spec/execution/steps/0/step/type");
  });

  it("rejects an identifier Harness would refuse", () => {
    const doc = quickstartPipeline();
    doc.pipeline.identifier = "api-example";
    expect(first.validate(doc)).toMatchObject([{ instancePath: "/pipeline/identifier", keyword: "pattern" }]);
  });

  it("loads the compiled validator from the cache on the next run without rewriting it", async () => {
    const { js } = await validatorFiles(cacheDir);
    const before = (await stat(js)).mtimeMs;
    // A path relative to cwd names the same file, hence the same cached validator.
    const again = await loadOfficialSchema(REFERENCE.pipelineSchema, { cwd: referenceDir()!, cacheDir });
    expect(again.fromCache).toBe(true);
    expect(again.sha256).toBe(first.sha256);
    expect(again.validate(quickstartPipeline())).toEqual([]);
    expect((await stat(js)).mtimeMs).toBe(before);
  });

  it("ignores a corrupt V8 code cache and saves a good one (in a fresh process, as the CLI runs)", async () => {
    const { v8 } = await validatorFiles(cacheDir);
    await writeFile(v8, "garbage");
    // In this process V8 would reuse its in-memory compilation and never look at the file.
    const result = await loadInChild(schemaPath, cacheDir);
    expect(result).toEqual({ fromCache: true, quickstartErrors: 0 });
    expect((await stat(v8)).size).toBeGreaterThan(1000);
  });

  it(
    "rebuilds a corrupt compiled validator instead of using it",
    async () => {
      const copy = await mkdtemp(path.join(os.tmpdir(), "hs-official-corrupt-"));
      await cp(cacheDir, copy, { recursive: true });
      const { js } = await validatorFiles(copy);
      const text = await readFile(js, "latin1");
      await writeFile(js, text.slice(0, text.length / 2), "latin1"); // as if the disk filled up mid-write
      try {
        const rebuilt = await loadOfficialSchema(schemaPath, { cwd: repoRoot, cacheDir: copy });
        expect(rebuilt.fromCache).toBe(false);
        expect(rebuilt.validate(quickstartPipeline())).toEqual([]);
        expect((await stat(js)).size).toBe(text.length);
      } finally {
        await rm(copy, { recursive: true, force: true });
      }
    },
    COMPILE_TIMEOUT,
  );

  it("downloads a URL once into the cache directory and reuses the compiled validator", async () => {
    const body = await readFile(schemaPath);
    const server = await serve((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
    try {
      const url = `${server.url}/v0/pipeline.json`;
      const fromUrl = await loadOfficialSchema(url, { cwd: repoRoot, cacheDir });
      // Same bytes as the local file, so the validator compiled earlier serves this schema too.
      expect(fromUrl).toMatchObject({ sha256: first.sha256, fromCache: true });
      expect(fromUrl.validate(quickstartPipeline())).toEqual([]);
      const again = await loadOfficialSchema(url, { cwd: repoRoot, cacheDir });
      expect(again.sha256).toBe(first.sha256);
      expect(server.requests).toEqual(["GET /v0/pipeline.json"]);
    } finally {
      await server.close();
    }
  });
});
