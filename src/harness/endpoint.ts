/**
 * Where Harness is. Accepts what Harness's own tools accept: the bare host
 * (`https://app.harness.io`), the same with a `/gateway` suffix, or a self-managed install's URL.
 * Plain http is refused unless the host is this machine, because the API key rides in a header.
 */
import { KitError } from "../errors.js";

export const DEFAULT_ENDPOINT = "https://app.harness.io";

/** Environment variables consulted, in order, when no --endpoint is given. */
export const ENDPOINT_ENV_VARS = ["HARNESS_ENDPOINT", "HARNESS_BASE_URL"] as const;

/** True for names and addresses that never leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  if (/^::ffff:127\./.test(host)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Checks an endpoint and returns it without a trailing slash, query or fragment; API paths are
 * appended to it as they are (`/gateway` stays part of the prefix).
 */
export function parseEndpoint(raw: string, source: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new KitError("E_CONFIG", `the endpoint from ${source} is not a URL: "${raw}"`, {
      hint: `use a full URL such as ${DEFAULT_ENDPOINT}`,
    });
  }
  if (url.username !== "" || url.password !== "") {
    throw new KitError("E_CONFIG", `the endpoint from ${source} contains a user name or password`, {
      hint: "credentials go in HARNESS_PLATFORM_API_KEY or --api-key-file, never in the URL",
    });
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new KitError("E_CONFIG", `refusing plain http endpoint ${url.origin} (from ${source}): the API key would cross the network unencrypted`, {
      hint: "use https://, or http:// only for 127.0.0.1, ::1 or localhost (e.g. the local emulator)",
    });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new KitError("E_CONFIG", `the endpoint from ${source} must be an https:// URL, not ${url.protocol}`, {
      hint: `for example ${DEFAULT_ENDPOINT}`,
    });
  }
  const pathname = url.pathname.replace(/\/+$/, "");
  return `${url.origin}${pathname}`;
}

/** The endpoint from a flag, then the environment, then Harness SaaS. */
export function resolveEndpoint(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  if (flag !== undefined && flag !== "") return parseEndpoint(flag, "--endpoint");
  for (const name of ENDPOINT_ENV_VARS) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") return parseEndpoint(value, name);
  }
  return DEFAULT_ENDPOINT;
}
