import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { binPath, runBin } from "../helpers/cli.js";

describe.skipIf(!existsSync(binPath))("demo (npm start)", () => {
  it("renders, validates, plans, publishes and plans again against a local emulator, exit 0", async () => {
    const home = mkdtempSync(path.join(tmpdir(), "hs-demo-home-"));
    const tmp = mkdtempSync(path.join(tmpdir(), "hs-demo-tmp-"));
    // A proxy that does not exist: the demo must not need it (it talks to 127.0.0.1 only).
    const r = await runBin(["demo"], { env: { HOME: home, TMPDIR: tmp, HTTPS_PROXY: "http://127.0.0.1:9", HTTP_PROXY: "http://127.0.0.1:9" } });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Started the Harness API emulator at http:\/\/127\.0\.0\.1:\d+ /);
    expect(r.stdout).toContain("17 to create, 0 to update, 0 unchanged");
    expect(r.stdout).toMatch(/\+ create\s+secret\s+github_token\s+\(value from env:GITHUB_TOKEN\)/);
    expect(r.stdout).toContain("Published to http://127.0.0.1:");
    expect(r.stdout).toContain("17 created, 0 updated, 0 unchanged.");
    expect(r.stdout).toMatch(/SUCCESS\s+connector\s+github\n/);
    expect(r.stdout).toContain("All 3 connection tests succeeded.");
    expect(r.stdout).toContain("0 to create, 0 to update, 17 unchanged: Harness matches the files.");
    // The stand-in values stay out of the output; the user's own environment is not consulted.
    expect(r.stdout).not.toContain("demo-github-token-not-real");
    const where = /Your files: (.+)\n/.exec(r.stdout)?.[1] ?? "";
    expect(where.startsWith(tmp)).toBe(true);
    expect(readdirSync(path.join(where, "pipelines")).sort()).toEqual(["payments_api_cd.yaml", "payments_api_ci.yaml"]);
    // The journal lives with the demo's files, not in the user's home.
    expect(readdirSync(home)).toEqual([]);
    expect(r.stdout).not.toMatch(/pat\.[\w-]+\.[\w-]+\.[\w-]+/);
    for (const dir of [home, tmp]) rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
