/**
 * The three curl requests of the seed quickstart, sent byte for byte (only ACCOUNT_ID and
 * API_KEY_TOKEN filled in, as the page tells users to), behave as they do against Harness.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, quickstartCurls, sendCurl, start } from "./helpers.js";
import type { CurlRequest, RunningEmulator } from "./helpers.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const here = path.dirname(fileURLToPath(import.meta.url));

describe("seed quickstart curl requests", () => {
  let e: RunningEmulator;
  let project: CurlRequest;
  let connector: CurlRequest;
  let pipeline: CurlRequest;

  beforeAll(async () => {
    e = await start();
    const curls = quickstartCurls();
    expect(curls.map((c) => new URL(c.url).pathname)).toEqual(["/ng/api/projects", "/ng/api/connectors", "/pipeline/api/pipelines/v2"]);
    [project, connector, pipeline] = curls as [CurlRequest, CurlRequest, CurlRequest];
  });
  afterAll(() => e.close());

  it("creates the project with the documented response shape", async () => {
    const answer = await sendCurl(e, project);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: "SUCCESS", metaData: null });
    expect(answer.json.correlationId).toMatch(UUID);
    expect(answer.json.data.project).toEqual(JSON.parse(project.body).project);
    expect(answer.json.data.createdAt).toBeGreaterThan(1_600_000_000_000);
    expect(answer.json.data.lastModifiedAt).toBe(answer.json.data.createdAt);
    expect(typeof answer.json.data.isFavorite).toBe("boolean");
  });

  it("refuses the connector as published with a 400 that points at the broken line", async () => {
    const answer = await sendCurl(e, connector);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ status: "ERROR", code: "INVALID_REQUEST" });
    const where = /line (\d+), column (\d+)/.exec(answer.json.message);
    expect(where, answer.json.message).not.toBeNull();
    const line = connector.body.split("\n")[Number(where![1]) - 1];
    expect(line).toBe('"type": "Anonymous"');
    expect(line![Number(where![2]) - 1]).toBe(":");
  });

  it("creates the connector once the auth object gets its braces", async () => {
    const fixed = connector.body.replace('"auth":\n"type": "Anonymous"\n', '"auth": {\n"type": "Anonymous"\n}\n');
    expect(fixed).not.toBe(connector.body);
    const answer = await sendCurl(e, connector, fixed);
    expect(answer.status).toBe(200);
    expect(answer.json.data.connector).toMatchObject({ identifier: "dockerhub", type: "DockerRegistry", projectIdentifier: "apisample", tags: {} });
    expect(answer.json.data.connector.spec.auth).toEqual({ type: "Anonymous" });
  });

  it("refuses the pipeline sent with accountIdentifier=ACCOUNT_IT (the key's account differs)", async () => {
    expect(pipeline.url).toContain("accountIdentifier=ACCOUNT_IT");
    const answer = await sendCurl(e, pipeline);
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ status: "ERROR", code: "NG_ACCESS_DENIED" });
  });

  it("refuses the seed's pipeline text with the account fixed: it lost its indentation, and the answer says where", async () => {
    const answer = await sendCurl(e, pipeline, pipeline.body, pipeline.url.replace("ACCOUNT_IT", "ACCOUNT_ID"));
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe("INVALID_YAML_ERROR");
    expect(answer.json.message).toMatch(/line \d+, column 1: Map keys must be unique: "name"/);
  });

  it("creates the pipeline with the account fixed and the docs' indentation, and GET returns its YAML as sent", async () => {
    const yaml = readFileSync(path.join(here, "fixtures/quickstart-pipeline.yaml"), "utf8");
    const strip = (s: string) => s.split("\n").map((l) => l.trimStart());
    expect(strip(yaml)).toEqual(strip(pipeline.body));
    const answer = await sendCurl(e, pipeline, yaml, pipeline.url.replace("ACCOUNT_IT", "ACCOUNT_ID"));
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.data.identifier).toBe("api_example");
    const got = await call(e, "GET", "/pipeline/api/pipelines/api_example", { query: { orgIdentifier: "default", projectIdentifier: "apisample" } });
    expect(got.status).toBe(200);
    expect(got.json.data.yamlPipeline).toBe(yaml);
  });
});
