/**
 * The pipeline from Harness's API quickstart (the curl -d body in ../shared/seed). The saved page lost
 * the YAML's indentation, so each line's indentation is given here and the text itself is read from the
 * seed: if the seed changes, `quickstartPipelineYaml` throws instead of silently using stale text.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

// Not sharedDir from ../helpers/cli.js: that module loads the whole CLI, and the benchmark uses this file.
const sharedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared");
export const quickstartPath = path.join(sharedDir, "seed/harness-api-quickstart.txt");

/** Spaces before each line of the `-d '...'` body, in order (the seed prints every line flush left). */
const INDENTS = [
  0, 2, 2, 2, 2, 2, 2, 2, // pipeline: … stages:
  4, 8, 8, 8, 8, 8, // - stage: … spec:
  10, 12, 12, 14, 16, 14, // serviceConfig
  10, 12, 12, 14, 14, 16, 16, 16, 12, // infrastructure
  10, 12, 14, 18, 18, 18, 18, 20, 20, 20, 22, 22, 24, 20, 20, 20, 18, 12, // execution
  8, 8, 10, 14, 16, 14, 16, // tags, failureStrategies
];

/** The pipeline YAML exactly as the quickstart sends it, with its structure restored. */
export function quickstartPipelineYaml(seedText = readFileSync(quickstartPath, "utf8")): string {
  const start = seedText.indexOf("-d 'pipeline:");
  if (start < 0) throw new Error(`no "-d 'pipeline:" body in ${quickstartPath}`);
  const end = seedText.indexOf("\n'", start);
  const lines = seedText.slice(start + "-d '".length, end).split("\n");
  if (lines.length !== INDENTS.length) {
    throw new Error(`quickstart pipeline has ${lines.length} lines, expected ${INDENTS.length}: update INDENTS`);
  }
  return lines.map((line, i) => " ".repeat(INDENTS[i]!) + line.trim()).join("\n") + "\n";
}

/** The quickstart pipeline as data (`{ pipeline: {...} }`). */
export function quickstartPipeline(): { pipeline: Record<string, unknown> } {
  return parse(quickstartPipelineYaml()) as { pipeline: Record<string, unknown> };
}
