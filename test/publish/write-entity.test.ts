/** The create protocol at unit level, on undici MockAgent: a lost answer is settled by a GET. */
import { describe, expect, it } from "vitest";
import type { LocalEntity } from "../../src/plan/local-entities.js";
import { createEntity } from "../../src/publish/write-entity.js";
import { envelope, failure, json, mockClient, networkFault } from "../harness/mock.js";

const doc = { connector: { identifier: "hub", name: "hub", orgIdentifier: "default", projectIdentifier: "shop", type: "DockerRegistry", tags: {}, spec: { dockerRegistryUrl: "https://r" } } };
const entity: LocalEntity = { kind: "connector", identifier: "hub", org: "default", project: "shop", file: ".harness/connectors/hub.json", doc, text: JSON.stringify(doc) };
const stored = (tags: Record<string, string>) => envelope({ connector: { ...doc.connector, tags } });
const OURS = { "managed-by": "harness-scaffold" };

describe("create with a lost answer", () => {
  it("counts the create as done when the GET finds it with our tag (one POST only)", async () => {
    const { pool, client } = mockClient({ retryPolicy: { timeoutMs: 50 } });
    let posted: { connector: { tags: Record<string, string> } } | undefined;
    pool.intercept({ path: /^\/ng\/api\/connectors\?/, method: "POST" }).reply(502, (opts) => ((posted = JSON.parse(String(opts.body))), "<html>bad gateway</html>"));
    pool.intercept({ path: /connectors\/hub/, method: "GET" }).reply(200, stored(OURS), { headers: json });
    expect(await createEntity(client, entity)).toEqual({ recovered: true, posts: 1 });
    expect(posted?.connector.tags).toEqual(OURS);
    expect(client.stats().byStatus).toEqual({ "502": 1, "200": 1 });
  });

  it("sends the create again only after the GET shows it is absent", async () => {
    const { pool, client } = mockClient();
    pool.intercept({ path: /^\/ng\/api\/connectors\?/, method: "POST" }).replyWithError(networkFault("ECONNRESET"));
    pool.intercept({ path: /connectors\/hub/, method: "GET" }).reply(400, { code: "INVALID_REQUEST", message: "No connector exists with the identifier hub in account a" }, { headers: json });
    pool.intercept({ path: /^\/ng\/api\/connectors\?/, method: "POST" }).reply(200, stored(OURS), { headers: json });
    expect(await createEntity(client, entity)).toEqual({ recovered: false, posts: 2 });
  });

  it("treats a 'duplicate' refusal the same way, and an untagged twin as a conflict", async () => {
    const { pool, client } = mockClient();
    const duplicate = { status: "ERROR", code: "DUPLICATE_FIELD", message: "Connector [hub] already exists" };
    pool.intercept({ path: /^\/ng\/api\/connectors\?/, method: "POST" }).reply(400, duplicate, { headers: json });
    pool.intercept({ path: /connectors\/hub/, method: "GET" }).reply(200, stored(OURS), { headers: json });
    expect(await createEntity(client, entity)).toEqual({ recovered: true, posts: 1 });
    pool.intercept({ path: /^\/ng\/api\/connectors\?/, method: "POST" }).reply(500, "{}", { headers: json });
    pool.intercept({ path: /connectors\/hub/, method: "GET" }).reply(200, stored({}), { headers: json });
    const error = await failure(() => createEntity(client, entity));
    expect(error.code).toBe("E_CONFLICT");
    expect(error.message).toContain("not created by harness-scaffold");
  });

  it("does not read back after a definite refusal", async () => {
    const { pool, client } = mockClient();
    pool.intercept({ path: /^\/ng\/api\/connectors\?/, method: "POST" }).reply(400, { status: "FAILURE", code: "INVALID_REQUEST", message: "bad", errors: [{ fieldId: "spec", error: "must not be null" }] }, { headers: json });
    const error = await failure(() => createEntity(client, entity));
    expect(error.message).toContain("400 Bad Request (INVALID_REQUEST): bad — spec: must not be null");
    expect(client.stats().requests).toBe(1);
  });
});
