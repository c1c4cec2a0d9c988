/**
 * Every file the `service` generator renders must pass Harness's own schemas: connectors, services,
 * environments and infrastructures the mcp-server entity schemas (here); pipelines the official v0
 * schema (official-schema.test.ts, which has it compiled already).
 */
import { beforeAll, expect, it } from "vitest";
import { loadEntitySchema } from "../../src/index.js";
import type { EntitySchema } from "../../src/index.js";
import { REFERENCE, describeReference, referenceFile } from "../helpers/reference.js";
import { renderSampleService } from "./render-sample.js";
import type { RenderedFile } from "./render-sample.js";


/** Layout folder → the entity schema its files must pass. */
const SCHEMA_OF_FOLDER: Record<string, string> = {
  connectors: "connector.project.json",
  services: "service.project.json",
  environments: "environment.project.json",
  infrastructures: "infrastructure.project.json",
};

describeReference("the service generator's output against Harness's entity schemas", () => {
  let files: RenderedFile[];
  const schemas = new Map<string, Promise<EntitySchema>>();
  beforeAll(async () => {
    files = await renderSampleService();
  });

  it("renders at least one file of each entity kind", () => {
    const folders = new Set(files.map((f) => f.path.split("/")[0]));
    for (const folder of Object.keys(SCHEMA_OF_FOLDER)) expect(folders).toContain(folder);
  });

  it("every connector, service, environment and infrastructure passes its schema", async () => {
    const failures: Record<string, unknown> = {};
    for (const file of files) {
      const schemaFile = SCHEMA_OF_FOLDER[file.path.split("/")[0]!];
      if (schemaFile === undefined) continue;
      if (!schemas.has(schemaFile)) schemas.set(schemaFile, loadEntitySchema(referenceFile(`${REFERENCE.entitySchemas}/${schemaFile}`)));
      const schema = await schemas.get(schemaFile)!;
      // The schemas' roots require nothing: an empty error list only counts if the root key is there.
      const root = Object.keys(file.doc).filter((key) => schema.rootKeys.includes(key));
      const errors = schema.validate(file.doc);
      if (root.length !== 1 || errors.length > 0) failures[file.path] = { root, errors };
    }
    expect(failures).toEqual({});
  });
});
