/** Triggers and input sets: Harness's envelopes, codes and wording; webhook registration; cascade on pipeline delete. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createProject, cronTriggerYaml, inProject, pipelineYaml, start } from "./helpers.js";
import type { RunningEmulator } from "./helpers.js";

const githubConnector = (identifier: string, apiAccess: boolean) => ({
  connector: {
    identifier, name: identifier, type: "Github", ...inProject,
    spec: {
      url: "https://github.com/acme/payments-api", type: "Repo",
      authentication: { type: "Http", spec: { type: "UsernameToken", spec: { username: "acme", tokenRef: "github_token" } } },
      ...(apiAccess ? { apiAccess: { type: "Token", spec: { tokenRef: "github_token" } } } : {}),
    },
  },
});

const pushTrigger = (id: string, pipeline: string, connector = "github", extra = "") => `trigger:
  name: ${id}
  identifier: ${id}
  orgIdentifier: default
  projectIdentifier: apisample
  pipelineIdentifier: ${pipeline}
${extra}  source:
    type: Webhook
    spec:
      type: Github
      spec:
        type: Push
        spec:
          connectorRef: ${connector}
          payloadConditions:
            - key: targetBranch
              operator: Equals
              value: main
`;


const inputSet = (id: string, pipeline: string, body = "    variables:\n      - name: tag\n        type: String\n        value: v1\n") =>
  `inputSet:\n  name: ${id}\n  identifier: ${id}\n  orgIdentifier: default\n  projectIdentifier: apisample\n  pipeline:\n    identifier: ${pipeline}\n${body}`;

const asYaml = { contentType: "application/yaml" };
// The connectors' token: Harness refuses a connector whose secret does not exist.
const tokenSecret = {
  secret: { type: "SecretText", identifier: "github_token", name: "github_token", ...inProject, tags: {}, spec: { secretManagerIdentifier: "harnessSecretManager", valueType: "Inline", value: "not-a-real-token" } },
};
const trig = (pipeline: string) => ({ ...inProject, targetIdentifier: pipeline });
const sets = (pipeline: string) => ({ ...inProject, pipelineIdentifier: pipeline });

describe("triggers and input sets", () => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await start();
    await createProject(e);
    for (const id of ["build", "deploy"]) {
      const created = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body: pipelineYaml(id, "  variables:\n    - name: tag\n      type: String\n      value: <+input>\n"), ...asYaml });
      expect(created.status, created.text).toBe(200);
    }
    expect((await call(e, "POST", "/ng/api/v2/secrets", { query: inProject, body: tokenSecret })).status).toBe(200);
    expect((await call(e, "POST", "/ng/api/connectors", { body: githubConnector("github", true) })).status).toBe(200);
    expect((await call(e, "POST", "/ng/api/connectors", { body: githubConnector("github_noapi", false) })).status).toBe(200);
  });
  afterAll(() => e.close());

  it("creates a push trigger (YAML or JSON content type), reads it back with its webhook registered", async () => {
    const created = await call(e, "POST", "/pipeline/api/triggers", { query: trig("build"), body: pushTrigger("on_push", "build"), ...asYaml });
    expect(created.status, created.text).toBe(200);
    expect(created.json.data).toMatchObject({ identifier: "on_push", type: "Webhook", targetIdentifier: "build", enabled: true, errorResponse: false });
    expect(created.json.data.webhookUrl).toBe(`${e.url}/gateway/ng/api/webhook?accountIdentifier=${e.account}`);
    expect(created.json.data.yaml).toBe(pushTrigger("on_push", "build"));
    // Terraform sends the same raw YAML as application/json.
    const asJson = await call(e, "POST", "/gateway/pipeline/api/triggers", { query: trig("build"), body: pushTrigger("on_push2", "build"), contentType: "application/json" });
    expect(asJson.status, asJson.text).toBe(200);
    const details = await call(e, "GET", "/pipeline/api/triggers/on_push/details", { query: trig("build") });
    expect(details.json.data.triggerStatus.webhookAutoRegistrationStatus).toEqual({ registrationResult: "SUCCESS", detailedMessage: null });
    expect(details.json.data).toMatchObject({ webhookDetails: { webhookSourceRepo: "GITHUB" }, yaml: pushTrigger("on_push", "build") });
    const list = await call(e, "GET", "/pipeline/api/triggers", { query: trig("build") });
    expect(list.json.data.content.map((t: { identifier: string }) => t.identifier)).toEqual(["on_push2", "on_push"]);
  });

  it("saves a trigger whose connector has no API access or does not exist, reporting it only in the status", async () => {
    const noApi = await call(e, "POST", "/pipeline/api/triggers", { query: trig("build"), body: pushTrigger("no_api", "build", "github_noapi"), ...asYaml });
    expect(noApi.status, noApi.text).toBe(200);
    const failed = await call(e, "GET", "/pipeline/api/triggers/no_api/details", { query: trig("build") });
    expect(failed.json.data.triggerStatus.webhookAutoRegistrationStatus.registrationResult).toBe("FAILED");
    expect(failed.json.data.triggerStatus.webhookAutoRegistrationStatus.detailedMessage).toMatch(/no API access.*repo and admin:repo_hook/);
    await call(e, "POST", "/pipeline/api/triggers", { query: trig("build"), body: pushTrigger("no_conn", "build", "nowhere"), ...asYaml });
    const error = await call(e, "GET", "/pipeline/api/triggers/no_conn/details", { query: trig("build") });
    expect(error.json.data.triggerStatus.webhookAutoRegistrationStatus).toEqual({
      registrationResult: "ERROR",
      detailedMessage: `Failed to fetch connector details: No connector exists with the identifier nowhere in account ${e.account}, organisation default, project apisample`,
    });
  });

  it("answers save errors as Harness does: one 400 INVALID_REQUEST wrapping the cause", async () => {
    const dup = await call(e, "POST", "/pipeline/api/triggers", { query: trig("build"), body: pushTrigger("on_push", "build"), ...asYaml });
    expect(dup.status).toBe(400);
    expect(dup.json).toMatchObject({ status: "ERROR", code: "INVALID_REQUEST", message: "Failed while Saving Trigger: Trigger [on_push] already exists or is soft deleted" });
    const noPipeline = await call(e, "POST", "/pipeline/api/triggers", { query: trig("ghost"), body: pushTrigger("t", "ghost"), ...asYaml });
    expect(noPipeline.json.message).toBe("Failed while Saving Trigger: Pipeline with the given ID: ghost does not exist or has been deleted.");
    const everyMinute = await call(e, "POST", "/pipeline/api/triggers", { query: trig("build"), body: cronTriggerYaml("often", "* * * * *"), ...asYaml });
    expect(everyMinute.json).toMatchObject({ code: "INVALID_REQUEST", message: "Failed while Saving Trigger: Cron interval must be greater than or equal to 5 minutes" });
    const badZone = await call(e, "POST", "/pipeline/api/triggers", { query: trig("build"), body: cronTriggerYaml("zone", "0 1 * * MON", "Mars/Base"), ...asYaml });
    expect(badZone.json.message).toBe("Failed while Saving Trigger: Unknown time-zone ID: Mars/Base");
    const noRoot = await call(e, "POST", "/pipeline/api/triggers", { query: trig("build"), body: "name: x\n", ...asYaml });
    expect(noRoot.json.message).toMatch(/^Failed while Saving Trigger: .*trigger:/);
    const broken = await call(e, "POST", "/pipeline/api/triggers", { query: trig("build"), body: "trigger: [\n", ...asYaml });
    expect(broken.json).toMatchObject({ code: "INVALID_REQUEST", message: expect.stringMatching(/^Failed while Saving Trigger: /) });
    const badId = await call(e, "POST", "/pipeline/api/triggers", { query: trig("build"), body: pushTrigger("9bad", "build"), ...asYaml });
    expect(badId.json.message).toMatch(/^Failed while Saving Trigger: Trigger identifier must start with a letter or underscore/);
    const noTarget = await call(e, "POST", "/pipeline/api/triggers", { query: inProject, body: pushTrigger("t2", "build"), ...asYaml });
    expect(noTarget.json).toMatchObject({ status: "FAILURE", code: "INVALID_REQUEST", errors: [{ fieldId: "targetIdentifier", error: "must not be null" }] });
    expect((await call(e, "POST", "/pipeline/api/triggers", { query: trig("build"), body: cronTriggerYaml("weekly", "0 1 * * MON"), ...asYaml })).status).toBe(200);
  });

  it("GET and PUT of a missing trigger are 404; DELETE of one is true; PUT checks the identifier", async () => {
    const get = await call(e, "GET", "/pipeline/api/triggers/nope", { query: trig("build") });
    expect(get.status).toBe(404);
    expect(get.json).toMatchObject({ code: "ENTITY_NOT_FOUND", message: "Trigger nope does not exist" });
    const put = await call(e, "PUT", "/pipeline/api/triggers/nope", { query: trig("build"), body: pushTrigger("nope", "build"), ...asYaml });
    expect(put.status).toBe(404);
    const del = await call(e, "DELETE", "/pipeline/api/triggers/nope", { query: trig("build") });
    expect(del.status).toBe(200);
    expect(del.json.data).toBe(true);
    const mismatch = await call(e, "PUT", "/pipeline/api/triggers/on_push", { query: trig("build"), body: pushTrigger("on_push2", "build"), ...asYaml });
    expect(mismatch.json.message).toBe("Failed while updating Trigger: Identifier in url and yaml do not match");
    const changed = pushTrigger("on_push", "build", "github", "  description: changed\n");
    const updated = await call(e, "PUT", "/pipeline/api/triggers/on_push", { query: trig("build"), body: changed, ...asYaml });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.json.data).toMatchObject({ description: "changed", yaml: changed });
  });

  it("saves what Harness does not check on save: no branch condition, another pipeline's input set, non-input fields", async () => {
    const anyBranch = pushTrigger("any_branch", "build").replace(/ {10}payloadConditions:\n(.*\n){3}/, "");
    expect(anyBranch).not.toContain("targetBranch");
    expect((await call(e, "POST", "/pipeline/api/triggers", { query: trig("build"), body: anyBranch, ...asYaml })).status).toBe(200);
    const refs = pushTrigger("refs", "build", "github", "  inputSetRefs:\n    - dev_of_deploy\n  inputYaml: |\n    pipeline:\n      identifier: build\n      timeout: 1h\n");
    const saved = await call(e, "POST", "/pipeline/api/triggers", { query: trig("build"), body: refs, ...asYaml });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.data.yaml).toBe(refs);
  });

  it("stores a trigger under its YAML pipeline even when targetIdentifier names another", async () => {
    const split = await call(e, "POST", "/pipeline/api/triggers", { query: trig("build"), body: pushTrigger("split", "deploy"), ...asYaml });
    expect(split.json.data.targetIdentifier).toBe("deploy");
    expect((await call(e, "GET", "/pipeline/api/triggers/split", { query: trig("build") })).status).toBe(404);
    expect((await call(e, "GET", "/pipeline/api/triggers/split", { query: trig("deploy") })).status).toBe(200);
  });

  it("input sets: create, read, update, overlays, and Harness's errors", async () => {
    const created = await call(e, "POST", "/pipeline/api/inputSets", { query: sets("deploy"), body: inputSet("dev", "deploy"), ...asYaml });
    expect(created.status, created.text).toBe(200);
    expect(created.json.data).toMatchObject({ identifier: "dev", pipelineIdentifier: "deploy", accountId: e.account, inputSetYaml: inputSet("dev", "deploy"), outdated: false });
    const dup = await call(e, "POST", "/pipeline/api/inputSets", { query: sets("deploy"), body: inputSet("dev", "deploy"), ...asYaml });
    expect(dup.json).toMatchObject({ code: "DUPLICATE_FIELD", message: "Input set [dev] under Project[apisample], Organization [default] for Pipeline [deploy] already exists" });
    const wrong = await call(e, "POST", "/pipeline/api/inputSets", { query: sets("deploy"), body: inputSet("x", "build"), ...asYaml });
    expect(wrong.json).toMatchObject({ code: "INVALID_REQUEST", message: "Pipeline identifier in input set does not match" });
    const ghost = await call(e, "POST", "/pipeline/api/inputSets", { query: sets("ghost"), body: inputSet("x", "ghost"), ...asYaml });
    expect(ghost.json.message).toBe("Pipeline [ghost] under Project[apisample], Organization [default] doesn't exist or has been deleted.");
    const badId = await call(e, "POST", "/pipeline/api/inputSets", { query: sets("deploy"), body: inputSet("a-b", "deploy"), ...asYaml });
    expect(badId.json.message).toBe("InputSet Identifier cannot contain special characters or spaces: [a-b]");
    // Like Harness today: a value on a field that is not a runtime input is saved.
    const extra = await call(e, "POST", "/pipeline/api/inputSets", { query: sets("deploy"), body: inputSet("extra", "deploy", "    description: not an input\n"), ...asYaml });
    expect(extra.status).toBe(200);
    const overlay = "overlayInputSet:\n  name: both\n  identifier: both\n  orgIdentifier: default\n  projectIdentifier: apisample\n  pipelineIdentifier: deploy\n  inputSetReferences:\n    - dev\n    - extra\n";
    const o = await call(e, "POST", "/pipeline/api/inputSets/overlay", { query: sets("deploy"), body: overlay, ...asYaml });
    expect(o.status, o.text).toBe(200);
    expect((await call(e, "GET", "/pipeline/api/inputSets/overlay/both", { query: sets("deploy") })).json.data).toMatchObject({ overlayInputSetYaml: overlay, inputSetReferences: ["dev", "extra"] });
    const list = await call(e, "GET", "/pipeline/api/inputSets", { query: { ...sets("deploy"), inputSetType: "OVERLAY_INPUT_SET" } });
    expect(list.json.data.content.map((s: { identifier: string }) => s.identifier)).toEqual(["both"]);
    const missing = await call(e, "GET", "/pipeline/api/inputSets/nope", { query: sets("deploy") });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: "ENTITY_NOT_FOUND", message: "InputSet with the given ID: nope does not exist or has been deleted" });
    const delMissing = await call(e, "DELETE", "/pipeline/api/inputSets/nope", { query: sets("deploy") });
    expect(delMissing.json).toMatchObject({ code: "INVALID_REQUEST", message: "InputSet [nope] for Pipeline [deploy] under Project[apisample], Organization [default] could not be deleted." });
    const mismatch = await call(e, "PUT", "/pipeline/api/inputSets/dev", { query: sets("deploy"), body: inputSet("prod", "deploy"), ...asYaml });
    expect(mismatch.json.message).toBe("Input Set Identifier : dev in input set request doesn't match with identifier : prod given in yaml");
  });

  it("deleting a pipeline deletes its input sets and triggers", async () => {
    await call(e, "POST", "/pipeline/api/inputSets", { query: sets("build"), body: inputSet("main", "build"), ...asYaml });
    expect((await call(e, "DELETE", "/pipeline/api/pipelines/build", { query: inProject })).json.data).toBe(true);
    expect((await call(e, "GET", "/pipeline/api/triggers/on_push", { query: trig("build") })).status).toBe(404);
    expect((await call(e, "GET", "/pipeline/api/inputSets/main", { query: sets("build") })).status).toBe(404);
    expect((await call(e, "GET", "/pipeline/api/inputSets/dev", { query: sets("deploy") })).status).toBe(200);
  });

  it("--state keeps triggers and input sets; missingInputSetStatus 400 answers as older builds", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hs-trig-"));
    try {
      const stateFile = path.join(dir, "state.json");
      const first = await start({ stateFile });
      await createProject(first);
      await call(first, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body: pipelineYaml("p"), ...asYaml });
      await call(first, "POST", "/pipeline/api/triggers", { query: trig("p"), body: cronTriggerYaml("weekly", "0 1 * * MON").replace("build", "p"), ...asYaml });
      await call(first, "POST", "/pipeline/api/inputSets", { query: sets("p"), body: inputSet("s", "p"), ...asYaml });
      await first.close();
      const second = await start({ stateFile, account: first.account, token: first.token, missingInputSetStatus: 400 });
      expect((await call(second, "GET", "/pipeline/api/triggers/weekly", { query: trig("p") })).json.data.type).toBe("Scheduled");
      expect((await call(second, "GET", "/pipeline/api/inputSets/s", { query: sets("p") })).status).toBe(200);
      const missing = await call(second, "GET", "/pipeline/api/inputSets/nope", { query: sets("p") });
      expect(missing.status).toBe(400);
      expect(missing.json.code).toBe("INVALID_REQUEST");
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("webhook registration without the connector's token secret", () => {
  it("saves the trigger and reports FAILED when the token secret is gone (a state file without it)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "emulator-trigger-token-"));
    const stateFile = path.join(dir, "state.json");
    try {
      const first = await start({ stateFile });
      await createProject(first);
      await call(first, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body: pipelineYaml("build"), ...asYaml });
      expect((await call(first, "POST", "/ng/api/v2/secrets", { query: inProject, body: tokenSecret })).status).toBe(200);
      expect((await call(first, "POST", "/ng/api/connectors", { body: githubConnector("github", true) })).status).toBe(200);
      await first.close();
      // The secret leaves the state file behind the connector's back (Harness refuses deleting it while referenced).
      const state = JSON.parse(await readFile(stateFile, "utf8")) as { records: { kind: string }[] };
      await writeFile(stateFile, JSON.stringify({ ...state, records: state.records.filter((r) => r.kind !== "secret") }));
      const second = await start({ stateFile, account: first.account, token: first.token });
      try {
        const saved = await call(second, "POST", "/pipeline/api/triggers", { query: trig("build"), body: pushTrigger("on_push", "build"), ...asYaml });
        expect(saved.status, saved.text).toBe(200);
        const details = await call(second, "GET", "/pipeline/api/triggers/on_push/details", { query: trig("build") });
        expect(details.json.data.triggerStatus.webhookAutoRegistrationStatus).toEqual({
          registrationResult: "FAILED",
          detailedMessage: "Failed to register webhook: the API access token secret [github_token] of connector [github] does not exist",
        });
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
