/**
 * Reference suite: the project's copy of the API quickstart requests (test/fixtures/quickstart) is
 * the saved docs page's, byte for byte where the page is usable; and the page's curls, sent as
 * published, get the answers Harness gives them.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { start, sendCurl } from "../emulator/helpers.js";
import type { RunningEmulator } from "../emulator/helpers.js";
import { quickstartRequests } from "../helpers/quickstart.js";
import type { QuickstartRequest } from "../helpers/quickstart.js";
import { describeReference } from "../helpers/reference.js";
import { fixConnectorBraces, flushLeft, seedCurls } from "./seed.js";

describeReference("the seed quickstart page", () => {
  const ours = quickstartRequests();
  let seed: QuickstartRequest[];
  let e: RunningEmulator;
  beforeAll(async () => {
    seed = seedCurls();
    e = await start();
  });
  afterAll(() => e?.close());

  it("has three curl requests with our methods, URLs (but the pipeline's ACCOUNT_IT) and headers", () => {
    expect(seed.map((c) => [c.method, c.url, c.headers])).toEqual([
      [ours.project.method, ours.project.url, ours.project.headers],
      [ours.connector.method, ours.connector.url, ours.connector.headers],
      [ours.pipeline.method, ours.pipeline.url.replace("ACCOUNT_ID", "ACCOUNT_IT"), ours.pipeline.headers],
    ]);
  });

  it("has our project body and, with its braces fixed, our connector body", () => {
    expect(JSON.parse(seed[0]!.body)).toEqual(JSON.parse(ours.project.body));
    expect(fixConnectorBraces(seed[1]!.body)).not.toBe(seed[1]!.body);
    expect(JSON.parse(fixConnectorBraces(seed[1]!.body))).toEqual(JSON.parse(ours.connector.body));
  });

  it("has our pipeline body line for line, leading spaces aside", () => {
    expect(flushLeft(seed[2]!.body)).toEqual(flushLeft(ours.pipeline.body));
  });

  it("sent as published: the connector gets a 400 at its broken line, the pipeline a 403 for its account", async () => {
    const connector = await sendCurl(e, seed[1]!);
    expect(connector.status).toBe(400);
    const where = /line (\d+), column (\d+)/.exec(connector.json.message);
    expect(seed[1]!.body.split("\n")[Number(where![1]) - 1]).toBe('"type": "Anonymous"');
    const pipeline = await sendCurl(e, seed[2]!);
    expect(pipeline.status).toBe(403);
    expect(pipeline.json.code).toBe("NG_ACCESS_DENIED");
  });

  it("sent with the account fixed, the page's flush-left pipeline is invalid YAML", async () => {
    const answer = await sendCurl(e, seed[2]!, seed[2]!.body, seed[2]!.url.replace("ACCOUNT_IT", "ACCOUNT_ID"));
    expect(answer.status).toBe(400);
    expect(answer.json.message).toMatch(/line \d+, column 1: Map keys must be unique: "name"/);
  });
});
