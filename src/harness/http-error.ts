/**
 * Turning a failed exchange into one line a person can act on and Harness support can trace:
 *   [PUT] https://app.harness.io/pipeline/api/pipelines/v2/x: 400 Bad Request (INVALID_YAML_ERROR, 6f1c…): <Harness's message>
 * Bodies come in three shapes: Harness's JSON envelopes, HTML pages from proxies and login walls,
 * and anything else (cut-off JSON, plain text). All text is redacted before it leaves.
 */
import { STATUS_CODES } from "node:http";
import { KitError } from "../errors.js";
import type { Secret } from "./secret.js";
import { redact } from "./secret.js";

/** What was learned from an error body. */
export interface ErrorBody {
  code?: string;
  correlationId?: string;
  message?: string;
}

const MAX_SNIPPET = 160;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_SNIPPET ? `${flat.slice(0, MAX_SNIPPET)}…` : flat;
}

/** Reads Harness's ErrorDTO / FailureDTO, or says what else the body was. */
export function describeErrorBody(contentType: string | undefined, text: string): ErrorBody {
  const trimmed = text.trim();
  if (trimmed === "") return { message: "empty body" };
  const looksHtml = /html/i.test(contentType ?? "") || /^<(!doctype|html|head|body)/i.test(trimmed);
  if (looksHtml) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    const what = title ? `an HTML page ("${snippet(title)}")` : "an HTML page";
    return { message: `${what} instead of JSON: a proxy, firewall or login page answered, not the Harness API` };
  }
  if (/json/i.test(contentType ?? "") || /^[[{]/.test(trimmed)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return { message: `unreadable JSON body (cut off or malformed): ${snippet(trimmed)}` };
    }
    return fromEnvelope(parsed);
  }
  return { message: snippet(trimmed) };
}

function fromEnvelope(parsed: unknown): ErrorBody {
  if (typeof parsed !== "object" || parsed === null) return { message: snippet(JSON.stringify(parsed)) };
  const body = parsed as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
  let message = str(body.message) ?? str(body.detailedMessage);
  const fieldErrors = Array.isArray(body.errors)
    ? body.errors
        .map((e) => (typeof e === "object" && e !== null ? e : {}) as Record<string, unknown>)
        .map((e) => [str(e.fieldId), str(e.error)].filter(Boolean).join(": "))
        .filter(Boolean)
    : [];
  if (fieldErrors.length > 0) message = [message, fieldErrors.join("; ")].filter(Boolean).join(" — ");
  return { code: str(body.code), correlationId: str(body.correlationId), message };
}

export interface ExchangeInfo {
  method: string;
  /** The full request URL; only origin and path are shown. */
  url: string;
}

function shownUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** `[PUT] https://…/x: 429 Too Many Requests (CODE, correlationId)` — the part before Harness's message. */
export function statusLine(info: ExchangeInfo, status: number, body: ErrorBody): string {
  const reason = STATUS_CODES[status] ?? "Unknown Status";
  const ids = [body.code, body.correlationId].filter(Boolean).join(", ");
  return `[${info.method}] ${shownUrl(info.url)}: ${status} ${reason}${ids ? ` (${ids})` : ""}`;
}

/** The error thrown for an HTTP answer that is a failure. */
export function httpError(
  info: ExchangeInfo,
  status: number,
  contentType: string | undefined,
  text: string,
  secrets: readonly Secret[],
): KitError {
  const body = describeErrorBody(contentType, redact(text, secrets));
  const line = statusLine(info, status, body);
  const message = redact(body.message ? `${line}: ${body.message}` : line, secrets);
  return new KitError("E_HTTP", message, {
    hint: hintFor(status),
    details: { method: info.method, url: shownUrl(info.url), status, ...body },
  });
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNRESET: "connection reset",
  ECONNREFUSED: "connection refused (nothing listening there)",
  ENOTFOUND: "host name not found",
  EAI_AGAIN: "host name lookup failed for now",
  ETIMEDOUT: "connection timed out",
  EPIPE: "connection closed while sending",
  UND_ERR_SOCKET: "connection closed by the other side",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_HEADERS_TIMEOUT: "no answer in time",
  UND_ERR_BODY_TIMEOUT: "answer stalled",
  TIMEOUT: "no answer in time",
  INCOMPLETE_BODY: "the answer was cut off",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate is not signed by a trusted authority",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the server's certificate is not signed by a trusted authority",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's certificate chain ends in an untrusted (self-signed) authority",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed",
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate is for another host name",
};

/** TLS failures: usually a company proxy or a self-managed install with its own certificate authority. */
const TLS_CODES = new Set(Object.keys(NETWORK_WORDS).filter((code) => /CERT|SIGNATURE/.test(code)));

/** The error thrown when no answer came at all. `outcomeUnknown`: the server may have acted. */
export function networkError(info: ExchangeInfo, errorCode: string, outcomeUnknown: boolean, cause: unknown): KitError {
  const words = NETWORK_WORDS[errorCode] ?? "request failed";
  return new KitError("E_NETWORK", `[${info.method}] ${shownUrl(info.url)}: ${words} (${errorCode})`, {
    hint:
      errorCode === "ENOTFOUND"
        ? "check --endpoint / HARNESS_ENDPOINT, and HTTPS_PROXY if you are behind a proxy"
        : TLS_CODES.has(errorCode)
          ? "if your company or your Harness install uses its own certificate authority, point NODE_EXTRA_CA_CERTS at its PEM file"
          : "check the network (and HTTPS_PROXY / NO_PROXY), then run the command again: it picks up where it stopped",
    cause,
    details: { method: info.method, url: shownUrl(info.url), errorCode, outcomeUnknown },
  });
}

function hintFor(status: number): string | undefined {
  if (status === 401) return "the API key was refused: check HARNESS_PLATFORM_API_KEY (expired or revoked tokens fail like this)";
  if (status === 403) return "the key lacks permission here: check the account id and the key's role bindings";
  if (status === 429) return "Harness is rate limiting this key: lower --rate or try again in a minute";
  if (status >= 500) return "Harness had a problem; run the command again (it resumes), and quote the correlationId to Harness support if it persists";
  return undefined;
}
