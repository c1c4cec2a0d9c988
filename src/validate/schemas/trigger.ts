/**
 * Pipeline triggers (harness-api-triggers.md §2–§3): webhook triggers for GitHub push and pull
 * request events, cron triggers (UNIX and QUARTZ). Other sources and providers are accepted with an
 * open spec: the kit models what it renders and what users most often write by hand.
 */
import { anyObject, closed, entityHeader, enumOf, identifier, nonEmptyText, stringListOrExpr, text, typedSpec, type Schema } from "./common.js";

export const TRIGGER_SOURCE_TYPES: readonly string[] = ["Webhook", "Scheduled", "Artifact", "Manifest", "MultiRegionArtifact", "SystemEvent"];
export const WEBHOOK_TYPES: readonly string[] = ["Github", "Gitlab", "Bitbucket", "AzureRepo", "Custom", "AwsCodeCommit", "Harness", "EventRelay", "HarnessArtifactRegistry"];
export const GITHUB_EVENTS: readonly string[] = ["PullRequest", "Push", "IssueComment", "Release", "Delete", "Create", "PullRequestReview", "MergeQueue"];
export const PR_ACTIONS: readonly string[] = ["Close", "Edit", "Open", "Reopen", "Label", "Unlabel", "Synchronize", "ReadyForReview"];
export const CONDITION_OPERATORS: readonly string[] = ["In", "Equals", "NotEquals", "NotIn", "Regex", "EndsWith", "StartsWith", "Contains", "DoesNotContain"];

const condition: Schema = closed(
  { key: nonEmptyText, operator: enumOf(CONDITION_OPERATORS, "condition operator"), value: { type: ["string", "number", "boolean"] } },
  ["key", "operator", "value"],
);
const conditions: Schema = { type: "array", items: condition };

const githubEventFields: Record<string, Schema> = {
  connectorRef: nonEmptyText,
  repoName: text,
  autoAbortPreviousExecutions: { type: "boolean" },
  payloadConditions: conditions,
  headerConditions: conditions,
  jexlCondition: text,
};

const githubPush: Schema = closed({ ...githubEventFields, actions: { type: "array", maxItems: 0 } }, ["connectorRef"]);
const githubPullRequest: Schema = closed(
  { ...githubEventFields, actions: { type: "array", items: enumOf(PR_ACTIONS, "pull request action") } },
  ["connectorRef"],
);

const github: Schema = typedSpec(GITHUB_EVENTS, "GitHub event", { Push: githubPush, PullRequest: githubPullRequest }, { required: ["spec"], closed: true });
const webhook: Schema = typedSpec(WEBHOOK_TYPES, "webhook type", { Github: github }, { required: ["spec"], closed: true });

const cron: Schema = closed(
  { type: enumOf(["UNIX", "QUARTZ"], "cron type"), expression: nonEmptyText, timezone: nonEmptyText },
  ["expression"],
);
const scheduled: Schema = typedSpec(["Cron"], "schedule type", { Cron: cron }, { required: ["spec"], closed: true });

const source: Schema = typedSpec(TRIGGER_SOURCE_TYPES, "trigger source type", { Webhook: webhook, Scheduled: scheduled }, {
  properties: { pollInterval: text, webhookId: text },
  required: ["spec"],
  closed: true,
});

export const triggerSchema: Schema = closed(
  {
    trigger: closed(
      {
        ...entityHeader,
        enabled: { type: "boolean" },
        pipelineIdentifier: identifier,
        pipelineBranchName: text,
        inputYaml: text,
        inputSetRefs: stringListOrExpr,
        stagesToExecute: stringListOrExpr,
        encryptedWebhookSecretIdentifier: text,
        source,
      },
      ["name", "identifier", "orgIdentifier", "projectIdentifier", "pipelineIdentifier", "source"],
    ),
  },
  ["trigger"],
  { "x-unknown": "error" },
);

/** Values under `inputSet.pipeline` follow the pipeline's own shape; the run-input rules check them. */
const inputSetPipeline: Schema = { type: "object", properties: { identifier }, required: ["identifier"] };

export const inputSetSchema: Schema = {
  ...closed(
    {
      inputSet: closed({ ...entityHeader, pipeline: inputSetPipeline, gitDetails: anyObject }, ["name", "identifier", "orgIdentifier", "projectIdentifier", "pipeline"]),
      overlayInputSet: closed(
        { ...entityHeader, pipelineIdentifier: identifier, inputSetReferences: { type: "array", items: nonEmptyText, minItems: 1 }, gitDetails: anyObject },
        ["name", "identifier", "orgIdentifier", "projectIdentifier", "pipelineIdentifier", "inputSetReferences"],
      ),
    },
    [],
    { "x-unknown": "error" },
  ),
  "x-one-key-of": ["inputSet", "overlayInputSet"],
};
