/**
 * The API key never leaks. Every command runs as the built binary with a canary key (from the
 * environment or --api-key-file), on success and failure paths; HOME, XDG_STATE_HOME,
 * XDG_CACHE_HOME and TMPDIR point inside the case's temp dir, so every file a run writes (out
 * dir, journal, caches, the demo's files) is scanned together with stdout, stderr and the
 * emulator's request log. The canary's secret part must appear nowhere but in the key file.
 * The same holds for a canary secret *value*: the sample's secrets read it from GITHUB_TOKEN and
 * DOCKER_PASSWORD, and publish sends it; it must appear in no output, journal or state file.
 */
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorOptions, Fault } from "../../src/index.js";
import { runBin } from "../helpers/cli.js";
import { filesUnder, loggedEmulator, renderSample, tempDir } from "./helpers.js";
import { emulatorBanner } from "./emulator-child.js";

const ACCOUNT = "canaryAccount000000001";
const SECRET = `CaNaRy${randomBytes(10).toString("hex")}`;
const KEY = `pat.${ACCOUNT}.canaryTokenId01.${SECRET}`;
const SECRET_VALUE = `CaNaRyValue${randomBytes(10).toString("hex")}`;

interface SecretCase {
  name: string;
  args: string[];
  /** Expected exit codes, in run order (several runs share one temp dir and emulator). */
  codes: number[];
  sample?: boolean;
  /** Where the key comes from (default the environment). */
  keyFrom?: "env" | "file" | "none";
  /** The key as sent; default the canary. */
  key?: string;
  /** The emulator the commands are pointed at (--endpoint); "refused" points at a closed port. */
  emulator?: EmulatorOptions | "refused";
  faults?: Fault[];
  extraRuns?: string[][];
  /** The emulator keeps a --state file inside the case's dir (scanned like every file). */
  state?: boolean;
}

// Slowest first (every retry of a 503 waits out the backoff), so it overlaps the others.
const CASES: SecretCase[] = [
  { name: "plan when Harness keeps failing (503)", args: ["plan"], codes: [1], sample: true, emulator: { faults: { rate: 1, kinds: ["503"] } } },
  { name: "new", args: ["new", "service", "--yes", "--set", "name=payments-api", "--set", "gitUrl=https://github.com/acme/payments-api", "--set", "image=acme/payments-api"], codes: [0] },
  { name: "list", args: ["list", "--json"], codes: [0] },
  { name: "validate", args: ["validate", "--format", "json"], codes: [0], sample: true },
  { name: "plan", args: ["plan"], codes: [0], sample: true, emulator: {} },
  { name: "plan, key from a file", args: ["plan", "--json"], codes: [0], sample: true, emulator: {}, keyFrom: "file" },
  { name: "publish, publish again, roll back", args: ["publish"], codes: [0, 0, 0], sample: true, emulator: {}, extraRuns: [["publish", "--json"], ["publish", "--rollback"]] },
  { name: "publish, key from a file", args: ["publish"], codes: [0], sample: true, emulator: {}, keyFrom: "file" },
  { name: "publish through 500s", args: ["publish"], codes: [0], sample: true, emulator: {}, faults: [{ kind: "500", method: "POST" }, { kind: "503-after-store", method: "POST" }, { kind: "html" }] },
  { name: "plan with another account", args: ["plan", "--account", "someOtherAccount"], codes: [2], sample: true, emulator: {} },
  { name: "publish with a refused key (401)", args: ["publish"], codes: [1], sample: true, emulator: { token: `pat.${ACCOUNT}.otherTokenId.otherSecret0001` } },
  { name: "publish with a key file and a refused key (401)", args: ["publish"], codes: [1], sample: true, keyFrom: "file", emulator: { token: `pat.${ACCOUNT}.otherTokenId.otherSecret0001` } },
  { name: "publish when the network refuses", args: ["publish"], codes: [1], sample: true, emulator: "refused" },
  { name: "publish with the key as a flag", args: ["publish", "--api-key", KEY], codes: [2], sample: true, keyFrom: "none" },
  { name: "plan with a key holding a space", args: ["plan"], codes: [2], sample: true, key: `${KEY} ${SECRET}` },
  { name: "plan with a key file of two lines", args: ["plan"], codes: [2], sample: true, keyFrom: "file", key: `${KEY}\n${SECRET}\n` },
  { name: "plan with a key of five parts", args: ["plan"], codes: [2], sample: true, key: `${KEY}.${SECRET}` },
  { name: "demo", args: ["demo"], codes: [0] },
  {
    name: "publish secrets with a state file, test connections, rotate, roll back",
    args: ["publish", "--test-connections", "--json"],
    codes: [0, 0, 0, 0],
    sample: true,
    emulator: { testConnection: { fail: ["dockerhub"] } },
    state: true,
    extraRuns: [["plan", "--json"], ["publish", "--rotate-secrets"], ["publish", "--rollback"]],
  },
];

