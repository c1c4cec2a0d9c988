import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The CLI tests spawn the compiled binary; two cores are shared with the emulator tests.
    pool: "forks",
  },
});
