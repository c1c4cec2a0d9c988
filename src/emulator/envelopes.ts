/**
 * Harness's three response bodies (shared/harness-api.md §1.1, §2):
 * - ResponseDTO `{status:"SUCCESS", data, metaData, correlationId}` for every success (HTTP 200);
 * - ErrorDTO `{status:"ERROR", code, message, correlationId, detailedMessage, responseMessages, metadata}`
 *   for business errors;
 * - FailureDTO `{status:"FAILURE", code:"INVALID_REQUEST", message, correlationId, errors:[{fieldId, error}]}`
 *   for field validation of request bodies (always 400).
 * Plus the finished `Reply` (status, headers, text) that the server writes.
 */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";

export interface FieldError {
  fieldId: string;
  error: string;
}

/** A failure a handler reports; the server turns it into an ErrorDTO or FailureDTO. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Present for field validation failures (FailureDTO). */
  readonly fieldErrors: readonly FieldError[] | undefined;
  readonly headers: Record<string, string>;
  /** ErrorDTO `metadata` (e.g. the list of schema errors); null when absent. */
  readonly metadata: Record<string, unknown> | null;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { fieldErrors?: readonly FieldError[]; headers?: Record<string, string>; metadata?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.headers = options.headers ?? {};
    this.metadata = options.metadata ?? null;
  }
}

/**
 * Field validation failure. Harness names each field by the last node of the violation's property
 * path and builds the message from `path: message` pairs (bean validation's own format).
 */
export function fieldFailure(errors: readonly { path: string; error: string }[]): ApiError {
  const fieldErrors = errors.map((e) => ({ fieldId: e.path.split(".").at(-1) ?? e.path, error: e.error }));
  const message = errors.map((e) => `${e.path}: ${e.error}`).join(", ");
  return new ApiError(400, "INVALID_REQUEST", message, { fieldErrors });
}

export function newCorrelationId(): string {
  return randomUUID();
}

export function successBody(data: unknown, correlationId: string): Record<string, unknown> {
  return { status: "SUCCESS", data, metaData: null, correlationId };
}

export function errorBody(error: ApiError, correlationId: string): Record<string, unknown> {
  if (error.fieldErrors !== undefined) {
    return { status: "FAILURE", code: error.code, message: error.message, correlationId, errors: error.fieldErrors };
  }
  return {
    status: "ERROR",
    code: error.code,
    message: error.message,
    correlationId,
    detailedMessage: null,
    responseMessages: [
      {
        code: error.code,
        level: "ERROR",
        message: error.message,
        exception: null,
        failureTypes: [],
        failureSubTypes: [],
        additionalInfo: {},
      },
    ],
    metadata: error.metadata,
  };
}

/** Harness's page wrapper for list endpoints. */
export function page<T>(items: readonly T[], query: URLSearchParams): Record<string, unknown> {
  const pageIndex = nonNegativeInt(query.get("pageIndex") ?? query.get("page"), 0);
  const pageSize = Math.max(1, nonNegativeInt(query.get("pageSize") ?? query.get("size"), 50));
  const content = items.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize);
  return {
    totalPages: Math.ceil(items.length / pageSize),
    totalItems: items.length,
    pageItemCount: content.length,
    pageSize,
    content,
    pageIndex,
    empty: content.length === 0,
  };
}

function nonNegativeInt(text: string | null, fallback: number): number {
  if (text === null || !/^\d{1,9}$/.test(text)) return fallback;
  return Number(text);
}

/** A finished answer, before it is written: status, headers and body text. */
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
