/**
 * Progress as a user sees it: on a terminal a spinner names the kind in flight above the finished
 * lines; in a pipe (CI logs) only plain lines. Needs `npm run build` (the binary runs in a pty).
 */
import { existsSync } from "node:fs";
import { stripVTControlCharacters } from "node:util";
import pty from "@lydell/node-pty";
import { afterEach, describe, expect, it } from "vitest";
import { binPath, runBin } from "../helpers/cli.js";
import type { Harness } from "./helpers.js";
import { setup } from "./helpers.js";

let h: Harness | undefined;
afterEach(async () => h?.close());

describe.skipIf(!existsSync(binPath))("publish progress", () => {
  it("shows a spinner with the kind in flight on a terminal", async () => {
    h = await setup();
    const term = pty.spawn(process.execPath, [binPath, "publish", "--endpoint", h.emulator.url, "--rate", "4/1"], {
      cwd: h.root,
      cols: 120,
      rows: 40,
      env: { PATH: process.env.PATH ?? "", TERM: "xterm-256color", ...h.env },
    });
    let raw = "";
    term.onData((d) => (raw += d));
    const code = await new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
    expect(code).toBe(0);
    expect(raw).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] publishing 3 connectors \(\d\/3 done\)/);
    expect(raw).toContain("\r\x1b[2K");
    // What stays on screen: each line as left after its last carriage return.
    const plain = raw
      .split(/\r?\n/)
      .map((line) => stripVTControlCharacters(line.split("\r").at(-1) ?? ""))
      .join("\n");
    expect(plain).toMatch(/created {4}connector {7}github\n/);
    expect(plain).toContain("17 created, 0 updated, 0 unchanged.");
  }, 60_000);

  it("writes plain lines, no spinner, when stdout is not a terminal", async () => {
    h = await setup();
    const r = await runBin(["publish", "--endpoint", h.emulator.url], { cwd: h.root, env: h.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(stripVTControlCharacters(r.stdout));
    expect(r.stdout).not.toContain("\r");
    expect(r.stdout.split("\n").filter((l) => /^ {2}created /.test(l))).toHaveLength(17);
  }, 60_000);
});
