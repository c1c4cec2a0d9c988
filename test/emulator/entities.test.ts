/** Create, read, update, list and delete of every entity, with and without /gateway. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createProject, inProject, pipelineYaml, start } from "./helpers.js";
import type { RunningEmulator } from "./helpers.js";

const owner = { "managed-by": "harness-scaffold", team: "" };
const infraYaml = (id: string, namespace: string) =>
  `infrastructureDefinition:\n  identifier: ${id}\n  name: ${id}\n  orgIdentifier: default\n  projectIdentifier: apisample\n  environmentRef: dev\n  deploymentType: Kubernetes\n  type: KubernetesDirect\n  spec:\n    connectorRef: account.k8s\n    namespace: ${namespace}\n    releaseName: release-<+INFRA_KEY>\n`;

describe("entities", () => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await start();
    await createProject(e);
  });
  afterAll(() => e.close());

  it("organizations: default exists with Harness's response shape, on both prefixes", async () => {
    for (const prefix of ["", "/gateway"]) {
      const answer = await call(e, "GET", `${prefix}/ng/api/organizations/default`);
      expect(answer.status).toBe(200);
      expect(answer.json.data.organization.identifier).toBe("default");
      expect(answer.json.data).toMatchObject({ harnessManaged: true, createdAt: expect.any(Number), lastModifiedAt: expect.any(Number) });
    }
    expect((await call(e, "GET", "/ng/api/organizations/other")).status).toBe(404);
  });

  it("projects: a YAML body works like JSON; update replaces; list pages; tags come back as sent", async () => {
    const yaml = "project:\n  identifier: yamlproj\n  name: From YAML\n  tags:\n    managed-by: harness-scaffold\n    team: ''\n";
    const created = await call(e, "POST", "/gateway/ng/api/projects", { body: yaml, contentType: "application/yaml" });
    expect(created.status, created.text).toBe(200);
    expect(created.json.data.project.tags).toEqual(owner);
    const updated = await call(e, "PUT", "/ng/api/projects/yamlproj", { body: { project: { identifier: "yamlproj", name: "Renamed", tags: {} } } });
    expect(updated.json.data.project).toMatchObject({ name: "Renamed", tags: {} });
    expect(updated.json.data.createdAt).toBe(created.json.data.createdAt);
    const list = await call(e, "GET", "/ng/api/projects", { query: { orgIdentifier: "default", pageSize: "1" } });
    expect(list.json.data).toMatchObject({ totalItems: 2, pageSize: 1, pageItemCount: 1, totalPages: 2, pageIndex: 0 });
    expect((await call(e, "DELETE", "/ng/api/projects/yamlproj")).json.data).toBe(true);
    expect((await call(e, "GET", "/ng/api/projects/yamlproj")).status).toBe(404);
  });

  it("connectors: update by body id, names unique in a scope, account-level scope works", async () => {
    const spec = { connectorType: "DockerConnector", dockerRegistryUrl: "https://index.docker.io/v2/", providerType: "DockerHub", auth: { type: "Anonymous" } };
    const body = { connector: { identifier: "hub", name: "hub", type: "DockerRegistry", ...inProject, tags: owner, spec } };
    expect((await call(e, "POST", "/ng/api/connectors", { body })).status).toBe(200);
    const put = await call(e, "PUT", "/gateway/ng/api/connectors", { body: { connector: { ...body.connector, description: "changed" } } });
    expect(put.json.data.connector).toMatchObject({ description: "changed", tags: owner });
    const sameName = await call(e, "POST", "/ng/api/connectors", { body: { connector: { ...body.connector, identifier: "hub2" } } });
    expect(sameName.json).toMatchObject({ code: "DUPLICATE_FIELD", message: "Connector with name [hub] already exists" });
    const account = await call(e, "POST", "/ng/api/connectors", { body: { connector: { identifier: "hub", name: "hub", type: "DockerRegistry", spec } } });
    expect(account.status).toBe(200);
    expect(account.json.data.connector.projectIdentifier).toBeUndefined();
    const list = await call(e, "GET", "/ng/api/connectors", { query: inProject });
    expect(list.json.data.content.map((c: { connector: { identifier: string } }) => c.connector.identifier)).toEqual(["hub"]);
    const bad = await call(e, "POST", "/ng/api/connectors", { body: { connector: { ...body.connector, identifier: "x", name: "x", spec: { providerType: "Nope", auth: {} } } } });
    expect(bad.json.errors.map((x: { fieldId: string }) => x.fieldId)).toEqual(["dockerRegistryUrl", "providerType", "type"]);
  });

  it("pipelines: update keeps the new YAML byte for byte; the path id must match the YAML", async () => {
    const query = inProject;
    await call(e, "POST", "/pipeline/api/pipelines/v2", { query, body: pipelineYaml("pipe"), contentType: "application/yaml" });
    const changed = `${pipelineYaml("pipe", "  description: second version   # with a comment\n")}`;
    const put = await call(e, "PUT", "/gateway/pipeline/api/pipelines/v2/pipe", { query, body: changed, contentType: "application/yaml" });
    expect(put.json.data.identifier).toBe("pipe");
    expect((await call(e, "GET", "/pipeline/api/pipelines/pipe", { query })).json.data.yamlPipeline).toBe(changed);
    const mismatch = await call(e, "PUT", "/pipeline/api/pipelines/v2/other", { query, body: changed, contentType: "application/yaml" });
    expect(mismatch.status).toBe(400);
    const wrongOrg = await call(e, "POST", "/pipeline/api/pipelines/v2", { query, body: pipelineYaml("p2").replace("orgIdentifier: default", "orgIdentifier: elsewhere"), contentType: "application/yaml" });
    expect(wrongOrg.status).toBe(400);
    const list = await call(e, "POST", "/pipeline/api/pipelines/list", { query });
    expect(list.json.data.content[0]).toMatchObject({ identifier: "pipe", name: "pipe" });
  });

  it("services and environments: created from fields (YAML generated) or from YAML; upsert; tags kept", async () => {
    const svc = await call(e, "POST", "/ng/api/servicesV2", { body: { identifier: "svc", name: "svc", ...inProject, tags: owner } });
    expect(svc.status, svc.text).toBe(200);
    expect(svc.json.data.service).toMatchObject({ accountId: e.account, identifier: "svc", tags: owner, yaml: expect.stringContaining("service:") });
    const upsert = await call(e, "PUT", "/ng/api/servicesV2/upsert", { body: { identifier: "svc", name: "svc", ...inProject, description: "upserted" } });
    expect(upsert.json.data.service.description).toBe("upserted");
    const envYaml = "environment:\n  identifier: dev\n  name: dev\n  type: PreProduction\n  orgIdentifier: default\n  projectIdentifier: apisample\n";
    const env = await call(e, "POST", "/gateway/ng/api/environmentsV2", { body: { ...inProject, identifier: "dev", name: "dev", type: "PreProduction", yaml: envYaml } });
    expect(env.json.data.environment).toMatchObject({ type: "PreProduction", yaml: envYaml });
    const conflict = await call(e, "POST", "/ng/api/environmentsV2", { body: { ...inProject, identifier: "prod", name: "prod", type: "Production", yaml: envYaml } });
    expect(conflict.status).toBe(400);
    const got = await call(e, "GET", "/ng/api/servicesV2/svc", { query: inProject });
    expect(got.json.data.service.tags).toEqual({});
    expect((await call(e, "GET", "/ng/api/environmentsV2/nope", { query: inProject })).status).toBe(404);
  });

  it("infrastructures: need their environment; reads take environmentIdentifier; deleting the environment removes them", async () => {
    const body = { ...inProject, environmentRef: "dev", yaml: infraYaml("k8s", "one") };
    const created = await call(e, "POST", "/ng/api/infrastructures", { body });
    expect(created.status, created.text).toBe(200);
    expect(created.json.data.infrastructure).toMatchObject({ identifier: "k8s", environmentRef: "dev", type: "KubernetesDirect", deploymentType: "Kubernetes" });
    const put = await call(e, "PUT", "/ng/api/infrastructures", { body: { ...body, yaml: infraYaml("k8s", "two") } });
    expect(put.json.data.infrastructure.yaml).toContain("namespace: two");
    const query = { ...inProject, environmentIdentifier: "dev" };
    expect((await call(e, "GET", "/gateway/ng/api/infrastructures/k8s", { query })).status).toBe(200);
    expect((await call(e, "GET", "/ng/api/infrastructures/k8s", { query: inProject })).json.errors[0].fieldId).toBe("environmentIdentifier");
    const orphan = await call(e, "POST", "/ng/api/infrastructures", { body: { ...body, environmentRef: "qa", yaml: infraYaml("k8s", "x").replace("environmentRef: dev", "environmentRef: qa") } });
    expect(orphan.status).toBe(404);
    expect((await call(e, "DELETE", "/ng/api/environmentsV2/dev", { query: inProject })).json.data).toBe(true);
    expect((await call(e, "GET", "/ng/api/infrastructures/k8s", { query })).status).toBe(404);
  });
});
