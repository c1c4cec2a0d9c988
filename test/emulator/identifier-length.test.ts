/**
 * `identifierMaxLength` (`--identifier-max-length`): current Harness code takes identifiers of up
 * to 128 characters, older code capped them at 64 (UNCONFIRMED which one an account gets). Each
 * kind of check refuses an identifier over the limit the way it refuses one over 128.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/cli.js";
import { call, createProject, cronTriggerYaml, inProject, pipelineYaml, start } from "./helpers.js";
import type { RunningEmulator } from "./helpers.js";

const asYaml = { contentType: "application/yaml" };
const id = (length: number) => `i${"d".repeat(length - 1)}`;
const WITH_INPUT = "  variables:\n    - name: tag\n      type: String\n      value: <+input>\n";


const inputSet = (identifier: string) =>
  `inputSet:\n  name: tags\n  identifier: ${identifier}\n  orgIdentifier: default\n  projectIdentifier: apisample\n  pipeline:\n    identifier: build\n    variables:\n      - name: tag\n        type: String\n        value: v1\n`;

const project = (e: RunningEmulator, identifier: string) => call(e, "POST", "/ng/api/projects", { body: { project: { identifier, name: "long", orgIdentifier: "default" } } });
const pipeline = (e: RunningEmulator, identifier: string) => call(e, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body: pipelineYaml(identifier), ...asYaml });

describe("identifierMaxLength 64", () => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await start({ identifierMaxLength: 64 });
    await createProject(e);
    expect((await call(e, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body: pipelineYaml("build", WITH_INPUT), ...asYaml })).status).toBe(200);
  });
  afterAll(() => e.close());

  it("a request field (project): 65 characters is a FailureDTO saying 64, 64 characters is created", async () => {
    const long = await project(e, id(65));
    expect([long.status, long.json.code]).toEqual([400, "INVALID_REQUEST"]);
    expect(long.json.errors).toEqual([
      { fieldId: "identifier", error: "can be 64 characters long and can only contain alphanumeric, underscore and $ characters, and not start with a number or $" },
    ]);
    expect((await project(e, id(64))).status).toBe(200);
  });

  it("a flat request (service): the same FailureDTO without $", async () => {
    const long = await call(e, "POST", "/ng/api/servicesV2", { body: { identifier: id(65), name: "svc", ...inProject } });
    expect(long.status).toBe(400);
    expect(long.json.errors).toEqual([{ fieldId: "identifier", error: "can be 64 characters long and can only contain alphanumeric and underscore characters, and not start with a number" }]);
    expect((await call(e, "POST", "/ng/api/servicesV2", { body: { identifier: id(64), name: "svc", ...inProject } })).status).toBe(200);
  });

  it("a pipeline's YAML: SCHEMA_VALIDATION_FAILED with the 64-character pattern", async () => {
    const long = await pipeline(e, id(65));
    expect([long.status, long.json.code]).toEqual([400, "SCHEMA_VALIDATION_FAILED"]);
    expect(long.json.message).toBe("$.pipeline.identifier: does not match ^[a-zA-Z_][0-9a-zA-Z_]{0,63}$");
    expect((await pipeline(e, id(64))).status).toBe(200);
  });

  it("a trigger: Harness's wrapped identifier message", async () => {
    const long = await call(e, "POST", "/pipeline/api/triggers", { query: { ...inProject, targetIdentifier: "build" }, body: cronTriggerYaml(id(65)), ...asYaml });
    expect([long.status, long.json.code]).toEqual([400, "INVALID_REQUEST"]);
    expect(long.json.message).toBe("Failed while Saving Trigger: Trigger identifier must start with a letter or underscore and can contain only letters, digits and underscores");
    const ok = await call(e, "POST", "/pipeline/api/triggers", { query: { ...inProject, targetIdentifier: "build" }, body: cronTriggerYaml(id(64)), ...asYaml });
    expect(ok.status, ok.text).toBe(200);
  });

  it("an input set: the input-set service's length message with 64", async () => {
    const query = { ...inProject, pipelineIdentifier: "build" };
    const long = await call(e, "POST", "/pipeline/api/inputSets", { query, body: inputSet(id(65)), ...asYaml });
    expect([long.status, long.json.code]).toEqual([400, "INVALID_REQUEST"]);
    expect(long.json.message).toBe("Input Set identifier length cannot be more that 64 characters.");
    const ok = await call(e, "POST", "/pipeline/api/inputSets", { query, body: inputSet(id(64)), ...asYaml });
    expect(ok.status, ok.text).toBe(200);
  });
});

describe("identifierMaxLength default (128)", () => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await start();
    await createProject(e);
  });
  afterAll(() => e.close());

  it("accepts a 100-character project and pipeline identifier; 129 characters still says 128", async () => {
    expect((await project(e, id(100))).status).toBe(200);
    const created = await pipeline(e, id(100));
    expect(created.status, created.text).toBe(200);
    const long = await project(e, id(129));
    expect(long.json.errors?.[0]?.error).toMatch(/^can be 128 characters long/);
  });
});

describe("--identifier-max-length", () => {
  it.each(["100", "sixty-four"])("refuses %s with exit 2 and one line", async (value) => {
    const r = await runInProcess(["emulator", "--port", "0", "--identifier-max-length", value]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toEqual([`harness-scaffold: error: --identifier-max-length "${value}" must be 64 or 128`]);
  });

  it("an out-of-range library option is a usage error too", async () => {
    await expect(start({ identifierMaxLength: 100 as 64 })).rejects.toMatchObject({ code: "E_USAGE", message: "identifierMaxLength 100 must be 64 or 128" });
  });
});
