/**
 * The bad-input corpus (test/fixtures/hardening/bad-input.yaml), each case run as the built binary
 * in a fresh temp dir whose HOME, XDG_STATE_HOME and XDG_CACHE_HOME are inside it. Every case
 * must exit 1 or 2 with one clear message containing the expected fragment, show no stack trace
 * and no "internal error", and leave the temp dir exactly as it was.
 *
 * Tests run as root here, so permission bits would not stop a write; "read-only" and "unreadable"
 * places are made with paths that cannot be opened or created for any user: a folder below a
 * regular file, a folder where a file is expected, symlinks leading out of --out.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runBin } from "../helpers/cli.js";
import { renderSample, snapshot, tempDir } from "./helpers.js";

interface BadInput {
  name: string;
  args: string[];
  code: 1 | 2;
  message: string;
  stream?: "stdout" | "stderr";
  /** Text that must appear in no output (e.g. a secret value the case put in a file or answer). */
  never?: string;
  sample?: boolean;
  files?: Record<string, string>;
  bytes?: Record<string, string>;
  links?: Record<string, string>;
  env?: Record<string, string>;
}

const CASES = parse(readFileSync(path.join(repoRoot, "test/fixtures/hardening/bad-input.yaml"), "utf8")) as BadInput[];
const TOKEN = "pat.hardAcct01.tokenId01.notReallySecret01";

const expand = (text: string): string =>
  text.replaceAll("{TOKEN}", TOKEN).replace(/\{repeat:(.):(\d+)\}/g, (_m, ch: string, n: string) => ch.repeat(Number(n)));

let sampleDir = "";
let scratch = "";
beforeAll(async () => {
  scratch = tempDir("bad-input");
  sampleDir = path.join(scratch, "sample");
  await renderSample(sampleDir);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function prepare(c: BadInput, root: string): void {
  for (const dir of ["home", "state", "cache"]) mkdirSync(path.join(root, dir), { recursive: true });
  if (c.sample) cpSync(path.join(sampleDir, ".harness"), path.join(root, ".harness"), { recursive: true });
  const put = (rel: string, data: string | Buffer): void => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), data);
  };
  for (const [rel, text] of Object.entries(c.files ?? {})) put(rel, expand(text));
  for (const [rel, hex] of Object.entries(c.bytes ?? {})) put(rel, Buffer.from(hex, "hex"));
  for (const [rel, target] of Object.entries(c.links ?? {})) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    symlinkSync(target, path.join(root, rel));
  }
}

describe("bad input: exit 1 or 2, one clear message, no stack, nothing written", () => {
  it("the corpus has at least 40 cases covering every command", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const commands = new Set(CASES.map((c) => c.args[0]));
    for (const command of ["new", "list", "validate", "plan", "publish", "emulator", "demo"]) expect(commands).toContain(command);
  });

  it.concurrent.each(CASES.map((c, i) => [c.name, c, i] as const))("%s", async (_name, c, i) => {
    const root = path.join(scratch, `case-${i}`);
    mkdirSync(root);
    prepare(c, root);
    const before = snapshot(root);
    const env: Record<string, string> = {
      HOME: path.join(root, "home"),
      XDG_STATE_HOME: path.join(root, "state"),
      XDG_CACHE_HOME: path.join(root, "cache"),
      NO_COLOR: "1",
    };
    for (const [k, v] of Object.entries(c.env ?? {})) env[k] = expand(v);
    const r = await runBin(c.args.map(expand), { cwd: root, env, timeoutMs: 20_000 });
    const all = `${r.stdout}${r.stderr}`;
    if (process.env.HARDENING_SHOW) console.log(`--- ${c.name} (exit ${r.code})\n${all}`);

    expect(r.code, all).toBe(c.code);
    expect(c.stream === "stdout" ? r.stdout : r.stderr).toContain(c.message);
    if (c.never !== undefined) expect(`${r.stdout}${r.stderr}`).not.toContain(c.never);
    expect(all).not.toContain("\n    at ");
    expect(all).not.toContain("internal error");
    if (c.stream !== "stdout") {
      // One message: a single error line (its hint may follow), and nothing else on stderr.
      expect(r.stderr.match(/^harness-scaffold: error: /gm)).toHaveLength(1);
      expect(r.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("  ") && !l.startsWith("harness-scaffold: error: "))).toEqual([]);
    }
    expect(snapshot(root)).toEqual(before);
  });
});
