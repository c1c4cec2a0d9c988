/**
 * The three requests of Harness's API quickstart (the project's own copy, test/fixtures/quickstart),
 * with only ACCOUNT_ID and API_KEY_TOKEN filled in as the page tells users to, behave as they do
 * against Harness; so do the page's two mistakes (a lost brace, lost indentation, a mistyped
 * account). The page's own text is checked against these in test/reference/quickstart-seed.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quickstartRequests } from "../helpers/quickstart.js";
import { call, sendCurl, start } from "./helpers.js";
import type { RunningEmulator } from "./helpers.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const { project, connector, pipeline } = quickstartRequests();

describe("quickstart requests", () => {
  let e: RunningEmulator;

  beforeAll(async () => {
    e = await start();
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

  it("refuses the connector without the braces around auth with a 400 that points at the broken line", async () => {
    const broken = connector.body.replace(/"auth": \{\n\s*("type": "Anonymous")\n\s*\}\n/, '"auth":\n$1\n');
    expect(broken).not.toBe(connector.body);
    const answer = await sendCurl(e, connector, broken);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ status: "ERROR", code: "INVALID_REQUEST" });
    const where = /line (\d+), column (\d+)/.exec(answer.json.message);
    expect(where, answer.json.message).not.toBeNull();
    const line = broken.split("\n")[Number(where![1]) - 1];
    expect(line).toBe('"type": "Anonymous"');
    expect(line![Number(where![2]) - 1]).toBe(":");
  });

  it("creates the connector", async () => {
    const answer = await sendCurl(e, connector);
    expect(answer.status).toBe(200);
    expect(answer.json.data.connector).toMatchObject({ identifier: "dockerhub", type: "DockerRegistry", projectIdentifier: "apisample", tags: {} });
    expect(answer.json.data.connector.spec.auth).toEqual({ type: "Anonymous" });
  });

  it("refuses the pipeline sent with accountIdentifier=ACCOUNT_IT (the key's account differs)", async () => {
    const answer = await sendCurl(e, pipeline, pipeline.body, pipeline.url.replace("ACCOUNT_ID", "ACCOUNT_IT"));
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ status: "ERROR", code: "NG_ACCESS_DENIED" });
  });

  it("refuses the pipeline text without its indentation, and the answer says where", async () => {
    const flat = pipeline.body.split("\n").map((l) => l.trimStart()).join("\n");
    const answer = await sendCurl(e, pipeline, flat);
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe("INVALID_YAML_ERROR");
    expect(answer.json.message).toMatch(/line \d+, column 1: Map keys must be unique: "name"/);
  });

  it("creates the pipeline, and GET returns its YAML as sent", async () => {
    const answer = await sendCurl(e, pipeline);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.data.identifier).toBe("api_example");
    const got = await call(e, "GET", "/pipeline/api/pipelines/api_example", { query: { orgIdentifier: "default", projectIdentifier: "apisample" } });
    expect(got.status).toBe(200);
    expect(got.json.data.yamlPipeline).toBe(pipeline.body);
  });
});
