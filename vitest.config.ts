import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The CLI tests spawn the compiled binary; two cores are shared with the emulator tests.
    pool: "forks",
    // The second reporter prints one line when the reference suite was skipped (test/helpers/reference.ts).
    reporters: ["default", "./test/helpers/reference-reporter.ts"],
  },
});
