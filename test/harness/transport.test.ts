/**
 * The transport as a user's network shapes it: proxies from HTTPS_PROXY / HTTP_PROXY / NO_PROXY
 * (in the env we are given, not the test process's), and certificates from NODE_EXTRA_CA_CERTS,
 * which Node reads at start-up, so that check runs in a child process.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarnessClient } from "../../src/harness/client.js";
import { libraryPath } from "../helpers/cli.js";
import { KEY } from "./mock.js";

const ANSWER = JSON.stringify({ status: "SUCCESS", data: "hello", metaData: null, correlationId: "x" });
const listen = (server: Server): Promise<string> =>
  new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`)));

describe("proxies", () => {
  const target = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(ANSWER));
  const tunnels: string[] = [];
  // A CONNECT proxy, as corporate proxies are for https (undici tunnels plain http the same way).
  const proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on("connect", (req, socket, head) => {
    tunnels.push(req.url ?? "");
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
  });
  let targetHost = "";
  let proxyUrl = "";
  beforeAll(async () => {
    targetHost = await listen(target);
    proxyUrl = `http://${await listen(proxy)}`;
  });
  afterAll(() => {
    target.close();
    proxy.close();
  });

  const get = async (env: Record<string, string>): Promise<unknown> => {
    const client = createHarnessClient({ endpoint: `http://${targetHost}`, account: "a", apiKey: KEY, env, retryPolicy: { maxAttempts: 1 } });
    try {
      return await client.send({ method: "GET", path: "/ng/api/projects/x" });
    } finally {
      await client.close();
    }
  };

  it("goes through HTTP_PROXY / HTTPS_PROXY from the env it is given", async () => {
    tunnels.length = 0;
    expect(await get({ HTTP_PROXY: proxyUrl })).toBe("hello");
    expect(await get({ https_proxy: proxyUrl, http_proxy: proxyUrl })).toBe("hello");
    expect(tunnels).toEqual([targetHost, targetHost]);
  });

  it("goes straight to hosts listed in NO_PROXY, and when no proxy is set", async () => {
    tunnels.length = 0;
    expect(await get({ HTTP_PROXY: proxyUrl, NO_PROXY: "localhost,127.0.0.1" })).toBe("hello");
    expect(await get({})).toBe("hello");
    expect(tunnels).toEqual([]);
  });
});

const haveOpenssl = spawnSync("openssl", ["version"]).status === 0;

describe.skipIf(!haveOpenssl || !existsSync(libraryPath))("NODE_EXTRA_CA_CERTS", () => {
  it("is honoured by Node itself for our requests; without it the error names the fix", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hs-ca-"));
    const ssl = (...args: string[]): void => void execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
    ssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "1", "-subj", "/CN=hs test ca");
    ssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "srv.key", "-out", "srv.csr", "-subj", "/CN=127.0.0.1");
    writeFileSync(path.join(dir, "ext.cnf"), "subjectAltName=IP:127.0.0.1\n");
    ssl("x509", "-req", "-in", "srv.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "srv.pem", "-days", "1", "-extfile", "ext.cnf");
    const server = createHttpsServer({ key: readFileSync(path.join(dir, "srv.key")), cert: readFileSync(path.join(dir, "srv.pem")) }, (_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end(ANSWER),
    );
    const host = await listen(server as unknown as Server);
    const script = `import { createHarnessClient } from ${JSON.stringify(libraryPath)};
const c = createHarnessClient({ endpoint: "https://${host}", account: "a", apiKey: ${JSON.stringify(KEY)}, retryPolicy: { maxAttempts: 1 } });
try { console.log(await c.send({ method: "GET", path: "/ng/api/projects/x" })); } catch (e) { console.log(e.message, "|", e.hint); }
await c.close();`;
    const run = async (env: Record<string, string>): Promise<string> => {
      const { spawn } = await import("node:child_process");
      return new Promise((resolve) => {
        const child = spawn(process.execPath, ["--input-type=module", "-e", script], { env: { PATH: process.env.PATH, ...env } });
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.on("close", () => resolve(out.trim()));
      });
    };
    try {
      expect(await run({ NODE_EXTRA_CA_CERTS: path.join(dir, "ca.pem") })).toBe("hello");
      const refused = await run({});
      expect(refused).toMatch(/^\[GET\] https:\/\/127\.0\.0\.1:\d+\/ng\/api\/projects\/x: .*certificate/);
      expect(refused).toContain("NODE_EXTRA_CA_CERTS");
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
