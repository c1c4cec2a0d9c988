/**
 * Specs of the step types the kit renders or that people commonly hand-write. Each is closed (an
 * unknown key is a warning with a suggestion) except where Harness keeps adding fields.
 */
import {
  anyObject, boolOrExpr, closed, enumOrExpr, exprOr, nonEmptyText, oneKeyOf, stringList, stringListOrExpr, text, timeout,
  pipelineDefinition, type Schema,
} from "./common.js";

const delegateSelectors = stringListOrExpr;
const variables = pipelineDefinition("variables");
const stringMapOrExpr: Schema = exprOr({ type: "object", additionalProperties: { type: "string" } }, "a map of key: value");
const commandFlags: Schema = exprOr({ type: "array", items: anyObject }, "a list of command flags");
/** CI steps name output variables only (`- name: VERSION`), CD steps give a type and value too. */
const outputNames: Schema = { type: "array", items: { type: "object", properties: { name: nonEmptyText }, required: ["name"] } };

const shellScript: Schema = closed(
  {
    shell: enumOrExpr(["Bash", "PowerShell"], "shell"),
    source: {
      type: "object",
      properties: { type: { type: "string", enum: ["Inline", "Harness"], "x-label": "script source type" }, spec: anyObject },
      required: ["type", "spec"],
      allOf: [
        { if: { properties: { type: { const: "Inline" } } }, then: { properties: { spec: closed({ script: text }, ["script"]) } } },
        { if: { properties: { type: { const: "Harness" } } }, then: { properties: { spec: closed({ file: nonEmptyText }, ["file"]) } } },
      ],
    },
    onDelegate: boolOrExpr,
    executionTarget: exprOr(closed({ host: text, connectorRef: text, workingDirectory: text }), "a map with host, connectorRef and workingDirectory"),
    environmentVariables: variables,
    outputVariables: variables,
    delegateSelectors,
    includeInfraSelectors: boolOrExpr,
    metadata: text,
    outputAlias: anyObject,
  },
  ["shell", "source"],
);

const run: Schema = closed(
  {
    command: text,
    image: text,
    connectorRef: text,
    registryRef: text,
    shell: enumOrExpr(["Sh", "Bash", "Powershell", "Pwsh", "Python"], "shell"),
    envVariables: stringMapOrExpr,
    outputVariables: outputNames,
    privileged: boolOrExpr,
    reports: anyObject,
    resources: anyObject,
    runAsUser: { type: ["integer", "string"] },
    imagePullPolicy: enumOrExpr(["Always", "Never", "IfNotPresent"], "image pull policy"),
  },
);

const buildAndPushDockerRegistry: Schema = closed(
  {
    connectorRef: text,
    registryRef: text,
    repo: nonEmptyText,
    tags: stringListOrExpr,
    context: text,
    dockerfile: text,
    target: text,
    labels: stringMapOrExpr,
    buildArgs: stringMapOrExpr,
    envVariables: stringMapOrExpr,
    envDockerSecrets: stringMapOrExpr,
    fileDockerSecrets: stringMapOrExpr,
    optimize: boolOrExpr,
    caching: boolOrExpr,
    cacheFrom: stringListOrExpr,
    cacheTo: text,
    remoteCacheRepo: text,
    baseImageConnectorRefs: stringListOrExpr,
    resources: anyObject,
    runAsUser: { type: ["integer", "string"] },
  },
  ["repo", "tags"],
  oneKeyOf("connectorRef", "registryRef"),
);

const k8sRollingDeploy: Schema = closed({ skipDryRun: boolOrExpr, pruningEnabled: boolOrExpr, commandFlags, delegateSelectors });
const k8sRollingRollback: Schema = closed({ pruningEnabled: boolOrExpr, commandFlags, delegateSelectors });

/** Harness keeps adding HTTP options (certificates, input variables): left open. */
const http: Schema = {
  type: "object",
  properties: {
    url: nonEmptyText,
    method: enumOrExpr(["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"], "HTTP method"),
    headers: { type: "array", items: closed({ key: nonEmptyText, value: text }, ["key"]) },
    requestBody: text,
    assertion: text,
    outputVariables: variables,
    delegateSelectors,
  },
  required: ["url", "method"],
};

const harnessApproval: Schema = {
  type: "object",
  properties: {
    approvalMessage: text,
    includePipelineExecutionHistory: boolOrExpr,
    approvers: {
      type: "object",
      properties: {
        userGroups: stringListOrExpr,
        minimumCount: exprOr({ type: "integer", minimum: 1 }, "a whole number (1 or more)"),
        disallowPipelineExecutor: boolOrExpr,
      },
      required: ["minimumCount", "disallowPipelineExecutor"],
    },
    approverInputs: { type: "array" },
  },
  required: ["approvers", "includePipelineExecutionHistory"],
};

/** Step spec per `type`, for the types modelled here; other known types take any spec. */
export const STEP_SPECS: Readonly<Record<string, Schema>> = {
  ShellScript: shellScript,
  Run: run,
  BuildAndPushDockerRegistry: buildAndPushDockerRegistry,
  K8sRollingDeploy: k8sRollingDeploy,
  K8sRollingRollback: k8sRollingRollback,
  Http: http,
  HarnessApproval: harnessApproval,
  Wait: closed({ duration: timeout }, ["duration"]),
  K8sApply: { type: "object", properties: { filePaths: stringListOrExpr, skipDryRun: boolOrExpr, skipSteadyStateCheck: boolOrExpr } },
  K8sDelete: { type: "object", properties: { deleteResources: anyObject }, required: ["deleteResources"] },
  Plugin: { type: "object", properties: { image: nonEmptyText, connectorRef: text, settings: anyObject }, required: ["image"] },
  GitClone: { type: "object", properties: { connectorRef: text, repoName: text, build: anyObject, cloneDirectory: text } },
  Background: { type: "object", properties: { image: text, command: text, entrypoint: stringList } },
};
