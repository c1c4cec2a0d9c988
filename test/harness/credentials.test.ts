import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveConnection } from "../../src/harness/credentials.js";
import { parseEndpoint, resolveEndpoint } from "../../src/harness/endpoint.js";
import { failure, KEY } from "./mock.js";

const cwd = mkdtempSync(path.join(tmpdir(), "hs-cred-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe("credentials", () => {
  it("takes the key from HARNESS_PLATFORM_API_KEY first, then HARNESS_API_KEY, and the account from the token", async () => {
    const other = "pat.acct_Test-1.tok9.AnotherSecret000";
    const both = await resolveConnection({ cwd, env: { HARNESS_PLATFORM_API_KEY: KEY, HARNESS_API_KEY: other } });
    expect(both.apiKey.reveal()).toBe(KEY);
    expect(both.account).toBe("acct_Test-1");
    expect(both.endpoint).toBe("https://app.harness.io");
    const second = await resolveConnection({ cwd, env: { HARNESS_API_KEY: other } });
    expect(second.apiKey.reveal()).toBe(other);
    expect(second.keySource).toBe("HARNESS_API_KEY");
  });

  it("reads --api-key-file (trimmed) in preference to the environment", async () => {
    writeFileSync(path.join(cwd, "key.txt"), `${KEY}\n`);
    const c = await resolveConnection({ cwd, env: { HARNESS_PLATFORM_API_KEY: "pat.x.y.zzzzzzzz" }, apiKeyFile: "key.txt" });
    expect(c.apiKey.reveal()).toBe(KEY);
    const missing = await failure(() => resolveConnection({ cwd, env: {}, apiKeyFile: "nope.txt" }));
    expect(missing.message).toBe("cannot read the API key file nope.txt (ENOENT)");
  });

  it("explains a missing key", async () => {
    const error = await failure(() => resolveConnection({ cwd, env: {} }));
    expect(error.code).toBe("E_CONFIG");
    expect(error.message).toContain("HARNESS_PLATFORM_API_KEY is not set");
    expect(error.hint).toContain("--api-key-file");
  });

  it("refuses malformed tokens without repeating any of them", async () => {
    const bad = [
      ["SuperSecretNoDots123", 'it does not start with "pat." or "sat."'],
      ["pat.acct.SuperSecretOnlyThree", "it has 3 dot-separated parts, expected 4"],
      ["pat.acct.tok.Super Secret", "it contains spaces or line breaks"],
      ["pat.acct..SuperSecret99", "a part is empty"],
    ] as const;
    for (const [token, why] of bad) {
      const error = await failure(() => resolveConnection({ cwd, env: { HARNESS_PLATFORM_API_KEY: token } }));
      expect(error.code).toBe("E_CONFIG");
      expect(error.message).toContain(why);
      expect(error.message).toContain("from HARNESS_PLATFORM_API_KEY");
      expect(`${error.message} ${error.hint}`).not.toMatch(/SuperSecret|acct\b/);
    }
  });

  it("takes the account from --account or HARNESS_ACCOUNT_ID, and refuses one the key does not belong to", async () => {
    const env = { HARNESS_PLATFORM_API_KEY: KEY, HARNESS_ACCOUNT_ID: "acct_Test-1" };
    expect((await resolveConnection({ cwd, env })).account).toBe("acct_Test-1");
    const wrong = await failure(() => resolveConnection({ cwd, env, account: "someoneElse" }));
    expect(wrong.code).toBe("E_CONFIG");
    expect(wrong.message).toBe('account "someoneElse" (from --account) is not the account the API key from HARNESS_PLATFORM_API_KEY belongs to');
    expect(wrong.message).not.toContain("SuperSecret");
  });
});

describe("endpoint", () => {
  it("defaults to Harness SaaS and takes --endpoint, HARNESS_ENDPOINT, HARNESS_BASE_URL in that order", () => {
    expect(resolveEndpoint(undefined, {})).toBe("https://app.harness.io");
    expect(resolveEndpoint(undefined, { HARNESS_BASE_URL: "https://b.example/" })).toBe("https://b.example");
    expect(resolveEndpoint(undefined, { HARNESS_ENDPOINT: "https://a.example", HARNESS_BASE_URL: "https://b.example" })).toBe("https://a.example");
    expect(resolveEndpoint("https://c.example", { HARNESS_ENDPOINT: "https://a.example" })).toBe("https://c.example");
  });

  it("keeps a /gateway suffix as the API prefix", () => {
    expect(parseEndpoint("https://app.harness.io/gateway/", "--endpoint")).toBe("https://app.harness.io/gateway");
  });

  it("refuses http:// except on loopback", async () => {
    for (const ok of ["http://127.0.0.1:4000", "http://localhost:1", "http://[::1]:9"]) expect(parseEndpoint(ok, "x")).toBe(ok);
    const error = await failure(async () => parseEndpoint("http://harness.example.com", "--endpoint"));
    expect(error.code).toBe("E_CONFIG");
    expect(error.message).toContain("refusing plain http endpoint http://harness.example.com");
    const creds = await failure(async () => parseEndpoint("https://me:pw@h.example", "HARNESS_ENDPOINT"));
    expect(creds.message).toContain("contains a user name or password");
    expect(creds.message).not.toContain("pw");
  });
});
