import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "./helpers.js";
import { actions, leaks, SECRET_ENV, setup } from "./helpers.js";

const NO_VALUES = { GITHUB_TOKEN: undefined, DOCKER_PASSWORD: undefined };

describe("secrets: a one-shot publish of the sample against the emulator's default checks", () => {
  let h: Harness;
  const outputs: string[] = [];
  beforeAll(async () => {
    // A new project's secret manager appears 1.5 s late; a deleted connector's secret stays "in use" 1 s.
    h = await setup({ secrets: { managerDelayMs: 1500, referenceReleaseMs: 1000 } });
  });
  afterAll(async () => h.close());

  it("plan says which values are missing; publish without them stops before writing anything, naming each variable", async () => {
    const p = await h.run(["plan"], NO_VALUES);
    outputs.push(p.stdout, p.stderr);
    expect(p.stdout).toMatch(/\+ create\s+secret\s+github_token\s+\(env:GITHUB_TOKEN is not set: publish will stop before sending anything\)/);
    h.log.length = 0;
    const r = await h.run(["publish"], NO_VALUES);
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2 secrets have no value available; nothing was sent to Harness:");
    expect(r.stderr).toContain('secret "github_token" takes its value from GITHUB_TOKEN, which is not set');
    expect(r.stderr).toContain('secret "docker_password" takes its value from DOCKER_PASSWORD, which is not set');
    expect(h.log.filter((l) => !l.startsWith("GET "))).toEqual([]);
  });

  it("an empty variable is refused the same way", async () => {
    const r = await h.run(["publish"], { GITHUB_TOKEN: "" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('secret "github_token" takes its value from GITHUB_TOKEN, which is empty');
    expect(h.log.filter((l) => !l.startsWith("GET "))).toEqual([]);
  });

  it("with the values set: the project, then 2 secrets (waiting out the secret manager), then every connector; connection tests pass", async () => {
    h.log.length = 0;
    const r = await h.run(["publish", "--test-connections", "--json"]);
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; results: { kind: string; action: string }[]; connectionTests: { identifier: string; status: string }[] };
    expect(out.ok).toBe(true);
    expect(out.results.filter((x) => x.kind === "secret").map((x) => x.action)).toEqual(["created", "created"]);
    expect(out.connectionTests.map((t) => `${t.identifier} ${t.status}`)).toEqual(["dockerhub SUCCESS", "github SUCCESS", "k8s_cluster SUCCESS"]);
    // The not-ready refusal happened and was retried, not slept through blindly.
    expect(h.log.some((l) => /^POST \/ng\/api\/v2\/secrets 400/.test(l))).toBe(true);
    const firstConnector = h.log.findIndex((l) => l.startsWith("POST /ng/api/connectors "));
    const lastSecret = h.log.map((l) => /^POST \/ng\/api\/v2\/secrets 200/.test(l)).lastIndexOf(true);
    expect(lastSecret).toBeLessThan(firstConnector);
    expect(h.emulator.secretHolds("org/default/payments_api", "github_token", SECRET_ENV.GITHUB_TOKEN)).toBe(true);
  });

  it("afterwards plan is all unchanged (the secrets exist)", async () => {
    const p = await h.run(["plan", "--json"]);
    expect(actions(p.stdout, "plan")).toEqual(["unchanged", "exists"]);
  });

  it("--rollback removes everything, the secrets after the connectors that use them", async () => {
    h.log.length = 0;
    const r = await h.run(["publish", "--rollback"]);
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("17 deleted");
    const deletes = h.log.filter((l) => l.startsWith("DELETE ")).map((l) => l.split(" ")[1] ?? "");
    const lastConnector = deletes.map((d) => d.includes("/connectors/")).lastIndexOf(true);
    const firstSecret = deletes.findIndex((d) => d.includes("/v2/secrets/"));
    expect(firstSecret).toBeGreaterThan(lastConnector);
    // Harness still counted the connectors' use for a moment: those refusals were retried.
    expect(h.log.some((l) => /^DELETE \/ng\/api\/v2\/secrets\/\w+ 400/.test(l))).toBe(true);
    expect(actions((await h.run(["plan", "--json"])).stdout, "plan")).toEqual(["create"]);
  });

  it("never lets the key or a secret value into output or any file", () => {
    expect(leaks(h, outputs)).toEqual([]);
  });
});

describe("secrets: existing ones are left alone unless rotated", () => {
  let h: Harness;
  const outputs: string[] = [];
  beforeAll(async () => {
    h = await setup();
    expect((await h.run(["publish"])).code).toBe(0);
  });
  afterAll(async () => h.close());

  it("a publish with another value set leaves the secrets alone", async () => {
    h.log.length = 0;
    const q = await h.run(["publish"], { GITHUB_TOKEN: "another-value-0001" });
    expect(q.code).toBe(0);
    expect(h.log.filter((l) => !l.startsWith("GET "))).toEqual([]);
    expect(h.emulator.secretHolds("org/default/payments_api", "github_token", SECRET_ENV.GITHUB_TOKEN)).toBe(true);
  });

  it("--rotate-secret ID sends that value again (an update); an unknown ID is refused", async () => {
    h.log.length = 0;
    const r = await h.run(["publish", "--rotate-secret", "github_token"], { GITHUB_TOKEN: "rotated-value-0002" });
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/updated\s+secret\s+github_token/);
    expect(h.log.filter((l) => !l.startsWith("GET "))).toEqual(["PUT /ng/api/v2/secrets/github_token 200"]);
    expect(h.emulator.secretHolds("org/default/payments_api", "github_token", "rotated-value-0002")).toBe(true);
    const bad = await h.run(["publish", "--rotate-secret", "nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--rotate-secret nope: no such secret in the files");
  });

  it("never lets a secret value into output or any file", () => {
    expect(leaks(h, outputs)).toEqual([]);
  });
});

describe("secrets: sources and references that cannot work", () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it("a connector referencing a secret that exists nowhere: plan warns, Harness (the emulator) refuses it with its message", async () => {
    h = await setup();
    rmSync(path.join(h.root, ".harness/secrets/docker_password.yaml"));
    const p = await h.run(["plan"]);
    expect(p.code).toBe(0);
    expect(p.stderr + p.stdout).toContain('secret "docker_password" not found locally, must exist in Harness');
    const r = await h.run(["publish"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/failed\s+connector\s+dockerhub: .*400 Bad Request \(INVALID_REQUEST, [0-9a-f-]{36}\): Error while validating passwordRef field : No secret exists with the id docker_password {2}in organization default in project payments_api/);
  });

  it("prompt without a terminal, and file: sources missing or outside the repository: clear errors, nothing sent", async () => {
    h = await setup();
    const file = path.join(h.root, ".harness/secrets/github_token.yaml");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace('"env:GITHUB_TOKEN"', "prompt"));
    h.log.length = 0;
    const prompt = await h.run(["publish"]);
    expect(prompt.code).toBe(2);
    expect(prompt.stderr).toContain('secret "github_token" asks for its value at a prompt, but there is no terminal');
    expect(prompt.stderr).toContain("env:GITHUB_TOKEN");
    writeFileSync(file, original.replace('"env:GITHUB_TOKEN"', "file:keys/token.txt"));
    const missing = await h.run(["publish"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('secret "github_token" takes its value from file keys/token.txt, which does not exist');
    writeFileSync(path.join(h.root, "token.txt"), "");
    writeFileSync(file, original.replace('"env:GITHUB_TOKEN"', "file:token.txt"));
    const empty = await h.run(["publish"]);
    expect(empty.stderr).toContain("which is empty");
    expect(h.log.filter((l) => !l.startsWith("GET "))).toEqual([]);
    writeFileSync(path.join(h.root, "token.txt"), "from-a-file-0003\n");
    const ok = await h.run(["publish"]);
    expect(ok.code).toBe(0);
    expect(h.emulator.secretHolds("org/default/payments_api", "github_token", "from-a-file-0003\n")).toBe(true);
  });
});

describe("test-connections", () => {
  let h: Harness;
  afterEach(async () => h?.close());

  it("one line per connector, FAILURE with Harness's summary and hint, an HTTP error counted as a failure, exit 1", async () => {
    h = await setup({ testConnection: { fail: ["dockerhub"], noDelegate: ["k8s_cluster"] } });
    expect((await h.run(["publish"])).code).toBe(0);
    const r = await h.run(["test-connections"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/SUCCESS\s+connector\s+github\n/);
    expect(r.stdout).toMatch(/FAILURE\s+connector\s+dockerhub: Error Encountered \(Invalid credentials\)\n\s+hint: Invalid credentials: Check the username/);
    expect(r.stdout).toMatch(/FAILURE\s+connector\s+k8s_cluster: .*DELEGATE_NOT_AVAILABLE/);
    expect(r.stdout).toContain("2 of 3 connection tests failed.");
    const json = await h.run(["test-connections", "--json"]);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; tests: { identifier: string; status: string }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.tests.map((t) => `${t.identifier} ${t.status}`)).toEqual(["dockerhub FAILURE", "github SUCCESS", "k8s_cluster FAILURE"]);
  });
});
