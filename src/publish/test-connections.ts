/**
 * Harness's connection test for each connector (`POST /ng/api/connectors/testConnection/{id}`,
 * shared/harness-api-secrets.md §5): concurrently within the client's rate limit, each with its
 * own 150 s timeout (Harness gives the delegate task 2 min). A test that ran answers 200 with
 * SUCCESS or FAILURE; an HTTP error (no delegate, missing connector) counts as a failure too.
 */
import { isKitError } from "../errors.js";
import type { HarnessClient } from "../harness/client.js";
import type { LocalEntity } from "../plan/local-entities.js";
import { mapLimit } from "../plan/map-limit.js";
import type { ConnectOptions } from "../plan/session.js";
import { connect, DEFAULT_CONCURRENCY, interrupted, readValidated } from "../plan/session.js";

export const CONNECTION_TEST_TIMEOUT_MS = 150_000;

export interface ConnectionTest {
  identifier: string;
  file: string;
  status: "SUCCESS" | "FAILURE";
  /** FAILURE: Harness's errorSummary, or the HTTP error's one line. */
  errorSummary?: string;
  /** FAILURE: Harness's own hint (the errors' reasons and messages). */
  hint?: string;
}

interface ValidationResult {
  status?: string;
  errorSummary?: string | null;
  errors?: { reason?: string; message?: string }[] | null;
}

async function testOne(client: HarnessClient, connector: LocalEntity, timeoutMs: number): Promise<ConnectionTest> {
  const base = { identifier: connector.identifier, file: connector.file };
  try {
    const data = await client.send<ValidationResult>({
      method: "POST",
      path: `/ng/api/connectors/testConnection/${encodeURIComponent(connector.identifier)}`,
      query: { orgIdentifier: connector.org, projectIdentifier: connector.project },
      json: {},
      timeoutMs,
    });
    if (data?.status === "SUCCESS") return { ...base, status: "SUCCESS" };
    const hints = (data?.errors ?? []).map((e) => [e.reason, e.message].filter(Boolean).join(": ")).filter((h) => h !== "");
    return {
      ...base,
      status: "FAILURE",
      errorSummary: data?.errorSummary ?? `status ${data?.status ?? "unknown"}`,
      ...(hints.length > 0 ? { hint: hints.join("; ") } : {}),
    };
  } catch (error) {
    if (!isKitError(error)) throw error;
    return { ...base, status: "FAILURE", errorSummary: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  }
}

export async function runConnectionTests(
  client: HarnessClient,
  connectors: readonly LocalEntity[],
  options: { concurrency?: number; signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<ConnectionTest[]> {
  const timeout = options.timeoutMs ?? CONNECTION_TEST_TIMEOUT_MS;
  return mapLimit(connectors, options.concurrency ?? DEFAULT_CONCURRENCY, (c) => testOne(client, c, timeout), options.signal);
}

export interface TestConnectionsResult {
  ok: boolean;
  endpoint: string;
  account: string;
  tests: ConnectionTest[];
}

/** `harness-scaffold test-connections [DIR...]`: tests the connectors the files describe (validated first). */
export async function testConnections(options: ConnectOptions & { timeoutMs?: number }): Promise<TestConnectionsResult> {
  const { dirs, entities } = await readValidated(options);
  const session = await connect(options, dirs);
  try {
    const tests = await runConnectionTests(session.client, entities.filter((e) => e.kind === "connector"), options);
    return { ok: tests.every((t) => t.status === "SUCCESS"), endpoint: session.client.endpoint, account: session.client.account, tests };
  } catch (error) {
    throw interrupted(options.signal, error, "nothing was changed; run the tests again");
  } finally {
    await session.close();
  }
}
