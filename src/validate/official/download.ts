/**
 * Fetches a schema URL once. The body is checked by the caller before it is kept, so an HTML error
 * page or a truncated answer never lands in the cache; later runs read the kept file and make no
 * request at all.
 */
import { STATUS_CODES } from "node:http";
import { Agent, EnvHttpProxyAgent, interceptors, request } from "undici";
import type { Dispatcher } from "undici";
import { KitError, isKitError } from "../../errors.js";

export interface DownloadOptions {
  env?: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
}

/** The v0 bundle is 3.4 MB; anything far larger is not what we asked for. */
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTIONS = 5;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Only https, except on the loopback interface where nothing can tamper with plain http (local
 * mirrors and the tests' servers).
 */
export function checkSchemaUrl(url: URL): void {
  if (url.protocol === "https:") return;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return;
  throw new KitError("E_INPUT", `official schema URL must use https: ${url.href}`, {
    hint: "use an https:// URL, or download the file and pass its path",
  });
}

/**
 * A proxy only when the caller's env names one. undici's EnvHttpProxyAgent would read the process's
 * env for any value left undefined, so every value is passed explicitly.
 */
function dispatcherFor(env: Readonly<Record<string, string | undefined>>): Dispatcher {
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY ?? "";
  const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY ?? "";
  const base =
    httpProxy === "" && httpsProxy === ""
      ? new Agent({ maxResponseSize: MAX_BYTES })
      : new EnvHttpProxyAgent({
          httpProxy,
          httpsProxy: httpsProxy === "" ? httpProxy : httpsProxy,
          noProxy: env.no_proxy ?? env.NO_PROXY ?? "",
          maxResponseSize: MAX_BYTES,
        });
  return base.compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTIONS }));
}

/** GETs `url` and returns the body; any answer but 2xx, or no answer, is a KitError. */
export async function downloadSchema(url: URL, options: DownloadOptions = {}): Promise<Buffer> {
  checkSchemaUrl(url);
  const dispatcher = dispatcherFor(options.env ?? {});
  const where = `[GET] ${url.href}`;
  try {
    const response = await request(url, {
      method: "GET",
      headers: { accept: "application/json" },
      dispatcher,
      signal: options.signal,
    });
    if (response.statusCode < 200 || response.statusCode > 299) {
      await response.body.dump();
      // 4xx: the URL is wrong (the user's to fix); 5xx: the server is unwell, try again later.
      const clientSide = response.statusCode < 500;
      throw new KitError(clientSide ? "E_INPUT" : "E_NETWORK", `${where}: ${response.statusCode} ${STATUS_CODES[response.statusCode] ?? ""}`.trimEnd(), {
        hint: clientSide
          ? "check the --official-schema URL, or pass a local copy of Harness's v0 pipeline.json"
          : "the server failed; try again later or pass a local copy of the schema",
        details: { status: response.statusCode },
      });
    }
    return Buffer.from(await response.body.arrayBuffer());
  } catch (error) {
    if (isKitError(error) || options.signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new KitError("E_NETWORK", `${where}: no usable answer (${reason})`, {
      hint: "check the network, or HTTPS_PROXY if you are behind a proxy; a local file path works offline",
      cause: error,
    });
  } finally {
    await dispatcher.close();
  }
}
