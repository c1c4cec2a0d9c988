import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunResult } from "../helpers/cli.js";
import { runInProcess } from "../helpers/cli.js";
import type { Harness } from "./helpers.js";
import { leaks, setup } from "./helpers.js";

describe("clear errors, and nothing sent when something is wrong before sending", () => {
  let h: Harness;
  const outputs: string[] = [];
  const keep = (r: RunResult): RunResult => (outputs.push(r.stdout, r.stderr), r);
  const secret = (): string => h.emulator.token.split(".")[3] as string;
  beforeAll(async () => {
    h = await setup();
  });
  afterAll(async () => h.close());

  it("a wrong key: Harness's 401 on one line, with a hint, and no repeat per entity", async () => {
    const wrong = h.emulator.token.replace(/\.[^.]+$/, ".NotTheRightSecret000");
    for (const command of ["plan", "publish"]) {
      const r = keep(await h.run([command], { HARNESS_PLATFORM_API_KEY: wrong }));
      expect(r.code, command).toBe(1);
      expect(r.stderr).toMatch(
        // publish looks its secrets up first (a missing value must stop it before any write); plan starts at the project.
        /^harness-scaffold: error: (project "payments_api" \(\.harness\/project\.json\)|secret "docker_password" \(\.harness\/secrets\/docker_password\.yaml\)): \[GET\] http:\/\/127\.0\.0\.1:\d+\/ng\/api\/(projects\/payments_api|v2\/secrets\/docker_password): 401 Unauthorized \(INVALID_TOKEN, [0-9a-f-]{36}\): Invalid API token\n {2}hint: the API key was refused: check HARNESS_PLATFORM_API_KEY/,
      );
      expect(`${r.stdout}${r.stderr}`).not.toContain("NotTheRightSecret000");
    }
    expect(h.log.filter((l) => !l.startsWith("GET "))).toEqual([]);
  });

  it("a wrong account: refused before anything is sent", async () => {
    h.log.length = 0;
    const flag = keep(await h.run(["publish", "--account", "someOtherAccount"]));
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('harness-scaffold: error: account "someOtherAccount" (from --account) is not the account the API key from HARNESS_PLATFORM_API_KEY belongs to');
    const env = keep(await h.run(["plan"], { HARNESS_ACCOUNT_ID: "someOtherAccount" }));
    expect(env.code).toBe(2);
    expect(env.stderr).toContain("(from HARNESS_ACCOUNT_ID)");
    expect(h.log).toEqual([]);
  });

  it("a plain http endpoint that is not this machine: refused, nothing sent", async () => {
    for (const [args, extra] of [
      [["publish", "--endpoint", "http://harness.example.com"], {}],
      [["plan"], { HARNESS_ENDPOINT: "http://10.1.2.3:8080/gateway" }],
    ] as const) {
      const r = keep(await runInProcess([...args], { cwd: h.root, env: { ...h.env, ...extra } }));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/refusing plain http endpoint http:\/\/[\w.:]+ \(from (--endpoint|HARNESS_ENDPOINT)\): the API key would cross the network unencrypted/);
    }
  });

  it("a malformed key, a missing key, or a key given as a flag: exit 2 without echoing it", async () => {
    const bad = keep(await h.run(["publish"], { HARNESS_PLATFORM_API_KEY: `${secret()}-not-a-token` }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('the API key from HARNESS_PLATFORM_API_KEY is not a Harness token: it does not start with "pat." or "sat."');
    const none = keep(await h.run(["plan"], { HARNESS_PLATFORM_API_KEY: undefined }));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no Harness API key");
    const flag = keep(await h.run(["publish", "--api-key", h.emulator.token]));
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("--api-key is not accepted");
    writeFileSync(path.join(h.root, "key.txt"), `${h.emulator.token}\n`);
    const file = keep(await h.run(["plan", "--json", "--api-key-file", "key.txt"], { HARNESS_PLATFORM_API_KEY: undefined }));
    expect(file.code).toBe(0);
    expect(JSON.parse(file.stdout)).toHaveProperty("plan");
    // The user's own key file is the one place the key belongs; the scan below covers the rest.
    rmSync(path.join(h.root, "key.txt"));
  });

  it("a file with an error: nothing is sent", async () => {
    h.log.length = 0;
    const file = path.join(h.root, ".harness/pipelines/payments_api_ci.yaml");
    const before = readFileSync(file, "utf8");
    writeFileSync(file, before.replace(/identifier: payments_api_ci/, "identifier: 9-bad id"));
    const r = keep(await h.run(["publish", "--json"]));
    writeFileSync(file, before);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error in the files; nothing was sent to Harness:\n {2}\.harness\/pipelines\/payments_api_ci\.yaml:\d+:\d+ /);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, results: [], error: { code: "E_INVALID" } });
    expect(h.log).toEqual([]);
  });

  it("a directory that is not there", async () => {
    const r = keep(await h.run(["plan", "nowhere"]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("harness-scaffold: error: no such directory: nowhere");
  });

  it("the key never appears in stdout, stderr or any file", () => {
    expect(outputs.length).toBeGreaterThan(10);
    expect(leaks(h, outputs)).toEqual([]);
  });
});
