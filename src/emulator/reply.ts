/** A finished answer, before it is written: status, headers and body text. */
import type { ServerResponse } from "node:http";
import type { ApiError } from "./envelopes.js";
import { errorBody } from "./envelopes.js";

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(value) };
}

export function errorReply(error: ApiError, correlationId: string): Reply {
  return jsonReply(error.status, errorBody(error, correlationId), error.headers);
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const body = Buffer.from(reply.body, "utf8");
  res.writeHead(reply.status, { ...reply.headers, "content-length": String(body.length) });
  res.end(body);
}
