/** Reading request bodies (with a size limit) and classifying content types, on plain node:http. */
import type { IncomingMessage } from "node:http";
import { ApiError } from "./envelopes.js";
import { bodyTooLarge, unsupportedMedia } from "./messages.js";

export type MediaKind = "json" | "yaml" | "multipart";

const MEDIA: Readonly<Record<string, MediaKind>> = {
  "application/json": "json",
  "application/yaml": "yaml",
  "application/x-yaml": "yaml",
  "text/yaml": "yaml",
  "text/x-yaml": "yaml",
  "multipart/form-data": "multipart",
};

/** The media type without parameters (`application/json; charset=utf-8` → `application/json`). */
export function mediaType(req: IncomingMessage): string | undefined {
  const header = req.headers["content-type"];
  if (header === undefined || header.trim() === "") return undefined;
  return header.split(";")[0]?.trim().toLowerCase();
}

/** What the body is, or 415 when the route does not take that content type. */
export function requireMedia(req: IncomingMessage, accepted: readonly MediaKind[]): MediaKind {
  const type = mediaType(req);
  const kind = type === undefined ? undefined : MEDIA[type];
  if (kind === undefined || !accepted.includes(kind)) {
    const names = Object.entries(MEDIA)
      .filter(([name, k]) => accepted.includes(k) && !name.includes("x-"))
      .map(([name]) => name);
    throw new ApiError(415, "MEDIA_NOT_SUPPORTED", unsupportedMedia(req.headers["content-type"], names));
  }
  return kind;
}

/**
 * Reads the whole body as UTF-8. Over the limit it answers 413 — the standard status for an
 * oversized body (RFC 9110 §15.5.14) and what proxies in front of an API send; Harness's own
 * ErrorCode enum has no body-size code, so such a refusal comes from its edge, not the app.
 * The rest of the upload is drained (up to a bound) so the client can read the answer.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    drain(req, limit);
    return Promise.reject(new ApiError(413, "INVALID_REQUEST", bodyTooLarge(limit), { headers: { connection: "close" } }));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        drain(req, limit);
        reject(new ApiError(413, "INVALID_REQUEST", bodyTooLarge(limit), { headers: { connection: "close" } }));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!failed) resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", (error) => {
      if (!failed) reject(error);
    });
  });
}

/** Discards the rest of an upload; gives up (closes the socket) after ten times the limit. */
function drain(req: IncomingMessage, limit: number): void {
  let discarded = 0;
  req.removeAllListeners("data");
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > limit * 10) req.socket.destroy();
  });
  req.resume();
}
