/** The frame every `kit test` case runs in: a temp folder of its own, KitErrors as problems. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isKitError } from "../errors.js";
import type { KitTestCase } from "./test-kit.js";

/**
 * Runs a case's body in a fresh temp folder (named with `prefix`) and removes the folder after.
 * A KitError from the body becomes one of the case's problems; other errors propagate. The case
 * is returned with `passed` set: true when it gathered no problems and no diffs.
 */
export async function runInScratch(prefix: string, result: KitTestCase, body: (scratch: string) => Promise<void>): Promise<KitTestCase> {
  const scratch = mkdtempSync(path.join(tmpdir(), prefix));
  try {
    await body(scratch);
  } catch (cause) {
    if (!isKitError(cause)) throw cause;
    result.problems.push(cause.message);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  result.passed = result.problems.length === 0 && result.diffs.length === 0;
  return result;
}
