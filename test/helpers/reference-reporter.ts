/**
 * Adds one plain line to a vitest run that skipped the reference suite (see `reference.ts`):
 * how many reference tests did not run and how to run them. Silent when the suite ran.
 */
import type { Reporter, TestModule, Vitest } from "vitest/node";
import { REFERENCE_ENV, REFERENCE_PREFIX, referenceDir } from "./reference.js";

export default class ReferenceReporter implements Reporter {
  private ctx: Vitest | undefined;

  onInit(ctx: Vitest): void {
    this.ctx = ctx;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (referenceDir() !== undefined) return;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests("skipped")) if (test.fullName.includes(`${REFERENCE_PREFIX} `)) skipped++;
    }
    if (skipped === 0) return;
    const line = `${skipped} reference tests skipped: set ${REFERENCE_ENV}=DIR (a folder with seed/ and reference/, laid out like the project's shared folder) to run them.`;
    if (this.ctx) this.ctx.logger.log(line);
    else console.log(line);
  }
}