let scratch = "";
let sampleDir = "";
beforeAll(async () => {
  scratch = tempDir("secrets");
  sampleDir = path.join(scratch, "sample");
  await renderSample(sampleDir);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function prepare(name: string, sample: boolean): { root: string; env: Record<string, string> } {
  const root = path.join(scratch, name.replace(/\W+/g, "-"));
  for (const dir of ["home", "state", "cache", "tmp"]) mkdirSync(path.join(root, dir), { recursive: true });
  if (sample) cpSync(path.join(sampleDir, ".harness"), path.join(root, ".harness"), { recursive: true });
  const env = { HOME: path.join(root, "home"), XDG_STATE_HOME: path.join(root, "state"), XDG_CACHE_HOME: path.join(root, "cache"), TMPDIR: path.join(root, "tmp"), NO_COLOR: "1" };
  return { root, env };
}

/** Where the secret shows up: outputs, and every file under root except the key file we wrote. */
function leaks(root: string, outputs: Record<string, string>): string[] {
  const has = (text: string): boolean => text.includes(SECRET) || text.includes(SECRET_VALUE);
  const found = Object.entries(outputs).filter(([, text]) => has(text)).map(([where]) => where);
  for (const file of filesUnder(root)) {
    if (path.basename(file) === "key.txt") continue;
    if (has(readFileSync(file).toString("latin1"))) found.push(path.relative(root, file));
  }
  return found;
}

describe("a canary API key appears in no output and no file", () => {
  it.concurrent.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { root, env } = prepare(c.name, c.sample === true);
    const keyText = c.key ?? KEY;
    const keyFrom = c.keyFrom ?? "env";
    if (keyFrom === "env") env.HARNESS_PLATFORM_API_KEY = keyText;
    const keyArgs = keyFrom === "file" ? ["--api-key-file", "key.txt"] : [];
    if (keyFrom === "file") writeFileSync(path.join(root, "key.txt"), keyText);

    // Every run has the secrets' values set, as a user publishing the sample would.
    Object.assign(env, { GITHUB_TOKEN: SECRET_VALUE, DOCKER_PASSWORD: SECRET_VALUE });
    const state = c.state === true ? { stateFile: path.join(root, "emulator-state.json") } : {};
    const logged = c.emulator !== undefined && c.emulator !== "refused" ? await loggedEmulator({ token: KEY, ...state, ...c.emulator }) : undefined;
    if (logged && c.faults) logged.emulator.injectFaults(c.faults);
    const endpoint = c.emulator === "refused" ? ["--endpoint", "http://127.0.0.1:9"] : logged ? ["--endpoint", logged.emulator.url] : [];
    const outputs: Record<string, string> = {};
    try {
      const runs = [c.args, ...(c.extraRuns ?? [])];
      for (const [i, args] of runs.entries()) {
        const connection = ["plan", "publish", "test-connections"].includes(args[0]!) ? [...endpoint, ...keyArgs] : [];
        const r = await runBin([...args, ...connection], { cwd: root, env, timeoutMs: 60_000 });
        outputs[`run ${i} stdout`] = r.stdout;
        outputs[`run ${i} stderr`] = r.stderr;
        // A failed connection test makes publish exit 1; the case only cares about leaks then.
        const expected = c.emulator !== "refused" && c.emulator?.testConnection !== undefined && args.includes("--test-connections") ? 1 : c.codes[i];
        expect(r.code, `${args.join(" ")}\n${r.stdout}${r.stderr}`).toBe(expected);
        expect(`${r.stdout}${r.stderr}`).not.toContain("\n    at ");
      }
    } finally {
      await logged?.emulator.close();
    }
    outputs["emulator log"] = logged?.log.join("\n") ?? "";
    expect(leaks(root, outputs)).toEqual([]);
  }, 60_000);

  it("emulator: the banner and state file carry its own token, never the user's key", async () => {
    const { root, env } = prepare("emulator", false);
    const banner = await emulatorBanner(["--state", "state.json"], { cwd: root, env: { ...env, HARNESS_PLATFORM_API_KEY: KEY } });
    expect(banner.stdout).toContain("Harness API emulator listening on http://127.0.0.1:");
    expect(leaks(root, { stdout: banner.stdout, stderr: banner.stderr })).toEqual([]);
  });

  it("the scan finds the canary when it is there", () => {
    const { root } = prepare("self-check", false);
    writeFileSync(path.join(root, "state", "journal.json"), `{"key":"${KEY}"}`);
    writeFileSync(path.join(root, "state", "emulator.json"), `{"value":"${SECRET_VALUE}"}`);
    expect(leaks(root, { stdout: `token ${SECRET}`, stderr: `value ${SECRET_VALUE}` })).toEqual(["stdout", "stderr", "state/emulator.json", "state/journal.json"]);
  });
});
