/**
 * Kits through the built binary (needs `npm run build`): kit init → check → test, a hand-written
 * kit rendered with `new --kit DIR --yes`, published to the emulator and planned unchanged, the
 * same kit installed as an npm package, and kit test failing with a diff.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/index.js";
import { repoRoot, runBin } from "../helpers/cli.js";
import { tempDir } from "../generate/helpers.js";

const acme = path.join(repoRoot, "test/fixtures/kits/acme");
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const done of cleanups) done();
  cleanups = [];
});
function scratch(): string {
  const { dir, done } = tempDir("hs-kit-cli-");
  cleanups.push(done);
  return dir;
}

describe("kit commands", { timeout: 120_000 }, () => {
  it("kit init writes a starter that kit check and kit test pass at once", async () => {
    const cwd = scratch();
    const init = await runBin(["kit", "init", "my-kit"], { cwd });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain("create     my-kit/kit.yaml");
    const yaml = readFileSync(path.join(cwd, "my-kit/kit.yaml"), "utf8");
    const modeline = /^# yaml-language-server: \$schema=(\S+)\n/.exec(yaml);
    expect(modeline).not.toBeNull();
    expect(readFileSync(path.resolve(cwd, "my-kit", modeline?.[1] ?? ""), "utf8")).toContain('"title": "harness-scaffold kit.yaml"');
    const check = await runBin(["kit", "check", "my-kit"], { cwd });
    expect([check.code, check.stdout]).toEqual([0, "kit my-kit: no problems found.\n"]);
    const test = await runBin(["kit", "test", "my-kit"], { cwd });
    expect([test.code, test.stdout]).toEqual([0, "pass    default (web-service)\npass    upgrade/update (web-service)\nkit my-kit: 2 cases passed.\n"]);
  });

  it("kit test fails with a unified diff when a file differs from expected/, and --update accepts it", async () => {
    const cwd = scratch();
    cpSync(acme, path.join(cwd, "acme"), { recursive: true });
    const expected = path.join(cwd, "acme/tests/default/expected/services/orders_web.yaml");
    writeFileSync(expected, readFileSync(expected, "utf8").replace("team: payments", "team: search"));
    const failed = await runBin(["kit", "test", "acme"], { cwd });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("FAIL    default (web-service)");
    expect(failed.stdout).toContain("--- expected/services/orders_web.yaml\n+++ rendered/services/orders_web.yaml");
    expect(failed.stdout).toContain("-    team: search\n+    team: payments");
    expect((await runBin(["kit", "test", "acme", "--update"], { cwd })).code).toBe(0);
    expect(readFileSync(expected, "utf8")).toContain("team: payments");
    expect((await runBin(["kit", "test", "acme"], { cwd })).code).toBe(0);
  });

  it("kit check --format json lists problems with their places", async () => {
    const cwd = scratch();
    cpSync(acme, path.join(cwd, "acme"), { recursive: true });
    const kitFile = path.join(cwd, "acme/kit.yaml");
    writeFileSync(kitFile, readFileSync(kitFile, "utf8").replace("        kind: namespace", "        kind: namespace\n        promted: true"));
    writeFileSync(path.join(cwd, "acme/templates/unused.yaml.hbs"), "x: {{json nope}}\n");
    const r = await runBin(["kit", "check", "acme", "--format", "json"], { cwd });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      kit: "acme-golden-paths",
      issues: [
        { at: "acme/kit.yaml:30:9", message: 'unknown field "promted" in an answer (did you mean "prompted"?)' },
        { at: "acme/templates/unused.yaml.hbs", message: "this template is used by no generator's files" },
      ],
    });
  });

  it("new --kit DIR --yes renders files that publish to the emulator and plan again as unchanged", async () => {
    const cwd = scratch();
    const made = await runBin(["new", "web-service", "--kit", acme, "--yes", "--set", "name=orders-web", "--set", "team=search"], { cwd });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain("web-service: wrote 8 files to .harness.");
    const emulator = await startEmulator({ port: 0 });
    try {
      const env = { HARNESS_PLATFORM_API_KEY: emulator.token, HARNESS_SCAFFOLD_STATE_DIR: path.join(cwd, "state") };
      const published = await runBin(["publish", "--endpoint", emulator.url], { cwd, env });
      expect(published.code, published.stderr + published.stdout).toBe(0);
      const plan = await runBin(["plan", "--json", "--endpoint", emulator.url], { cwd, env });
      const items = (JSON.parse(plan.stdout) as { plan: Array<{ kind: string; identifier: string; action: string }> }).plan;
      expect(items).toHaveLength(7);
      expect(new Set(items.map((i) => i.action))).toEqual(new Set(["unchanged"]));
    } finally {
      await emulator.close();
    }
  });

  it("the same kit installed as an npm package works with --kit @acme/…", async () => {
    const cwd = scratch();
    cpSync(acme, path.join(cwd, "acme-kit"), { recursive: true });
    writeFileSync(path.join(cwd, "acme-kit/package.json"), JSON.stringify({ name: "@acme/golden-paths", version: "1.0.0", "harness-scaffold": { kit: "kit.yaml" } }));
    const project = path.join(cwd, "project");
    cpSync(path.join(acme, "tests"), path.join(project, "unused"), { recursive: true });
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "project", version: "1.0.0", private: true }));
    const { spawnSync } = await import("node:child_process");
    const npm = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--offline", "../acme-kit"], { cwd: project, encoding: "utf8" });
    expect(npm.status, npm.stderr).toBe(0);
    const r = await runBin(["new", "web-service", "--kit", "@acme/golden-paths", "--yes", "--set", "name=orders-web"], { cwd: project });
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(project, ".harness/harness-scaffold.json"), "utf8")) as { runs: Array<{ kit: unknown }> };
    expect(manifest.runs[0]?.kit).toEqual({ name: "acme-golden-paths", version: "1.0.0", source: "@acme/golden-paths" });
    const missing = await runBin(["new", "web-service", "--kit", "@acme/other", "--yes"], { cwd: project });
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("no package @acme/other installed")]);
  });
});
