/** Every failure the emulator reproduces, with Harness's status, envelope, code and message. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quickstartPipelineYaml } from "../helpers/quickstart.js";
import { call, createProject, inProject, pipelineYaml, start } from "./helpers.js";
import type { RunningEmulator } from "./helpers.js";

const dockerhub = (identifier: string, name = identifier) => ({
  connector: { identifier, name, type: "DockerRegistry", ...inProject, spec: { dockerRegistryUrl: "https://index.docker.io/v2/", providerType: "DockerHub", auth: { type: "Anonymous" } } },
});

describe("status codes and error bodies", () => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await start({ maxBodyBytes: 10_000 });
    await createProject(e);
  });
  afterAll(() => e.close());

  it("401 INVALID_TOKEN without an x-api-key, or with a wrong one", async () => {
    for (const apiKey of [null, `pat.${e.account}.0000.wrong`]) {
      const answer = await call(e, "GET", "/ng/api/projects/apisample", { apiKey });
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ status: "ERROR", code: "INVALID_TOKEN" });
      expect(answer.json.responseMessages[0]).toMatchObject({ code: "INVALID_TOKEN", level: "ERROR" });
    }
  });

  it("403 NG_ACCESS_DENIED when the key is used with another accountIdentifier", async () => {
    const answer = await call(e, "GET", "/ng/api/projects/apisample", { query: { accountIdentifier: "someoneElse" } });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ status: "ERROR", code: "NG_ACCESS_DENIED" });
  });

  it("404 for unknown routes, 405 (with Allow) for a known path with another method", async () => {
    expect((await call(e, "GET", "/ng/api/nothing-here")).status).toBe(404);
    const wrong = await call(e, "PATCH", "/ng/api/projects/apisample");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("GET, PUT, DELETE");
  });

  it("415 for a body in another content type, or none", async () => {
    const form = await call(e, "POST", "/ng/api/projects", { body: "project=x", contentType: "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    expect(form.json.code).toBe("MEDIA_NOT_SUPPORTED");
    expect((await call(e, "POST", "/ng/api/projects", { body: "{}", contentType: null })).status).toBe(415);
  });

  it("413 for a body over the limit", async () => {
    const big = { project: { identifier: "big", name: "big", description: "x".repeat(20_000) } };
    const answer = await call(e, "POST", "/ng/api/projects", { body: big });
    expect(answer.status).toBe(413);
    expect(answer.json.message).toContain("10000 bytes");
  });

  it("400 for malformed JSON and YAML, saying where", async () => {
    const json = await call(e, "POST", "/ng/api/projects", { body: '{"project": {"identifier": "a",\n  "name" "A"}}' });
    expect(json.status).toBe(400);
    expect(json.json.message).toMatch(/line 2, column 10/);
    const yaml = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body: "pipeline:\n  name: [x\n  identifier: y\n", contentType: "application/yaml" });
    expect(yaml.status).toBe(400);
    expect(yaml.json.code).toBe("INVALID_YAML_ERROR");
    expect(yaml.json.message).toMatch(/line \d+, column \d+/);
  });

  it("400 FailureDTO with fieldId/error for bad fields", async () => {
    const answer = await call(e, "POST", "/ng/api/projects", { body: { project: { identifier: "9lives", name: "", orgIdentifier: "default" } } });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ status: "FAILURE", code: "INVALID_REQUEST" });
    expect(answer.json.errors).toEqual([
      { fieldId: "identifier", error: expect.stringContaining("not start with a number") },
      { fieldId: "name", error: "cannot be empty" },
    ]);
    const reserved = await call(e, "POST", "/ng/api/projects", { body: { project: { identifier: "step", name: "step" } } });
    expect(reserved.json.errors).toEqual([{ fieldId: "identifier", error: "step is a keyword, so cannot be used" }]);
    const noInfraYaml = await call(e, "POST", "/ng/api/infrastructures", { body: { identifier: "i", name: "i", environmentRef: "dev", ...inProject } });
    expect(noInfraYaml.json.errors).toEqual([{ fieldId: "yaml", error: "must not be empty" }]);
  });

  it("400 for what harness-scaffold validate refuses: FailureDTO for JSON, SCHEMA_VALIDATION_FAILED with line for YAML", async () => {
    const project = await call(e, "POST", "/ng/api/projects", { body: { project: { identifier: "with$dollar", name: "p" } } });
    expect(project.status).toBe(400);
    expect(project.json).toMatchObject({ status: "FAILURE", errors: [{ fieldId: "identifier", error: expect.stringContaining("with$dollar") }] });
    const empty = "pipeline:\n  name: empty\n  identifier: empty\n  stages: []\n";
    const pipeline = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body: empty, contentType: "application/yaml" });
    expect(pipeline.status).toBe(400);
    expect(pipeline.json.code).toBe("SCHEMA_VALIDATION_FAILED");
    expect(pipeline.json.message).toMatch(/stages.*line 4, column \d+/);
  });

  it("400 INVALID_YAML_ERROR for a YAML alias bomb, as a pipeline body and as a service's yaml field", async () => {
    const levels = "abcdefghi";
    const lines = ["  a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < levels.length; i++) lines.push(`  ${levels[i]}: &${levels[i]} [${Array(9).fill(`*${levels[i - 1]}`).join(", ")}]`);
    const bomb = lines.join("\n");
    const pipeline = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body: `pipeline:\n${bomb}\n`, contentType: "application/yaml" });
    expect(pipeline.status, pipeline.text).toBe(400);
    expect(pipeline.json).toMatchObject({ status: "ERROR", code: "INVALID_YAML_ERROR" });
    expect(pipeline.json.message).toMatch(/^Invalid yaml at line 3, column 10: its aliases \(\*name\) expand to too much data/);
    const service = await call(e, "POST", "/ng/api/servicesV2", { body: { identifier: "bomb", name: "bomb", ...inProject, yaml: `service:\n${bomb}\n` } });
    expect(service.status, service.text).toBe(400);
    expect(service.json.message).toContain("expand to too much data");
  });

  it("400 SCHEMA_VALIDATION_FAILED for a reference that can never be an identifier, naming the character", async () => {
    const body = quickstartPipelineYaml().replace("environmentRef: <+input>", "environmentRef: dev-env");
    const line = body.split("\n").findIndex((l) => l.includes("dev-env")) + 1;
    const answer = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body, contentType: "application/yaml" });
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe("SCHEMA_VALIDATION_FAILED");
    expect(answer.json.message).toContain(`environmentRef "dev-env" can never name a Harness environment: "-" is not allowed in an identifier`);
    expect(answer.json.message).toContain(`(line ${line}, column`);
  });

  it("400 DUPLICATE_FIELD with Harness's message templates", async () => {
    const project = await call(e, "POST", "/ng/api/projects", { body: { project: { identifier: "apisample", name: "again" } } });
    expect(project.status).toBe(400);
    expect(project.json).toMatchObject({ code: "DUPLICATE_FIELD", message: "A project with identifier apisample and orgIdentifier default is already present or was deleted" });
    expect((await call(e, "POST", "/ng/api/connectors", { body: dockerhub("hub") })).status).toBe(200);
    const connector = await call(e, "POST", "/ng/api/connectors", { body: dockerhub("hub") });
    expect(connector.json).toMatchObject({ code: "DUPLICATE_FIELD", message: "Connector [hub] already exists" });
    const body = pipelineYaml("dup");
    expect((await call(e, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body, contentType: "application/yaml" })).status).toBe(200);
    const pipeline = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body, contentType: "application/yaml" });
    expect(pipeline.status).toBe(400);
    expect(pipeline.json.message).toBe("Pipeline [dup] under Project[apisample], Organization [default] already exists or has been deleted.");
  });

  it("409 for duplicates when started with duplicateStatus 409", async () => {
    const strict = await start({ duplicateStatus: 409 });
    try {
      const body = { project: { identifier: "twice", name: "twice" } };
      expect((await call(strict, "POST", "/ng/api/projects", { body })).status).toBe(200);
      const again = await call(strict, "POST", "/ng/api/projects", { body });
      expect(again.status).toBe(409);
      expect(again.json.code).toBe("DUPLICATE_FIELD");
    } finally {
      await strict.close();
    }
  });

  it("the unconfirmed answers can be switched: 401 for another account, 404 for a missing connector", async () => {
    const other = await start({ accountMismatchStatus: 401, missingConnectorStatus: 404 });
    try {
      const denied = await call(other, "GET", "/ng/api/organizations/default", { query: { accountIdentifier: "someoneElse" } });
      expect([denied.status, denied.json.code]).toEqual([401, "INVALID_TOKEN"]);
      const missing = await call(other, "GET", "/ng/api/connectors/ghost");
      expect([missing.status, missing.json.code]).toEqual([404, "RESOURCE_NOT_FOUND"]);
      expect(missing.json.message).toBe(`No connector exists with the identifier ghost in account ${other.account}`);
    } finally {
      await other.close();
    }
  });

  it("404 for a missing project, 404 ENTITY_NOT_FOUND for a missing pipeline", async () => {
    const project = await call(e, "GET", "/ng/api/projects/nope");
    expect(project.status).toBe(404);
    expect(project.json.message).toBe("Project with orgIdentifier [default] and identifier [nope] not found");
    const pipeline = await call(e, "GET", "/pipeline/api/pipelines/nope", { query: inProject });
    expect(pipeline.status).toBe(404);
    expect(pipeline.json).toMatchObject({ code: "ENTITY_NOT_FOUND", message: "Pipeline with the given ID: nope does not exist or has been deleted." });
  });

  it("400 INVALID_REQUEST 'No connector exists…' for a missing connector (get and update)", async () => {
    const get = await call(e, "GET", "/ng/api/connectors/ghost", { query: inProject });
    expect(get.status).toBe(400);
    expect(get.json.message).toBe(`No connector exists with the identifier ghost in account ${e.account}, organisation default, project apisample`);
    const put = await call(e, "PUT", "/ng/api/connectors", { body: dockerhub("ghost") });
    expect(put.json.message).toBe(get.json.message);
  });

  it("404 when the parent project or organization does not exist", async () => {
    const connector = await call(e, "POST", "/ng/api/connectors", { body: { connector: { ...dockerhub("c").connector, projectIdentifier: "missing" } } });
    expect(connector.status).toBe(404);
    expect(connector.json.message).toBe("Project with orgIdentifier [default] and identifier [missing] not found");
    const project = await call(e, "POST", "/ng/api/projects", { query: { orgIdentifier: "noorg" }, body: { project: { identifier: "p", name: "p" } } });
    expect(project.status).toBe(404);
    expect(project.json.message).toBe("Organization with identifier [noorg] not found");
    const pipeline = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: { ...inProject, projectIdentifier: "missing" }, body: pipelineYaml("p"), contentType: "application/yaml" });
    expect(pipeline.status).toBe(404);
  });

  it("DELETE answers data: true, then the entity is gone", async () => {
    await call(e, "POST", "/ng/api/connectors", { body: dockerhub("temp") });
    const deleted = await call(e, "DELETE", "/ng/api/connectors/temp", { query: inProject });
    expect(deleted.json).toMatchObject({ status: "SUCCESS", data: true });
    expect((await call(e, "GET", "/ng/api/connectors/temp", { query: inProject })).status).toBe(400);
    const pipeline = await call(e, "DELETE", "/pipeline/api/pipelines/never", { query: inProject });
    expect(pipeline.status).toBe(400);
    expect(pipeline.json.message).toBe("Pipeline [never] under Project[apisample], Organization [default] does not exist.");
  });
});
