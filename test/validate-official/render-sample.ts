/**
 * The files the `service` generator renders from its sample answers, parsed: what a user gets from
 * `harness-scaffold new service --yes`.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { SAMPLE_SERVICE_ANSWERS, generate } from "../../src/index.js";

export interface RenderedFile {
  /** Relative to the out dir, e.g. `pipelines/payments_api_cd.yaml`. */
  path: string;
  doc: Record<string, unknown>;
}

/** Renders the service generator's sample into a temp dir; returns each file's path and parsed content. */
export async function renderSampleService(): Promise<RenderedFile[]> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), "hs-generated-"));
  const result = await generate({ generator: "service", answers: { ...SAMPLE_SERVICE_ANSWERS }, outDir, cwd: outDir });
  return Promise.all(
    result.files.map(async (file) => {
      const text = await readFile(path.join(outDir, file.path), "utf8");
      const doc = (file.path.endsWith(".yaml") ? parse(text) : JSON.parse(text)) as Record<string, unknown>;
      return { path: file.path, doc };
    }),
  );
}
