/**
 * plop users: `registerKit(plop, "path/or/package")` from the package registers a kit's
 * generators, so `npx plop web-service` writes through the same render → validate → write
 * action (needs `npm run build`).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";
import { tempDir } from "../generate/helpers.js";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const done of cleanups) done();
  cleanups = [];
});

describe("registerKit", { timeout: 60_000 }, () => {
  it("npx plop <kit generator> writes what new --kit writes", () => {
    const { dir, done } = tempDir("hs-kit-plop-");
    cleanups.push(done);
    const index = pathToFileURL(path.join(repoRoot, "dist/src/index.js")).href;
    const kit = path.join(repoRoot, "test/fixtures/kits/acme");
    writeFileSync(path.join(dir, "plopfile.mjs"), `import { registerKit } from ${JSON.stringify(index)};\nexport default (plop) => registerKit(plop, ${JSON.stringify(kit)});\n`);
    const plop = spawnSync(process.execPath, [path.join(repoRoot, "node_modules/plop/bin/plop.js"), "--plopfile", "plopfile.mjs", "--dest", dir, "web-service", "orders-web"], {
      cwd: dir,
      encoding: "utf8",
      input: "",
      env: { PATH: process.env.PATH, NO_COLOR: "1" },
    });
    expect(plop.status, plop.stderr + plop.stdout).toBe(0);
    expect(plop.stdout + plop.stderr).toContain("web-service: wrote 8 files");
    const expected = path.join(kit, "tests/default/expected/environments/prod.yaml");
    const written = readFileSync(path.join(dir, ".harness/environments/prod.yaml"), "utf8");
    expect(written).toBe(readFileSync(expected, "utf8").replace("payments_services", "platform_services").replace("team: payments", "team: platform"));
  });
});
