import { readdir } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { loadEntitySchema } from "../../src/validate/official/index.js";
import { REFERENCE, describeReference, referenceFile } from "../helpers/reference.js";

const entitiesDir = (): string => referenceFile(REFERENCE.entitySchemas);
const entityFile = (name: string): string => referenceFile(`${REFERENCE.entitySchemas}/${name}.project.json`);

/** The connector from Harness's API quickstart, with the brace the page lost around `auth`. */
const dockerHub = {
  connector: {
    name: "dockerhub",
    identifier: "dockerhub",
    description: "",
    orgIdentifier: "default",
    projectIdentifier: "apisample",
    tags: {},
    type: "DockerRegistry",
    spec: { dockerRegistryUrl: "https://index.docker.io/v2/", providerType: "DockerHub", auth: { type: "Anonymous" } },
  },
};

describeReference("Harness's entity schemas (mcp-server)", () => {
  it("all compile under Ajv with strict: false and declare their root key", async () => {
    const files = (await readdir(entitiesDir())).filter((f) => f.endsWith(".json")).sort();
    expect(files).toHaveLength(5);
    const roots: Record<string, string[]> = {};
    for (const file of files) roots[file] = (await loadEntitySchema(path.join(entitiesDir(), file))).rootKeys;
    expect(roots).toEqual({
      "connector.project.json": ["connector"],
      "environment.project.json": ["environment"],
      "infrastructure.project.json": ["infrastructureDefinition"],
      "secret.project.json": ["secret"],
      "service.project.json": ["metadata", "service"],
    });
  });

  it("accepts the quickstart's Docker Hub connector and rejects a mistyped connector type", async () => {
    const schema = await loadEntitySchema(entityFile("connector"));
    expect(schema.validate(dockerHub)).toEqual([]);
    const typo = structuredClone(dockerHub);
    typo.connector.type = "DockerRegistr";
    expect(schema.validate(typo).map((e) => e.instancePath)).toContain("/connector/type");
  });

  it("accepts a Kubernetes service and rejects an unknown deployment type", async () => {
    const schema = await loadEntitySchema(entityFile("service"));
    const service = {
      service: {
        name: "web",
        identifier: "web",
        orgIdentifier: "default",
        projectIdentifier: "apisample",
        serviceDefinition: { type: "Kubernetes", spec: { variables: [] } },
      },
    };
    expect(schema.validate(service)).toEqual([]);
    service.service.serviceDefinition.type = "Kubernetess";
    expect(schema.validate(service)).not.toEqual([]);
  });
});
