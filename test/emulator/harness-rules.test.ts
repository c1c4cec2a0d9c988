/**
 * Rules Harness's server applies that its editor schemas do not, reproduced by the emulator:
 * 64-character names on request fields, the reserved identifiers Harness's docs add, a template
 * name's stricter pattern, and an account whose Git Experience default is REMOTE.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stageTemplate } from "../templates/fixtures.js";
import type { RunningEmulator } from "./helpers.js";
import { call, createProject, inProject, pipelineYaml, start } from "./helpers.js";

const yaml = { contentType: "application/yaml" };
const SHOP = { orgIdentifier: "default", projectIdentifier: "shop" };

describe("emulator: Harness's server rules", () => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await start();
    await createProject(e);
    await createProject(e, "shop");
  });
  afterAll(async () => e.close());

  it("a project, connector or secret name over 64 characters: 400 FailureDTO on name; a pipeline's 100-character name is fine", async () => {
    const long = "N".repeat(65);
    const project = await call(e, "POST", "/ng/api/projects", { body: { project: { identifier: "longname", name: long, orgIdentifier: "default" } } });
    expect(project.status).toBe(400);
    expect(project.json.errors).toEqual([{ fieldId: "name", error: "can be 64 characters long and can only contain alphanumeric, hyphen, underscore, dot and space characters" }]);
    const ok = await call(e, "POST", "/ng/api/projects", { body: { project: { identifier: "longname", name: "N".repeat(64), orgIdentifier: "default" } } });
    expect(ok.status).toBe(200);
    const connector = await call(e, "POST", "/ng/api/connectors", {
      body: { connector: { identifier: "hub", name: long, type: "DockerRegistry", ...inProject, spec: { dockerRegistryUrl: "https://index.docker.io/v2/", providerType: "DockerHub", auth: { type: "Anonymous" } } } },
    });
    expect([connector.status, connector.json.errors?.[0]?.fieldId]).toEqual([400, "name"]);
    const pipeline = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body: pipelineYaml("longpipe").replace("name: longpipe", `name: ${"P".repeat(100)}`), ...yaml });
    expect(pipeline.status, pipeline.text).toBe(200);
  });

  it("status and liteEngineTask are keywords, so cannot be identifiers", async () => {
    for (const identifier of ["status", "liteEngineTask"]) {
      const r = await call(e, "POST", "/ng/api/projects", { body: { project: { identifier, name: identifier } } });
      expect(r.json.errors).toEqual([{ fieldId: "identifier", error: `${identifier} is a keyword, so cannot be used` }]);
    }
  });

  it("a template name with a dot or a leading digit is refused although the editor schema allows it", async () => {
    for (const name of ["Deploy v1.2", "2nd stage", "-stage"]) {
      const r = await call(e, "POST", "/template/api/templates", { query: SHOP, body: stageTemplate({ identifier: "named" }).replace(/^ {2}name: .*$/m, `  name: "${name}"`), ...yaml });
      expect([r.status, r.json.errors]).toEqual([400, [{ fieldId: "name", error: "can be 128 characters long and can only contain alphanumeric, hyphen, underscore and space characters, and not start with a number or hyphen" }]]);
    }
    const fine = await call(e, "POST", "/template/api/templates", { query: SHOP, body: stageTemplate({ identifier: "named" }).replace(/^ {2}name: .*$/m, "  name: Deploy v1-2"), ...yaml });
    expect(fine.status, fine.text).toBe(200);
  });
});

describe("emulator: an account whose Git Experience default is REMOTE", () => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await start({ defaultStoreType: "REMOTE" });
    await createProject(e);
    await createProject(e, "shop");
  });
  afterAll(async () => e.close());

  it("refuses a pipeline or template create without storeType=INLINE, and saves it with", async () => {
    const bare = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body: pipelineYaml("p1"), ...yaml });
    expect([bare.status, bare.json.code]).toEqual([400, "INVALID_REQUEST"]);
    expect(bare.json.message).toContain("pass connectorRef, repoName and filePath, or storeType=INLINE");
    expect((await call(e, "GET", "/pipeline/api/pipelines/p1", { query: inProject })).status).not.toBe(200);
    const inline = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: { ...inProject, storeType: "INLINE" }, body: pipelineYaml("p1"), ...yaml });
    expect(inline.status, inline.text).toBe(200);
    const template = await call(e, "POST", "/template/api/templates", { query: SHOP, body: stageTemplate(), ...yaml });
    expect([template.status, template.json.code]).toEqual([400, "INVALID_REQUEST"]);
    const wrong = await call(e, "POST", "/template/api/templates", { query: { ...SHOP, storeType: "GIT" }, body: stageTemplate(), ...yaml });
    expect(wrong.json.message).toBe("Invalid value for storeType: GIT. Allowed values are INLINE and REMOTE");
    expect((await call(e, "POST", "/template/api/templates", { query: { ...SHOP, storeType: "INLINE" }, body: stageTemplate(), ...yaml })).status).toBe(200);
  });
});
