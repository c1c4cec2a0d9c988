import { describe, expect, it } from "vitest";
import { runBin, runInProcess } from "../helpers/cli.js";

describe("the CLI shell", () => {
  it("prints help listing every command and exits 0", async () => {
    const r = await runInProcess(["--help"]);
    expect(r.code).toBe(0);
    for (const name of ["new", "list", "validate", "plan", "publish", "emulator", "demo"]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
    }
  });

  it("prints the package version", async () => {
    const r = await runBin(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("suggests the closest command for a typo, exit 2, no stack", async () => {
    const r = await runBin(["nwe"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "nwe" (did you mean "new"?)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects an unknown flag with the command's help hint", async () => {
    const r = await runInProcess(["list", "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('list: unknown option "--bogus"');
    expect(r.stderr).toContain("harness-scaffold list --help");
  });
});
