/**
 * What triggers and input sets share: both live under a pipeline of a project, named by a query
 * parameter (`targetIdentifier` for triggers, `pipelineIdentifier` for input sets) that Harness
 * declares @NotNull, and both need that pipeline to exist before they are saved.
 */
import { ApiError } from "../envelopes.js";
import type { RouteContext } from "../route.js";
import { requireProjectScope } from "../scope.js";
import type { Scope } from "../store.js";

export type ProjectScope = Scope & { org: string; project: string };

/** Project scope plus the pipeline query parameter; 400 FailureDTO when it is missing. */
export function childScope(ctx: RouteContext, param: "targetIdentifier" | "pipelineIdentifier"): { scope: ProjectScope; pipeline: string } {
  const scope = requireProjectScope(ctx);
  const pipeline = ctx.query.get(param);
  if (pipeline === null || pipeline === "") {
    throw new ApiError(400, "INVALID_REQUEST", `${param}: must not be null`, { fieldErrors: [{ fieldId: param, error: "must not be null" }] });
  }
  return { scope, pipeline };
}

export function pipelineExists(ctx: RouteContext, scope: Scope, pipeline: string): boolean {
  return ctx.store.get({ kind: "pipeline", ...scope, identifier: pipeline }) !== undefined;
}

export const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value : undefined);
