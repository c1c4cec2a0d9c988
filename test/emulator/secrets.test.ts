import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { EmulatorOptions } from "../../src/emulator/types.js";
import { call, createProject, inProject, start } from "./helpers.js";
import type { RunningEmulator } from "./helpers.js";

const VALUE = "canary-secret-value-1b9f";
const text = (identifier: string, value: string | undefined = VALUE, scope: Record<string, string> = inProject) => ({
  secret: { type: "SecretText", identifier, name: identifier, ...scope, tags: {}, spec: { secretManagerIdentifier: "harnessSecretManager", valueType: "Inline", value } },
});
const github = (tokenRef: string, scope: Record<string, string> = inProject) => ({
  connector: {
    identifier: "gh", name: "gh", type: "Github", ...scope,
    spec: { url: "https://github.com/acme", type: "Account", validationRepo: "x", authentication: { type: "Http", spec: { type: "UsernameToken", spec: { username: "bot", tokenRef } } }, apiAccess: { type: "Token", spec: { tokenRef } } },
  },
});

let e: RunningEmulator;
const open = async (options: EmulatorOptions = {}) => {
  e = await start(options);
  await createProject(e);
};
afterEach(async () => e?.close());

describe("emulator: secrets", () => {
  it("creates a SecretText, never returns its value, refuses duplicates, scope mismatches and hyphens", async () => {
    await open();
    const created = await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: text("github_token") });
    expect(created.status).toBe(200);
    expect(created.text).not.toContain(VALUE);
    expect(created.json.data.secret).toMatchObject({ identifier: "github_token", type: "SecretText", spec: { secretManagerIdentifier: "harnessSecretManager", valueType: "Inline" } });
    const got = await call(e, "GET", "/ng/api/v2/secrets/github_token", { query: inProject });
    expect(got.status).toBe(200);
    expect(got.text).not.toContain(VALUE);
    expect(e.secretHolds("org/default/apisample", "github_token", VALUE)).toBe(true);
    const dup = await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: text("github_token") });
    expect([dup.status, dup.json.code, dup.json.message]).toEqual([400, "INVALID_REQUEST", "Secret with identifier github_token already exists in this scope"]);
    const mismatch = await call(e, "POST", "/ng/api/v2/secrets", { query: { orgIdentifier: "default" }, body: text("other") });
    expect([mismatch.status, mismatch.json.message]).toEqual([400, "Invalid request, scope in payload and params do not match."]);
    const hyphen = await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: text("git-token") });
    expect([hyphen.status, hyphen.json.code]).toEqual([400, "INVALID_REQUEST"]);
    expect(hyphen.text).not.toContain(VALUE);
    const empty = await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: text("empty", "") });
    expect([empty.status, empty.json.message]).toEqual([400, "value cannot be empty for a secret text."]);
  });

  it("accepts hyphens when told to (Harness's docs; UNCONFIRMED)", async () => {
    await open({ secrets: { allowHyphens: true } });
    expect((await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: text("git-token") })).status).toBe(200);
  });

  it("answers missing secrets as Harness does: GET 400, PUT 400, DELETE 404", async () => {
    await open();
    const get = await call(e, "GET", "/ng/api/v2/secrets/nope", { query: inProject });
    expect([get.status, get.json.status, get.json.code]).toEqual([400, "FAILURE", "RESOURCE_NOT_FOUND_EXCEPTION"]);
    const put = await call(e, "PUT", "/ng/api/v2/secrets/nope", { query: inProject, body: text("nope") });
    expect([put.status, put.json.code]).toEqual([400, "INVALID_REQUEST"]);
    const del = await call(e, "DELETE", "/ng/api/v2/secrets/nope", { query: inProject });
    expect([del.status, del.json.code]).toEqual([404, "ENTITY_NOT_FOUND"]);
  });

  it("updates the value (rotation), refuses immutable changes, lists and deletes", async () => {
    await open();
    await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: text("tok") });
    const rotated = await call(e, "PUT", "/ng/api/v2/secrets/tok", { query: inProject, body: text("tok", "new-value-123456") });
    expect(rotated.status).toBe(200);
    expect(e.secretHolds("org/default/apisample", "tok", "new-value-123456")).toBe(true);
    const renamed = text("tok");
    renamed.secret.spec.secretManagerIdentifier = "other";
    const immutable = await call(e, "PUT", "/ng/api/v2/secrets/tok", { query: inProject, body: renamed });
    expect(immutable.json.message).toContain("Cannot change organization, project, identifier, type or secret manager");
    const list = await call(e, "GET", "/ng/api/v2/secrets", { query: inProject });
    expect(list.json.data.content.map((c: { secret: { identifier: string } }) => c.secret.identifier)).toEqual(["tok"]);
    expect((await call(e, "DELETE", "/ng/api/v2/secrets/tok", { query: inProject })).json.data).toBe(true);
  });

  it("takes a SecretFile as multipart and an SSHKey whose key secret must exist", async () => {
    await open();
    const boundary = "----b0undary";
    const spec = JSON.stringify({ secret: { type: "SecretFile", identifier: "kubeconfig", name: "kubeconfig", ...inProject, spec: { secretManagerIdentifier: "harnessSecretManager" } } });
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="spec"\r\n\r\n${spec}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="k"\r\nContent-Type: application/octet-stream\r\n\r\nfile-content-xyz\r\n--${boundary}--\r\n`;
    const file = await call(e, "POST", "/ng/api/v2/secrets/files", { query: inProject, body, contentType: `multipart/form-data; boundary=${boundary}` });
    expect(file.status).toBe(200);
    expect(e.secretHolds("org/default/apisample", "kubeconfig", "file-content-xyz")).toBe(true);
    const asJson = await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: JSON.parse(spec) });
    expect(asJson.status).toBe(500);
    const ssh = (key: string) => ({
      secret: { type: "SSHKey", identifier: "ssh", name: "ssh", ...inProject, spec: { port: 22, auth: { type: "SSH", spec: { credentialType: "KeyReference", spec: { userName: "ubuntu", key } } } } },
    });
    const missingKey = await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: ssh("nokey") });
    expect([missingKey.status, missingKey.json.code]).toEqual([404, "ENTITY_NOT_FOUND"]);
    expect((await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: ssh("kubeconfig") })).status).toBe(200);
    const noKey = await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: ssh("") });
    expect(noKey.status).toBe(400);
  });

  it("connectors: every secret reference must resolve, with Harness's message and scope rules", async () => {
    await open();
    const missing = await call(e, "POST", "/ng/api/connectors", { body: github("github_token") });
    expect([missing.status, missing.json.code]).toEqual([400, "INVALID_REQUEST"]);
    expect(missing.json.message).toBe("Error while validating tokenRef field : No secret exists with the id github_token  in organization default in project apisample");
    // The emulator refuses what validate refuses: project.x is no reference (a field error).
    const badPrefix = await call(e, "POST", "/ng/api/connectors", { body: github("project.github_token") });
    expect([badPrefix.status, badPrefix.json.code]).toEqual([400, "INVALID_REQUEST"]);
    expect(badPrefix.json.message).toContain('secret reference "project.github_token" is not valid');
    await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: text("github_token") });
    expect((await call(e, "POST", "/ng/api/connectors", { body: github("github_token") })).status).toBe(200);
    const accountLevel = await call(e, "POST", "/ng/api/connectors", { body: { connector: { ...github("github_token", {}).connector, identifier: "gh_acct", name: "gh_acct" } } });
    expect(accountLevel.json.message).toContain("The project level secret cannot be used at account level");
    await call(e, "POST", "/ng/api/v2/secrets", { body: text("shared", VALUE, {}) });
    expect((await call(e, "POST", "/ng/api/connectors", { body: { connector: { ...github("account.shared", {}).connector, identifier: "gh_acct", name: "gh_acct" } } })).status).toBe(200);
    const inUse = await call(e, "DELETE", "/ng/api/v2/secrets/github_token", { query: inProject });
    expect([inUse.status, inUse.json.code]).toEqual([400, "ENTITY_REFERENCE_EXCEPTION"]);
    await call(e, "DELETE", "/ng/api/connectors/gh", { query: inProject });
    expect((await call(e, "DELETE", "/ng/api/v2/secrets/github_token", { query: inProject })).status).toBe(200);
  });

  it("a new project's harnessSecretManager and a deleted connector's usages lag when told to", async () => {
    await open({ secrets: { managerDelayMs: 400, referenceReleaseMs: 300 } });
    const early = await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: text("tok") });
    expect([early.status, early.json.code]).toEqual([400, "SECRET_MANAGEMENT_ERROR"]);
    await new Promise((r) => setTimeout(r, 450));
    expect((await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: text("github_token") })).status).toBe(200);
    await call(e, "POST", "/ng/api/connectors", { body: github("github_token") });
    await call(e, "DELETE", "/ng/api/connectors/gh", { query: inProject });
    expect((await call(e, "DELETE", "/ng/api/v2/secrets/github_token", { query: inProject })).json.code).toBe("ENTITY_REFERENCE_EXCEPTION");
    await new Promise((r) => setTimeout(r, 350));
    expect((await call(e, "DELETE", "/ng/api/v2/secrets/github_token", { query: inProject })).status).toBe(200);
  });

  it("never writes a value to the state file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hs-secret-state-"));
    try {
      await open({ stateFile: path.join(dir, "state.json") });
      await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: text("tok") });
      await e.close();
      const state = readFileSync(path.join(dir, "state.json"), "utf8");
      expect(state).toContain('"tok"');
      expect(state).not.toContain(VALUE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("emulator: connection tests", () => {
  it("SUCCESS, FAILURE for an injected failure or a missing secret, an HTTP error without delegate", async () => {
    await open({ testConnection: { fail: ["hub"], noDelegate: ["k8s"], latencyMs: 50 } });
    await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: text("github_token") });
    await call(e, "POST", "/ng/api/connectors", { body: github("github_token") });
    const ok = await call(e, "POST", "/ng/api/connectors/testConnection/gh", { query: inProject, body: {} });
    expect(ok.status).toBe(200);
    expect(ok.json.data).toMatchObject({ status: "SUCCESS", errors: [], errorSummary: null });
    expect(typeof ok.json.data.testedAt).toBe("number");
    expect((await call(e, "GET", "/ng/api/connectors/gh", { query: inProject })).json.data.status.status).toBe("SUCCESS");
    const docker = { connector: { identifier: "hub", name: "hub", type: "DockerRegistry", ...inProject, spec: { dockerRegistryUrl: "https://index.docker.io/v2/", providerType: "DockerHub", auth: { type: "Anonymous" } } } };
    await call(e, "POST", "/ng/api/connectors", { body: docker });
    const failed = await call(e, "POST", "/ng/api/connectors/testConnection/hub", { query: inProject });
    expect(failed.json.data).toMatchObject({ status: "FAILURE", errorSummary: "Error Encountered (Invalid credentials)" });
    await call(e, "POST", "/ng/api/connectors", { body: { connector: { ...docker.connector, identifier: "k8s", name: "k8s" } } });
    const noDelegate = await call(e, "POST", "/ng/api/connectors/testConnection/k8s", { query: inProject });
    expect([noDelegate.status, noDelegate.json.code]).toEqual([400, "DELEGATE_NOT_AVAILABLE"]);
    const missing = await call(e, "POST", "/ng/api/connectors/testConnection/none", { query: inProject });
    expect([missing.status, missing.json.code]).toEqual([400, "CONNECTOR_NOT_FOUND_EXCEPTION"]);
  });
});
