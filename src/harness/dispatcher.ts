/**
 * The transport. By default an undici EnvHttpProxyAgent fed from the environment we were given
 * (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, either case), so corporate proxies work as they do for
 * Harness's other tools. Certificates: Node itself reads NODE_EXTRA_CA_CERTS at start-up and adds
 * them to the default trust store that undici's TLS sockets use, so nothing is needed here.
 */
import type { Dispatcher } from "undici";
import { Agent, EnvHttpProxyAgent } from "undici";

type Env = Readonly<Record<string, string | undefined>>;

const pick = (env: Env, name: string): string => env[name.toLowerCase()] ?? env[name] ?? "";

/**
 * A dispatcher that honours the proxy variables in `env` only (an empty string, not undefined, is
 * passed for unset ones so undici does not fall back to the process's own environment).
 */
export function proxyAwareDispatcher(env: Env): Dispatcher {
  return new EnvHttpProxyAgent({
    httpProxy: pick(env, "HTTP_PROXY"),
    httpsProxy: pick(env, "HTTPS_PROXY") || pick(env, "HTTP_PROXY"),
    noProxy: pick(env, "NO_PROXY"),
  });
}

/** A dispatcher that goes straight to the host: for the emulator on loopback. */
export function directDispatcher(): Dispatcher {
  return new Agent();
}
