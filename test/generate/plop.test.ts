/**
 * For people who like plop: `npx plop <generator>` with the compiled plopfile, or with plopfile.ts
 * through tsx, writes what `harness-scaffold new` writes (needs `npm run build`).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import nodePlop from "node-plop";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot, runBin } from "../helpers/cli.js";
import { tempDir } from "./helpers.js";

const plopBin = path.join(repoRoot, "node_modules/plop/bin/plop.js");

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const done of cleanups) done();
  cleanups = [];
});
function scratch(): string {
  const { dir, done } = tempDir("hs-plop-");
  cleanups.push(done);
  return dir;
}

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [plopBin, ...args], { cwd: repoRoot, env: { PATH: process.env.PATH, NO_COLOR: "1", ...env } });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, out }));
    child.stdin.end();
  });
}

describe("plop", { timeout: 60_000 }, () => {
  it("npx plop --plopfile dist/plopfile.js writes the same files as the CLI", async () => {
    const viaPlop = scratch();
    const r = await run(["--plopfile", "dist/plopfile.js", "--dest", viaPlop, "project", "Payments Platform", "payments"]);
    expect(r.out).toContain("project: wrote 2 files");
    const viaCli = scratch();
    expect((await runBin(["new", "project", "--yes", "--set", "name=Payments Platform", "--set", "identifier=payments"], { cwd: viaCli })).code).toBe(0);
    for (const file of ["project.json", "harness-scaffold.json"]) {
      expect(readFileSync(path.join(viaPlop, ".harness", file), "utf8")).toBe(readFileSync(path.join(viaCli, ".harness", file), "utf8"));
    }
  });

  it("plopfile.ts runs with tsx as the loader", async () => {
    const dest = scratch();
    const r = await run(["--dest", dest, "project", "Payments", "payments"], { NODE_OPTIONS: "--import=tsx" });
    expect(r.out).toContain("project: wrote 2 files");
    expect(JSON.parse(readFileSync(path.join(dest, ".harness/project.json"), "utf8")).project.name).toBe("Payments");
  });

  it("plop refuses a bad identifier with our rule", async () => {
    const r = await run(["--plopfile", "dist/plopfile.js", "--dest", scratch(), "project", "Payments", "1bad"]);
    expect(r.out).toContain('identifier "1bad" may only contain letters, digits and _, and must not start with a digit');
  });

  it("node-plop: the harness-scaffold action renders, validates and writes, and reports failures", async () => {
    const dest = scratch();
    const plop = await nodePlop(path.join(repoRoot, "dist/plopfile.js"), { destBasePath: dest, force: false });
    expect(plop.getGeneratorList().map((g) => g.name)).toEqual(["project", "connector", "pipeline", "service", "stage-template"]);
    const generator = plop.getGenerator("connector");
    const ok = await generator.runActions({ type: "K8sCluster", name: "cluster", delegateSelectors: "main" });
    expect(ok.failures).toEqual([]);
    expect(ok.changes[0]!.type).toBe("harness-scaffold");
    expect(JSON.parse(readFileSync(path.join(dest, ".harness/connectors/cluster.json"), "utf8")).connector.spec.delegateSelectors).toEqual(["main"]);
    const bad = await generator.runActions({ type: "K8sCluster", name: "cluster 2" });
    expect(bad.failures[0]!.error).toBe('missing required answer "delegateSelectors" (Delegate selectors (comma-separated))');
  });
});
