/**
 * A tiny reverse proxy in front of the emulator that adds `Retry-After` to every 429, as some
 * proxies and self-managed Harness installs do (Harness SaaS sends none, and neither does the
 * emulator). It records when each request arrived, so a test can see how long the client waited.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Dispatcher } from "undici";
import { Agent, request } from "undici";

export interface ProxyHit {
  at: number;
  method: string;
  path: string;
  status: number;
}

export interface RetryAfterProxy {
  url: string;
  hits: ProxyHit[];
  close(): Promise<void>;
}

export async function retryAfterProxy(target: string, retryAfter: string): Promise<RetryAfterProxy> {
  const agent = new Agent();
  const hits: ProxyHit[] = [];
  const server = createServer((req, res) => {
    const at = Date.now();
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = { ...req.headers };
      delete headers.host;
      delete headers.connection;
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      request(new URL(req.url ?? "/", target), { dispatcher: agent, method: req.method as Dispatcher.HttpMethod, headers, body })
        .then(async (upstream) => {
          const text = await upstream.body.text();
          hits.push({ at, method: req.method ?? "?", path: (req.url ?? "").split("?")[0] ?? "", status: upstream.statusCode });
          const out: Record<string, string> = { "content-type": String(upstream.headers["content-type"] ?? "application/json") };
          if (upstream.statusCode === 429) out["retry-after"] = retryAfter;
          res.writeHead(upstream.statusCode, out).end(text);
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await agent.close();
    },
  };
}
