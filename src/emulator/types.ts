/**
 * Public shapes of the local Harness API emulator: what `startEmulator` takes and returns.
 * Behaviour and sources: README "Emulator" section and shared/harness-api.md.
 */

/**
 * A transient failure the emulator can inject. A bare kind fails the request before anything is
 * applied; the `-after-store` kinds run the request (a create really creates) and only then fail
 * the response — the case that makes naive retrying clients create duplicates.
 * - `429`, `500`, `502`, `503`, `504`: that status with an ErrorDTO body.
 * - `html`: a 502 whose body is a proxy's HTML page, not JSON.
 * - `reset`: the connection is destroyed without a response.
 * - `timeout`: nothing is answered for `delayMs`, then the connection is destroyed;
 *   `timeout-after-store` answers normally but only after `delayMs` (past a client's timeout).
 * - `truncated`: the real response, cut in half mid-JSON (always after the request ran).
 */
export type FaultKind =
  | "429"
  | "500"
  | "502"
  | "503"
  | "504"
  | "html"
  | "reset"
  | "timeout"
  | "truncated"
  | "500-after-store"
  | "502-after-store"
  | "503-after-store"
  | "504-after-store"
  | "html-after-store"
  | "reset-after-store"
  | "timeout-after-store";

export interface Fault {
  kind: FaultKind;
  /** For `timeout` kinds: how long to hold the response (default: the emulator's `delayMs`). */
  delayMs?: number;
  /** Injected faults only: wait for a request with this method (e.g. "POST")… */
  method?: string;
  /** …and whose path (without `/gateway`) contains this, e.g. "/pipeline/api/pipelines". */
  path?: string;
}

export interface FaultOptions {
  /** Fraction of requests (0..1) that fail. */
  rate: number;
  /** Which kinds to pick from (uniformly); default: every kind. */
  kinds?: readonly FaultKind[];
  /** Same seed and same request order → same faults. Default: random (see `RunningEmulator.faultSeed`). */
  seed?: number;
  /** How long `timeout` faults hold a response; default 35 s (past common 30 s client timeouts). */
  delayMs?: number;
}

/** Harness's limit for "external API" calls, 400 a minute per `x-api-key` (harness-api.md §3). */
export const HARNESS_RATE_LIMIT: Readonly<RateLimitOptions> = Object.freeze({ requests: 400, windowMs: 60_000 });

export interface RateLimitOptions {
  /** Requests allowed per API key within any window of `windowMs` (sliding window). */
  requests: number;
  windowMs: number;
}

/** Connection tests (`POST /ng/api/connectors/testConnection/{id}`), for tests of their callers. */
export interface TestConnectionOptions {
  /** Connectors (identifiers) whose test answers 200 FAILURE, as bad credentials would. */
  fail?: readonly string[];
  /**
   * Connectors whose test finds no delegate: an HTTP 400 ErrorDTO (code DELEGATE_NOT_AVAILABLE).
   * Harness rethrows that case as an error; its exact code and status are UNCONFIRMED.
   */
  noDelegate?: readonly string[];
  /** Added to every test's answer time, in ms (a real test runs on a delegate, up to 2 min). */
  latencyMs?: number;
}

