import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOfficialSchema } from "../../src/validate/official/index.js";
import { serve } from "./serve.js";
import type { TestServer } from "./serve.js";

/** A CONNECT-only forward proxy on 127.0.0.1, recording each tunnel it opens. */
async function startProxy(): Promise<{ url: string; tunnels: string[]; close(): Promise<void> }> {
  const tunnels: string[] = [];
  const server = createServer((_req, res) => res.writeHead(405).end());
  server.on("connect", (req, client: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? "");
    const [host, port] = (req.url ?? "").split(":");
    const upstream = net.connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe("downloading the official schema through a proxy", () => {
  let origin: TestServer;
  const cacheDirs: string[] = [];
  const tempCache = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hs-official-proxy-"));
    cacheDirs.push(dir);
    return dir;
  };
  beforeAll(async () => {
    // A tiny stand-in schema: what is under test here is the route, not the schema.
    origin = await serve((_req, res) => res.writeHead(200).end('{ "type": "object", "required": ["pipeline"] }'));
  });
  afterAll(async () => {
    await origin.close();
    await Promise.all(cacheDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("goes through the proxy named by the caller's HTTP_PROXY, not around it", async () => {
    const proxy = await startProxy();
    try {
      const cacheDir = await tempCache();
      const schema = await loadOfficialSchema(`${origin.url}/tiny.json`, { cwd: cacheDir, cacheDir, env: { HTTP_PROXY: proxy.url } });
      expect(schema.validate({})).toMatchObject([{ keyword: "required" }]);
      expect(schema.validate({ pipeline: {} })).toEqual([]);
      expect(proxy.tunnels).toEqual([new URL(origin.url).host]);
      expect(origin.requests).toEqual(["GET /tiny.json"]);
    } finally {
      await proxy.close();
    }
  });

  it("ignores the process's own HTTP_PROXY: only the env the caller passes counts", async () => {
    const proxy = await startProxy();
    const saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = proxy.url;
    try {
      const cacheDir = await tempCache();
      await loadOfficialSchema(`${origin.url}/direct.json`, { cwd: cacheDir, cacheDir, env: {} });
      expect(proxy.tunnels).toEqual([]);
      expect(origin.requests).toContain("GET /direct.json");
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = saved;
      await proxy.close();
    }
  });
});
