/**
 * `POST /ng/api/connectors/testConnection/{identifier}` (shared/harness-api-secrets.md §5): 200 with
 * a ConnectorValidationResult whatever the outcome — FAILURE when a referenced secret is missing,
 * the spec is invalid, or the connector is named in `testConnection.fail` — and an HTTP error only
 * when no delegate can run the test (`testConnection.noDelegate`; code UNCONFIRMED). The result is
 * kept on the connector, as Harness does, so its GET shows it.
 */
import { ApiError } from "../envelopes.js";
import { isObject } from "../fields.js";
import type { Json } from "../fields.js";
import type { Route, RouteContext } from "../route.js";
import { DelayedData } from "../route.js";
import { queryScope } from "../scope.js";
import { firstBadSecretRef } from "../secret-refs.js";
import type { EntityRecord } from "../store.js";
import { checkSpec } from "./connector-spec.js";
import { FieldChecker } from "../fields.js";

interface Outcome {
  status: "SUCCESS" | "FAILURE";
  errorSummary: string | null;
  errors: { reason: string; message: string; code: number }[];
}

function specProblem(record: EntityRecord): string | undefined {
  const { type, spec } = record.entity;
  if (typeof type !== "string" || !isObject(spec)) return "Invalid connector yaml";
  try {
    const check = new FieldChecker("connector");
    checkSpec(type, spec, check);
    check.done();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : "Invalid connector yaml";
  }
}

function outcomeOf(ctx: RouteContext, record: EntityRecord): Outcome {
  const secret = firstBadSecretRef(ctx.store, record.entity.spec, record);
  if (secret !== undefined) {
    return { status: "FAILURE", errorSummary: `Secret not found (${secret})`, errors: [{ reason: "Secret not found", message: "Check that every secret the connector references exists in its scope.", code: 404 }] };
  }
  const spec = specProblem(record);
  if (spec !== undefined) return { status: "FAILURE", errorSummary: "Invalid connector yaml", errors: [{ reason: spec, message: "Fix the connector's spec.", code: 400 }] };
  if (ctx.secrets.testConnection.fail?.includes(record.identifier)) {
    return {
      status: "FAILURE",
      errorSummary: "Error Encountered (Invalid credentials)",
      errors: [{ reason: "Invalid credentials", message: "Check the username and the secret's value, then test again.", code: 450 }],
    };
  }
  return { status: "SUCCESS", errorSummary: null, errors: [] };
}

export const testConnectionRoutes: Route[] = [
  {
    method: "POST",
    path: "/ng/api/connectors/testConnection/{identifier}",
    accepts: ["json"],
    bodyOptional: true,
    handle(ctx) {
      const scope = queryScope(ctx);
      const id = ctx.params.identifier as string;
      const record = ctx.store.get({ kind: "connector", ...scope, identifier: id });
      if (record === undefined) throw new ApiError(400, "CONNECTOR_NOT_FOUND_EXCEPTION", `No connector found with identifier ${id}`); // [source-code]
      const latency = ctx.secrets.testConnection.latencyMs ?? 0;
      const delegateId = `emulated-delegate-${ctx.account.slice(0, 6)}`;
      if (ctx.secrets.testConnection.noDelegate?.includes(id)) {
        ctx.store.put({ ...record, connectivity: { status: "FAILURE", errorSummary: "No delegate available", errors: [], testedAt: ctx.now, lastTestedAt: ctx.now, lastConnectedAt: 0 } });
        throw new ApiError(400, "DELEGATE_NOT_AVAILABLE", "Delegates are not available for performing operation."); // [UNCONFIRMED]
      }
      const outcome = outcomeOf(ctx, record);
      const lastConnectedAt = outcome.status === "SUCCESS" ? ctx.now : ((record.connectivity?.lastConnectedAt as number | undefined) ?? 0);
      const connectivity: Json = { ...outcome, testedAt: ctx.now, lastTestedAt: ctx.now, lastConnectedAt };
      ctx.store.put({ ...record, connectivity });
      const data = { ...outcome, testedAt: ctx.now, delegateId, taskId: null };
      return latency > 0 ? new DelayedData(data, latency) : data;
    },
  },
];
