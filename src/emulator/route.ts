/** What a handler gets and gives: the parsed request in, the success envelope's `data` out. */
import { ApiError } from "./envelopes.js";
import type { MediaKind } from "./http-io.js";
import type { Store } from "./store.js";
import type { SecretOptions, TestConnectionOptions } from "./types.js";

/** Per-emulator state and switches the secret and connector handlers share. */
export interface SecretRuntime {
  options: Required<SecretOptions>;
  testConnection: TestConnectionOptions;
  /** Secret address key → until when (epoch ms) it still counts as referenced by a deleted connector. */
  lingering: Map<string, number>;
}

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export interface RouteContext {
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The body parsed from JSON or YAML (undefined for routes without a body). */
  body: unknown;
  /** The body exactly as received (pipelines store it verbatim). */
  text: string;
  /** The Content-Type header as sent (multipart bodies need its boundary). */
  contentType: string;
  /** The account the API key is authorized for (equals the `accountIdentifier` query). */
  account: string;
  store: Store;
  /** Milliseconds since the epoch, fixed for the request. */
  now: number;
  duplicateStatus: 400 | 409;
  /** Longest entity identifier a create or update accepts (see EmulatorOptions). */
  identifierMaxLength: 64 | 128;
  missingConnectorStatus: 400 | 404;
  /** A missing input set on GET: 404 as current servers answer (default) or 400 as older builds did. */
  missingInputSetStatus: 400 | 404;
  /** `http://host:port` as the client addressed the emulator (webhook URLs point back at it). */
  origin: string;
  /** A missing template version on GET (see EmulatorOptions). */
  missingTemplateStatus: 400 | 404;
  /** Pipeline and template saves check templateInputs against the templates' runtime inputs. */
  checkTemplateInputs: boolean;
  /** Where a pipeline or template create without `storeType` is stored (see store-type.ts). */
  defaultStoreType: "INLINE" | "REMOTE";
  secrets: SecretRuntime;
}

export interface Route {
  method: Method;
  /** Path without the `/gateway` prefix; `{name}` segments become `params.name`. */
  path: string;
  /** Content types the body may have; routes without it take no body. */
  accepts?: readonly MediaKind[];
  /** Parse the body as YAML whatever its content type (pipelines: JSON is YAML too). */
  yamlText?: boolean;
  /** Hand the body to the handler unparsed (`text` only): it words parse errors itself (triggers). */
  rawBody?: boolean;
  /** The body may be left out entirely (no Content-Type needed then). */
  bodyOptional?: boolean;
  /** Synchronous on purpose: a handler's checks and its change cannot interleave with another request's. */
  handle(ctx: RouteContext): unknown;
}

/** A handler's answer that leaves only after `ms` (the request's work is already done). */
export class DelayedData {
  constructor(
    readonly data: unknown,
    readonly ms: number,
  ) {}
}

/** Harness's duplicate-identifier error (400 by its code; 409 when the emulator is told so). */
export function duplicate(ctx: RouteContext, message: string): ApiError {
  return new ApiError(ctx.duplicateStatus, "DUPLICATE_FIELD", message);
}

/** A connector that is not there: 400 INVALID_REQUEST by default (see EmulatorOptions). */
export function missingConnector(ctx: RouteContext, message: string): ApiError {
  return ctx.missingConnectorStatus === 404 ? new ApiError(404, "RESOURCE_NOT_FOUND", message) : new ApiError(400, "INVALID_REQUEST", message);
}

export function notFound(message: string, code = "RESOURCE_NOT_FOUND"): ApiError {
  return new ApiError(404, code, message);
}

export function invalidRequest(message: string): ApiError {
  return new ApiError(400, "INVALID_REQUEST", message);
}
