/**
 * What controls how stages and steps run: failure strategies, conditional execution (`when`) and
 * looping strategies. Shared by pipeline, stage, step group and step nodes.
 */
import { closed, enumOf, exprOr, stringList, text, timeout, typedSpec, type Schema } from "./common.js";

export const FAILURE_ERROR_TYPES: readonly string[] = [
  "Unknown", "AllErrors", "Authentication", "Connectivity", "Timeout", "Authorization", "Verification",
  "DelegateProvisioning", "PolicyEvaluationFailure", "InputTimeoutError", "ApprovalRejection", "DelegateRestart",
  "UserMarkedFailure", "InfrastructureFailure", "PluginImageFailure", "ResourceLimitsFailure", "ConfigurationFailure",
  "RetryableTransientFailure",
];

export const FAILURE_ACTION_TYPES: readonly string[] = [
  "Ignore", "Retry", "MarkAsSuccess", "Abort", "StageRollback", "StepGroupRollback", "PipelineRollback",
  "ManualIntervention", "ProceedWithDefaultValues", "MarkAsFailure", "RetryStepGroup",
];

/** The action taken once retries or a manual wait run out: any action without a spec of its own. */
const followUpAction: Schema = closed({ action: typedSpec(FAILURE_ACTION_TYPES, "failure action type", {}, { closed: true }) }, ["action"]);

const retryCount: Schema = exprOr({ type: "integer", minimum: 1 }, "a whole number of retries (1 or more)");

const failureAction: Schema = typedSpec(
  FAILURE_ACTION_TYPES,
  "failure action type",
  {
    Retry: closed(
      { retryCount, retryIntervals: exprOr(stringList, "a list of durations such as [10s, 1m]"), onRetryFailure: followUpAction, condition: text },
      ["retryCount", "retryIntervals"],
    ),
    ManualIntervention: closed({ timeout, onTimeout: followUpAction }, ["timeout"]),
    RetryStepGroup: closed({ retryCount, retryIntervals: exprOr(stringList, "a list of durations such as [10s, 1m]") }),
  },
  { closed: true },
);

const failureStrategy: Schema = closed(
  {
    onFailure: closed(
      {
        errors: { type: "array", minItems: 1, items: enumOf(FAILURE_ERROR_TYPES, "failure error type") },
        action: failureAction,
      },
      ["errors", "action"],
    ),
  },
  ["onFailure"],
);

export const failureStrategies: Schema = exprOr({ type: "array", items: failureStrategy }, "a list of failure strategies");

const statuses = ["Success", "Failure", "All"];
export const stageWhen: Schema = exprOr(
  closed({ pipelineStatus: enumOf(statuses, "pipeline status"), condition: text }, ["pipelineStatus"]),
  "a map with pipelineStatus",
);
export const stepWhen: Schema = exprOr(
  closed({ stageStatus: enumOf(statuses, "stage status"), condition: text }, ["stageStatus"]),
  "a map with stageStatus",
);

/** Matrix, parallelism and repeat: many shapes, checked by Harness; the kit only wants a map. */
export const strategy: Schema = exprOr({ type: "object" }, "a map (matrix, parallelism or repeat)");
