/**
 * `reserveDeletedIdentifiers` (`--reserve-deleted-ids`): Harness's duplicate messages for
 * organizations, projects, pipelines and triggers say "or was deleted" / "or is soft deleted", so a
 * deleted identifier may still collide (inferred). Off by default: a deleted identifier is free.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emulatorOptions } from "../../src/cli/emulator.js";
import { call, createProject, cronTriggerYaml, inProject, pipelineYaml, start } from "./helpers.js";
import type { RunningEmulator } from "./helpers.js";

const asYaml = { contentType: "application/yaml" };
const trig = { ...inProject, targetIdentifier: "build" };


const dockerhub = (identifier: string) => ({
  connector: { identifier, name: identifier, type: "DockerRegistry", ...inProject, spec: { dockerRegistryUrl: "https://index.docker.io/v2/", providerType: "DockerHub", auth: { type: "Anonymous" } } },
});

const newProject = (e: RunningEmulator, identifier: string) => call(e, "POST", "/ng/api/projects", { body: { project: { identifier, name: identifier, orgIdentifier: "default" } } });
const newPipeline = (e: RunningEmulator, identifier: string) => call(e, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body: pipelineYaml(identifier), ...asYaml });
const newTrigger = (e: RunningEmulator, identifier: string) => call(e, "POST", "/pipeline/api/triggers", { query: trig, body: cronTriggerYaml(identifier), ...asYaml });

async function setUp(e: RunningEmulator): Promise<void> {
  await createProject(e);
  expect((await newPipeline(e, "build")).status).toBe(200);
}

describe("deleted identifiers, default (not reserved)", () => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await start();
    await setUp(e);
  });
  afterAll(() => e.close());

  it("a deleted project, pipeline or trigger can be created again", async () => {
    expect((await newProject(e, "again")).status).toBe(200);
    expect((await call(e, "DELETE", "/ng/api/projects/again")).status).toBe(200);
    expect((await newProject(e, "again")).status).toBe(200);
    expect((await newPipeline(e, "again")).status).toBe(200);
    expect((await call(e, "DELETE", "/pipeline/api/pipelines/again", { query: inProject })).status).toBe(200);
    expect((await newPipeline(e, "again")).status).toBe(200);
    expect((await newTrigger(e, "again")).status).toBe(200);
    expect((await call(e, "DELETE", "/pipeline/api/triggers/again", { query: trig })).status).toBe(200);
    expect((await newTrigger(e, "again")).status).toBe(200);
  });
});

describe("deleted identifiers, reserved", () => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await start({ reserveDeletedIdentifiers: true });
    await setUp(e);
  });
  afterAll(() => e.close());

  it("a project: created again is Harness's duplicate; GET is 404 and the list leaves it out", async () => {
    expect((await newProject(e, "gone")).status).toBe(200);
    expect((await call(e, "DELETE", "/ng/api/projects/gone")).status).toBe(200);
    const again = await newProject(e, "gone");
    expect([again.status, again.json.code]).toEqual([400, "DUPLICATE_FIELD"]);
    expect(again.json.message).toBe("A project with identifier gone and orgIdentifier default is already present or was deleted");
    const get = await call(e, "GET", "/ng/api/projects/gone");
    expect([get.status, get.json.message]).toEqual([404, "Project with orgIdentifier [default] and identifier [gone] not found"]);
    const list = await call(e, "GET", "/ng/api/projects", { query: { orgIdentifier: "default" } });
    expect(list.json.data.content.map((p: { project: { identifier: string } }) => p.project.identifier)).toEqual(["apisample"]);
    expect((await newProject(e, "gone_too")).status).toBe(200);
  });

  it("a pipeline: created again is Harness's duplicate; GET is 404 ENTITY_NOT_FOUND and the list leaves it out", async () => {
    expect((await newPipeline(e, "old")).status).toBe(200);
    expect((await call(e, "DELETE", "/pipeline/api/pipelines/old", { query: inProject })).status).toBe(200);
    const again = await newPipeline(e, "old");
    expect([again.status, again.json.code]).toEqual([400, "DUPLICATE_FIELD"]);
    expect(again.json.message).toBe("Pipeline [old] under Project[apisample], Organization [default] already exists or has been deleted.");
    const get = await call(e, "GET", "/pipeline/api/pipelines/old", { query: inProject });
    expect([get.status, get.json.code]).toEqual([404, "ENTITY_NOT_FOUND"]);
    const list = await call(e, "POST", "/pipeline/api/pipelines/list", { query: inProject });
    expect(list.json.data.content.map((p: { identifier: string }) => p.identifier)).toEqual(["build"]);
    expect((await newPipeline(e, "old_v2")).status).toBe(200);
  });

  it("a trigger: created again is the trigger service's duplicate error; GET is 404", async () => {
    expect((await newTrigger(e, "nightly")).status).toBe(200);
    expect((await call(e, "DELETE", "/pipeline/api/triggers/nightly", { query: trig })).status).toBe(200);
    const again = await newTrigger(e, "nightly");
    expect([again.status, again.json.code]).toEqual([400, "INVALID_REQUEST"]);
    expect(again.json.message).toBe("Failed while Saving Trigger: Trigger [nightly] already exists or is soft deleted");
    const get = await call(e, "GET", "/pipeline/api/triggers/nightly", { query: trig });
    expect([get.status, get.json.code, get.json.message]).toEqual([404, "ENTITY_NOT_FOUND", "Trigger nightly does not exist"]);
    const list = await call(e, "GET", "/pipeline/api/triggers", { query: trig });
    expect(list.json.data.content).toEqual([]);
    expect((await newTrigger(e, "nightly_v2")).status).toBe(200);
  });

  it("connectors are not reserved (their message says nothing about deletion)", async () => {
    expect((await call(e, "POST", "/ng/api/connectors", { body: dockerhub("hub") })).status).toBe(200);
    expect((await call(e, "DELETE", "/ng/api/connectors/hub", { query: inProject })).status).toBe(200);
    expect((await call(e, "POST", "/ng/api/connectors", { body: dockerhub("hub") })).status).toBe(200);
  });

  it("answers a reserved identifier with the duplicate status it was given (409)", async () => {
    const strict = await start({ reserveDeletedIdentifiers: true, duplicateStatus: 409 });
    try {
      expect((await newProject(strict, "once")).status).toBe(200);
      expect((await call(strict, "DELETE", "/ng/api/projects/once")).status).toBe(200);
      const again = await newProject(strict, "once");
      expect([again.status, again.json.code]).toEqual([409, "DUPLICATE_FIELD"]);
    } finally {
      await strict.close();
    }
  });

  it("the CLI flag --reserve-deleted-ids turns it on", () => {
    expect(emulatorOptions({ "reserve-deleted-ids": true }, "/").reserveDeletedIdentifiers).toBe(true);
    expect(emulatorOptions({}, "/").reserveDeletedIdentifiers).toBeUndefined();
  });
});

describe("deleted identifiers with a state file", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const stateIn = () => {
    dir = mkdtempSync(path.join(tmpdir(), "emulator-reserved-"));
    return path.join(dir, "state.json");
  };

  it("reservations survive a restart, the deleted project's pipelines and triggers included", async () => {
    const stateFile = stateIn();
    const first = await start({ stateFile, reserveDeletedIdentifiers: true });
    await setUp(first);
    expect((await newTrigger(first, "nightly")).status).toBe(200);
    expect((await call(first, "DELETE", "/ng/api/projects/apisample")).status).toBe(200);
    await first.close();

    const saved = JSON.parse(readFileSync(stateFile, "utf8")) as { reserved: { kind: string; identifier: string; parent: string | null }[] };
    expect(saved.reserved.map((r) => [r.kind, r.identifier, r.parent])).toEqual(
      expect.arrayContaining([["project", "apisample", null], ["pipeline", "build", null], ["trigger", "nightly", "build"]]),
    );
    const second = await start({ stateFile, reserveDeletedIdentifiers: true, account: first.account, token: first.token });
    try {
      const again = await newProject(second, "apisample");
      expect([again.status, again.json.message]).toEqual([400, "A project with identifier apisample and orgIdentifier default is already present or was deleted"]);
      expect((await call(second, "GET", "/ng/api/projects/apisample")).status).toBe(404);
    } finally {
      await second.close();
    }
  });

  it("an organization reservation in the state file refuses the create (the emulator has no org DELETE)", async () => {
    const stateFile = stateIn();
    const account = "acct_reserved_org";
    const reserved = [{ kind: "organization", account, org: null, project: null, parent: null, identifier: "retired" }];
    writeFileSync(stateFile, JSON.stringify({ format: "harness-scaffold-emulator-state", version: 1, records: [], reserved }));
    const e = await start({ stateFile, account, reserveDeletedIdentifiers: true });
    try {
      const org = await call(e, "POST", "/ng/api/organizations", { body: { organization: { identifier: "retired", name: "retired" } } });
      expect([org.status, org.json.code, org.json.message]).toEqual([400, "DUPLICATE_FIELD", "An organization with identifier retired is already present or was deleted"]);
      expect((await call(e, "POST", "/ng/api/organizations", { body: { organization: { identifier: "fresh", name: "fresh" } } })).status).toBe(200);
    } finally {
      await e.close();
    }
  });

  it("a state file without reservations (older emulators) loads with none; with the switch off they are ignored", async () => {
    const stateFile = stateIn();
    writeFileSync(stateFile, JSON.stringify({ format: "harness-scaffold-emulator-state", version: 1, records: [] }));
    const e = await start({ stateFile, reserveDeletedIdentifiers: true });
    try {
      await createProject(e);
      expect((await call(e, "DELETE", "/ng/api/projects/apisample")).status).toBe(200);
      expect((await newProject(e, "apisample")).status).toBe(400);
    } finally {
      await e.close();
    }
    const off = await start({ stateFile, account: e.account, token: e.token });
    try {
      expect((await newProject(off, "apisample")).status).toBe(200);
    } finally {
      await off.close();
    }
  });
});