/** Secret behaviours whose details are not confirmed (shared/harness-api-secrets.md), each switchable. */
export interface SecretOptions {
  /**
   * For this long (ms) after a project or org is created its `harnessSecretManager` does not exist
   * yet: Harness creates it from an async event (mechanism CONFIRMED, symptom LIKELY). Default 0.
   */
  managerDelayMs?: number;
  /**
   * For this long (ms) after a connector is deleted, its secrets still count as referenced
   * (usages are cleared by an async event; LIKELY). Default 0.
   */
  referenceReleaseMs?: number;
  /** Accept `-` in secret identifiers, as Harness's docs say (the server code read refuses it: UNCONFIRMED). */
  allowHyphens?: boolean;
  /**
   * A GET of a missing secret: 400 RESOURCE_NOT_FOUND_EXCEPTION (newer code, the default) or
   * 200 with `data: null` (older code), which clients must also read as absent (CONFIRMED both).
   */
  missingGet?: "400" | "200-null";
  /**
   * Identifiers whose create or update an OPA policy denies: Harness answers 200 without
   * `data.secret` and with `governanceMetadata` filled in, and saves nothing (CONFIRMED).
   */
  policyDeny?: readonly string[];
}

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Account id; default a random 22-character id like Harness's (or the token's account). */
  account?: string;
  /** API token `pat.<account>.<tokenId>.<secret>`; default a random one for the account. */
  token?: string;
  /** JSON file that keeps every acknowledged change; reloaded on start. Default: memory only. */
  stateFile?: string;
  /**
   * Requests per API key, then 429. Default Harness's documented limit for calls with an
   * `x-api-key` (HARNESS_RATE_LIMIT: 400 a minute); `false` turns it off.
   */
  rateLimit?: RateLimitOptions | false;
  /** Status of duplicate-identifier errors: 400 as Harness's code says (default), 409 as some clients assume. */
  duplicateStatus?: 400 | 409;
  /**
   * Keep the identifiers of deleted organizations, projects, pipelines and triggers taken: a create
   * with one fails as a duplicate (Harness's messages say "or was deleted"; that soft-deleted
   * identifiers collide is inferred). Default false: a deleted identifier is free again.
   */
  reserveDeletedIdentifiers?: boolean;
  /**
   * Longest entity identifier accepted: 128 as current Harness code (default) or 64 as older code
   * capped it. Which one an account gets is UNCONFIRMED.
   */
  identifierMaxLength?: 64 | 128;
  /**
   * A valid key used with another `accountIdentifier`: 403 NG_ACCESS_DENIED (default, the
   * recommendation of shared/harness-api.md) or 401 INVALID_TOKEN. Harness's answer is unconfirmed.
   */
  accountMismatchStatus?: 401 | 403;
  /**
   * A missing connector on GET/PUT/DELETE: 400 INVALID_REQUEST as in the server code seen (default)
   * or 404 RESOURCE_NOT_FOUND as newer servers may answer. Same message either way.
   */
  missingConnectorStatus?: 400 | 404;
  /**
   * A missing input set on GET: 404 ENTITY_NOT_FOUND as current servers answer (default) or
   * 400 INVALID_REQUEST as older builds did (harness-api-triggers.md §4). Same message either way.
   */
  missingInputSetStatus?: 400 | 404;
  /**
   * GET of a template version that does not exist: 400 FAILURE RESOURCE_NOT_FOUND_EXCEPTION as
   * one of Harness's exception mappers answers (default) or 404 ENTITY_NOT_FOUND. Unconfirmed.
   */
  missingTemplateStatus?: 400 | 404;
  /**
   * The account's Git Experience default for new pipelines and templates. Under "REMOTE" a create
   * without `storeType=INLINE` is refused (the emulator keeps no Git). Default "INLINE" (LIKELY).
   */
  defaultStoreType?: "INLINE" | "REMOTE";
  /**
   * Refuse pipeline and template saves whose templateInputs do not fit the template's runtime
   * inputs (400 TEMPLATE_EXCEPTION; default true). Harness's exact behaviour is only likely.
   */
  templateInputsCheck?: boolean;
  testConnection?: TestConnectionOptions;
  secrets?: SecretOptions;
  /** Shorthand for `faults: { rate: faultRate, seed }`. */
  faultRate?: number;
  seed?: number;
  faults?: FaultOptions;
  /** Larger request bodies get 413. Default 5 MiB. */
  maxBodyBytes?: number;
  /** One line per request (method, path, status, time); never headers or bodies. */
  log?: (line: string) => void;
}

export interface RunningEmulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4010`. */
  url: string;
  account: string;
  token: string;
  /** The seed faults are drawn from (undefined when faults are off). */
  faultSeed: number | undefined;
  /**
   * Test hook: queue faults; each hits the next request that matches its `method`/`path` (any
   * request when it has neither), in arrival order, before any random fault.
   */
  injectFaults(faults: readonly (Fault | FaultKind)[]): void;
  /**
   * Test hook: true when the secret exists and holds `value` (compared through its salted digest;
   * the emulator keeps no value). `scope` is "account", "org/ORG" or "org/ORG/PROJECT".
   */
  secretHolds(scope: string, identifier: string, value: string): boolean;
  close(): Promise<void>;
}
