import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOfficialSchema } from "../../src/validate/official/index.js";
import { serve } from "./serve.js";
import type { TestServer } from "./serve.js";

/** The KitError a load fails with, as the CLI would print it. */
async function failure(source: string, cwd: string, cacheDir: string) {
  try {
    await loadOfficialSchema(source, { cwd, cacheDir });
  } catch (error) {
    const { code, message, hint } = error as { code: string; message: string; hint?: string };
    return { code, message, hint };
  }
  throw new Error(`loading ${source} did not fail`);
}

describe("loadOfficialSchema input errors", () => {
  let dir: string;
  let cacheDir: string;
  let server: TestServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "hs-official-errors-"));
    cacheDir = path.join(dir, "cache");
    await writeFile(path.join(dir, "broken.json"), '{\n  "type": "object",\n  "properties": {,\n}\n');
    await writeFile(path.join(dir, "other.json"), '{ "pipeline": { "name": "not a schema" } }');
    server = await serve((req, res) => {
      if (req.url === "/missing.json") res.writeHead(404).end("no such file");
      else if (req.url === "/down.json") res.writeHead(503).end();
      else res.writeHead(200, { "content-type": "text/html" }).end("<html>sign in</html>");
    });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("names a missing file with its full path", async () => {
    const error = await failure("nope/pipeline.json", dir, cacheDir);
    expect(error).toMatchObject({ code: "E_INPUT", message: `official schema not found: ${path.join(dir, "nope/pipeline.json")}` });
    expect(error.hint).toMatch(/pipeline\.json/);
  });

  it("points at the line and column where the JSON breaks", async () => {
    const error = await failure("broken.json", dir, cacheDir);
    expect(error.code).toBe("E_INPUT");
    expect(error.message).toMatch(/^broken\.json:3:18: the official schema is not valid JSON/);
  });

  it("says where a file ends too early", async () => {
    await writeFile(path.join(dir, "cut.json"), '{\n  "type": "object",\n  "properties": {');
    expect((await failure("cut.json", dir, cacheDir)).message).toMatch(/^cut\.json:3:18: the official schema is not valid JSON/);
  });

  it("refuses JSON that is not a schema", async () => {
    const error = await failure("other.json", dir, cacheDir);
    expect(error).toMatchObject({ code: "E_INPUT" });
    expect(error.message).toMatch(/^other\.json: not a JSON Schema/);
  });

  it("reports an HTTP error status on one line, as a user mistake for 4xx and a network failure for 5xx", async () => {
    expect(await failure(`${server.url}/missing.json`, dir, cacheDir)).toMatchObject({
      code: "E_INPUT",
      message: `[GET] ${server.url}/missing.json: 404 Not Found`,
    });
    expect(await failure(`${server.url}/down.json`, dir, cacheDir)).toMatchObject({
      code: "E_NETWORK",
      message: `[GET] ${server.url}/down.json: 503 Service Unavailable`,
    });
  });

  it("does not keep a download that is not JSON, so the next run asks again", async () => {
    const before = server.requests.length;
    for (let i = 0; i < 2; i++) {
      const error = await failure(`${server.url}/login.json`, dir, cacheDir);
      expect(error.message).toMatch(/\/login\.json: the official schema is not valid JSON \(Unexpected token/);
    }
    expect(server.requests.length - before).toBe(2);
    expect(await readdir(path.join(cacheDir, "official-schema", "downloads")).catch(() => [])).toEqual([]);
  });

  it("reports a server that does not answer as a network error", async () => {
    const closed = await serve(() => undefined);
    const url = `${closed.url}/pipeline.json`;
    await closed.close();
    expect(await failure(url, dir, cacheDir)).toMatchObject({ code: "E_NETWORK" });
  });

  it("allows plain http only on the loopback interface", async () => {
    const error = await failure("http://schemas.example.com/pipeline.json", dir, cacheDir);
    expect(error).toMatchObject({ code: "E_INPUT", message: "official schema URL must use https: http://schemas.example.com/pipeline.json" });
  });
});
