/**
 * The reference suite: tests that need Harness's published files (the v0 pipeline schema, the
 * mcp-server entity schemas, the seed quickstart page). Those files are not ours to ship, so they
 * are read only from the folder named by HARNESS_SCAFFOLD_REFERENCE (laid out like the project's
 * `shared/` folder: `seed/…`, `reference/…`). Unset: the suite is skipped and the reporter
 * (`reference-reporter.ts`) says so in one line. Set: a missing file fails its test, never skips it.
 * Kept free of CLI imports: the benchmarks use it too.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { describe } from "vitest";

export const REFERENCE_ENV = "HARNESS_SCAFFOLD_REFERENCE";
/** Every reference suite's name starts with this, so the reporter can count what it skipped. */
export const REFERENCE_PREFIX = "reference:";

/** The reference folder, resolved; undefined when the variable is unset or empty. */
export function referenceDir(env: Record<string, string | undefined> = process.env): string | undefined {
  const value = env[REFERENCE_ENV];
  return value === undefined || value === "" ? undefined : path.resolve(value);
}

/**
 * The absolute path of a file inside the reference folder. Throws (so the test fails) when the
 * variable is unset or the file is missing: a reference test never passes without its data.
 */
export function referenceFile(relative: string): string {
  const dir = referenceDir();
  if (dir === undefined) throw new Error(`${REFERENCE_ENV} is not set; reference tests need it`);
  const file = path.join(dir, relative);
  if (!existsSync(file)) throw new Error(`${REFERENCE_ENV}=${dir}: missing ${relative}`);
  return file;
}

/** Known places inside the reference folder. */
export const REFERENCE = {
  seedQuickstart: "seed/harness-api-quickstart.txt",
  pipelineSchema: "reference/harness-schema/v0/pipeline.json",
  entitySchemas: "reference/mcp-server/src/data/schemas/entities",
} as const;

/** A describe block that runs only when HARNESS_SCAFFOLD_REFERENCE is set. */
export function describeReference(name: string, body: () => void): void {
  describe.skipIf(referenceDir() === undefined)(`${REFERENCE_PREFIX} ${name}`, body);
}
