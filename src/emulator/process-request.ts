/**
 * One request, start to finish, in Harness's order: rate limit (at the edge, per API key) →
 * route (404/405) → API key and account (401/403) → content type (415) → body size (413) →
 * parse (400 with line and column) → handler → persist → answer. Never throws: every outcome
 * is a Reply with Harness's envelope.
 */
import type { IncomingMessage } from "node:http";
import { authorize, keyFingerprint, presentedKey } from "./auth.js";
import { parseBody, parseYaml } from "./body.js";
import { ApiError, errorReply, jsonReply, successBody } from "./envelopes.js";
import type { Reply } from "./envelopes.js";
import { readBody, requireMedia } from "./http-io.js";
import { rateLimited, stateNotSaved, unexpected } from "./messages.js";
import type { SlidingWindowLimiter } from "./rate-limit.js";
import { setTimeout as sleep } from "node:timers/promises";
import type { Router } from "./router.js";
import { DelayedData } from "./route.js";
import type { SecretRuntime } from "./route.js";
import type { StateFile } from "./state-file.js";
import type { Store } from "./store.js";

export interface ProcessorDeps {
  account: string;
  token: string;
  store: Store;
  router: Router;
  limiter: SlidingWindowLimiter | undefined;
  stateFile: StateFile | undefined;
  maxBodyBytes: number;
  duplicateStatus: 400 | 409;
  identifierMaxLength: 64 | 128;
  accountMismatchStatus: 401 | 403;
  missingConnectorStatus: 400 | 404;
  missingInputSetStatus: 400 | 404;
  missingTemplateStatus: 400 | 404;
  defaultStoreType: "INLINE" | "REMOTE";
  checkTemplateInputs: boolean;
  secrets: SecretRuntime;
  log: (line: string) => void;
}

export async function processRequest(req: IncomingMessage, correlationId: string, deps: ProcessorDeps): Promise<Reply> {
  try {
    return await run(req, correlationId, deps);
  } catch (error) {
    if (error instanceof ApiError) return errorReply(error, correlationId);
    deps.log(`internal error (correlationId ${correlationId}): ${error instanceof Error ? error.message : String(error)}`);
    return errorReply(new ApiError(500, "UNKNOWN_ERROR", unexpected), correlationId);
  }
}

async function run(req: IncomingMessage, correlationId: string, deps: ProcessorDeps): Promise<Reply> {
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const key = presentedKey(req.headers);
  if (deps.limiter !== undefined) {
    const bucket = key === undefined ? `address:${req.socket.remoteAddress ?? ""}` : `key:${keyFingerprint(key)}`;
    if (!deps.limiter.admit(bucket, Date.now())) throw new ApiError(429, "TOO_MANY_REQUESTS", rateLimited);
  }
  const { route, params } = deps.router.match(req.method ?? "GET", url.pathname);
  const account = authorize(req.headers, url.searchParams, deps);

  let text = "";
  let body: unknown;
  if (route.accepts !== undefined && !(route.bodyOptional === true && !hasBody(req))) {
    const media = requireMedia(req, route.accepts);
    text = await readBody(req, deps.maxBodyBytes);
    if (text.trim() !== "" && route.rawBody !== true) body = route.yamlText === true ? parseYaml(text) : parseBody(text, media);
  }

  const before = deps.store.changes;
  const data = route.handle({
    params,
    query: url.searchParams,
    body,
    text,
    contentType: req.headers["content-type"] ?? "",
    account,
    store: deps.store,
    now: Date.now(),
    duplicateStatus: deps.duplicateStatus,
    identifierMaxLength: deps.identifierMaxLength,
    missingConnectorStatus: deps.missingConnectorStatus,
    missingInputSetStatus: deps.missingInputSetStatus,
    origin: `http://${req.headers.host ?? "127.0.0.1"}`,
    missingTemplateStatus: deps.missingTemplateStatus,
    checkTemplateInputs: deps.checkTemplateInputs,
    defaultStoreType: deps.defaultStoreType,
    secrets: deps.secrets,
  });
  if (deps.stateFile !== undefined && deps.store.changes !== before) {
    try {
      await deps.stateFile.commit();
    } catch (error) {
      deps.log(`could not save the state file: ${error instanceof Error ? error.message : String(error)}`);
      throw new ApiError(500, "UNKNOWN_ERROR", stateNotSaved);
    }
  }
  if (data instanceof DelayedData) {
    // Unref'd: a held answer never keeps a closing emulator's process alive.
    await sleep(data.ms, undefined, { ref: false });
    return jsonReply(200, successBody(data.data, correlationId));
  }
  return jsonReply(200, successBody(data, correlationId));
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}
