/** `harness-scaffold emulator`: flag checking, the banner, and a clean stop on SIGINT/SIGTERM. */
import { spawn } from "node:child_process";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { emulatorOptions } from "../../src/cli/emulator.js";
import { runCli } from "../../src/cli/main.js";
import { binPath, runInProcess } from "../helpers/cli.js";
import { call } from "./helpers.js";

describe("emulator command", () => {
  it.each([
    [["--rate-limit", "lots"], '--rate-limit "lots" is not of the form REQUESTS/SECONDS'],
    [["--duplicate-status", "401"], '--duplicate-status "401" must be 400 or 409'],
    [["--missing-input-set-status", "410"], '--missing-input-set-status "410" must be 400 or 404'],
    [["--missing-template-status", "410"], '--missing-template-status "410" must be 400 or 404'],
    [["--fault-rate", "1.5"], '--fault-rate "1.5" is not a number from 0 to 1'],
    [["--port", "http"], '--port "http" is not a whole number from 0 to 65535'],
    [["--seed", "3"], "--seed only has an effect with --fault-rate"],
    [["--fault-rate", "0.1", "--fault-kinds", "503,explode"], '--fault-kinds: unknown kind "explode"'],
    [["--token", "not-a-token"], "the token is not of the form pat.<accountId>.<tokenId>.<secret>"],
    [["--account", "abc", "--token", "pat.xyz.1.2"], 'the token belongs to account "xyz", not "abc"'],
  ])("refuses %j with exit 2 and a clear message", async (args, message) => {
    const r = await runInProcess(["emulator", "--port", "0", ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`harness-scaffold: error: ${message}`);
  });

  it("passes the switchable answers on to the emulator", () => {
    const options = emulatorOptions({ "missing-input-set-status": "400", "missing-template-status": "404", "lenient-template-inputs": true }, "/");
    expect(options).toMatchObject({ missingInputSetStatus: 400, missingTemplateStatus: 404, templateInputsCheck: false });
    expect(emulatorOptions({}, "/").missingInputSetStatus).toBeUndefined();
  });

  it("prints URL, account and token, serves requests, and stops when the signal aborts", async () => {
    const controller = new AbortController();
    let out = "";
    const stdout = { write: (s: string) => (out += s) };
    const running = runCli(["emulator", "--port", "0", "--account", "acct_1234567890", "--quiet"], {
      cwd: process.cwd(), env: {}, stdin: Readable.from([]), stdout, stderr: stdout, interactive: false, signal: controller.signal,
    });
    while (!out.includes("Press Ctrl+C")) await new Promise((r) => setTimeout(r, 10));
    const url = /listening on (\S+)/.exec(out)![1]!;
    const token = /API token\s+(\S+)/.exec(out)![1]!;
    expect(out).toContain("account id   acct_1234567890");
    expect(token).toMatch(/^pat\.acct_1234567890\.[0-9a-f]{24}\.[A-Za-z0-9]{20}$/);
    const e = { url, account: "acct_1234567890", token, faultSeed: undefined, injectFaults: () => undefined, secretHolds: () => false, close: async () => undefined };
    expect((await call(e, "GET", "/ng/api/organizations/default")).status).toBe(200);
    controller.abort();
    expect(await running).toBe(0);
    expect(out).toContain("Emulator stopped.");
  });

  it("the built binary shuts down cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [binPath, "emulator", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
    while (!out.includes("Press Ctrl+C")) await new Promise((r) => setTimeout(r, 20));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toContain("Emulator stopped.");
  });
});
