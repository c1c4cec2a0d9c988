/**
 * `valueSource: prompt` at a terminal: publish asks with hidden input (the typed value is not
 * echoed) and sends it. Needs `npm run build` (the binary runs in a pty).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pty from "@lydell/node-pty";
import { afterEach, describe, expect, it } from "vitest";
import { binPath } from "../helpers/cli.js";
import type { Harness } from "./helpers.js";
import { setup } from "./helpers.js";

let h: Harness | undefined;
afterEach(async () => h?.close());

describe.skipIf(!existsSync(binPath))("a prompt secret at a terminal", () => {
  it("asks without echo, sends what was typed, prints no value", async () => {
    h = await setup();
    const file = path.join(h.root, ".harness/secrets/github_token.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace('"env:GITHUB_TOKEN"', "prompt"));
    const term = pty.spawn(process.execPath, [binPath, "publish", "--endpoint", h.emulator.url], {
      cwd: h.root,
      cols: 120,
      rows: 40,
      env: { PATH: process.env.PATH ?? "", TERM: "xterm-256color", ...h.env },
    });
    let raw = "";
    let typed = false;
    term.onData((d) => {
      raw += d;
      if (!typed && raw.includes('Value of secret "github_token" (input hidden)')) {
        typed = true;
        term.write("typed-at-the-prompt-77\r");
      }
    });
    const code = await new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
    expect(typed).toBe(true);
    expect(code).toBe(0);
    expect(raw).not.toContain("typed-at-the-prompt-77");
    expect(h.emulator.secretHolds("org/default/payments_api", "github_token", "typed-at-the-prompt-77")).toBe(true);
  }, 60_000);
});
