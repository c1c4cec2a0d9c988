/**
 * The pipeline YAML (`pipeline:` root, Harness v0 syntax): stages, parallel stages, steps, step
 * groups and parallel steps. Step lists nest (step groups hold steps), hence `definitions` + `$ref`.
 * A stage, step group or step that uses a template needs neither `type` nor `spec`.
 */
import {
  ENTRY_OF,
  anyObject, closed, description, entityHeader, exprOr, identifier, name, pipelineDefinition, stringListOrExpr, tags, text, timeout,
  typedSpec, variables as variablesSchema, type Schema,
} from "./common.js";
import { failureStrategies as failureStrategiesSchema, stageWhen, stepWhen, strategy } from "./flow.js";
import { STAGE_TYPES, STEP_TYPES } from "./step-types.js";
import { STAGE_SPECS } from "./stages.js";
import { STEP_SPECS } from "./steps.js";

const failureStrategies = pipelineDefinition("failureStrategies");
const variables = pipelineDefinition("variables");
const steps = pipelineDefinition("steps");

const templateLink: Schema = closed(
  { templateRef: { type: "string", minLength: 1 }, versionLabel: text, gitBranch: text, templateInputs: anyObject, templateVariables: anyObject },
  ["templateRef"],
);

/** Unless the node uses a template, these keys are required. */
const unlessTemplate = (required: string[]): Schema => ({
  if: { required: ["template"] },
  then: true,
  else: { required },
});

function node(kindKeys: Record<string, Schema | boolean>, types: readonly string[], label: string, specs: Readonly<Record<string, Schema>>): Schema {
  const base = typedSpec(types, label, specs, { properties: kindKeys, closed: true });
  return { ...base, required: ["identifier", "name"], allOf: [...((base.allOf as Schema[] | undefined) ?? []), unlessTemplate(["type", "spec"])] };
}

export const step: Schema = node(
  {
    identifier,
    name,
    description,
    timeout,
    failureStrategies,
    when: stepWhen,
    strategy,
    enforce: anyObject,
    identities: anyObject,
    template: templateLink,
  },
  STEP_TYPES,
  "step type",
  STEP_SPECS,
);

const stepGroup: Schema = {
  ...closed({
    identifier,
    name,
    description,
    steps,
    rollbackSteps: steps,
    failureStrategies,
    when: stepWhen,
    strategy,
    delegateSelectors: stringListOrExpr,
    sharedPaths: stringListOrExpr,
    stepGroupInfra: anyObject,
    platform: anyObject,
    variables,
    timeout,
    template: templateLink,
  }, ["identifier", "name"]),
  ...unlessTemplate(["steps"]),
};

/**
 * One entry of a step list: exactly one of step, parallel or stepGroup. Beside it Harness's own
 * schema knows `description` and `insert`, and its pipeline studio writes `contextType` (Pipeline,
 * StageTemplate, PipelineTemplate, StepGroupTemplate, Standalone, Template); any other key is only a
 * warning: Harness ignores what it does not know there, so it is never a reason to refuse the entry.
 */
const stepsEntry: Schema = closed(
  {
    step,
    stepGroup,
    parallel: { type: "array", minItems: 1, items: { $ref: "#/definitions/stepsEntry" } },
    insert: anyObject,
    description,
    contextType: text,
  },
  [],
  { [ENTRY_OF]: ["step", "stepGroup", "parallel"], "x-expected": "one of step, stepGroup or parallel" },
);

const stageKeys: Record<string, Schema> = {
  identifier,
  name,
  description,
  tags,
  variables,
  failureStrategies,
  when: stageWhen,
  strategy,
  timeout,
  delegateSelectors: stringListOrExpr,
  skipInstances: exprOr({ type: "boolean" }, "true or false"),
  runMode: anyObject,
  pipelineVariables: { type: "array" },
  template: templateLink,
};
const baseStage = node(stageKeys, STAGE_TYPES, "stage type", STAGE_SPECS);
/** Harness's schema makes failure strategies mandatory on Deployment stages. */
export const stage: Schema = {
  ...baseStage,
  allOf: [
    ...((baseStage.allOf as Schema[] | undefined) ?? []),
    { if: { properties: { type: { const: "Deployment" } }, required: ["type"] }, then: { required: ["failureStrategies"] } },
  ],
};

/** One entry of the stage list: exactly one of stage or parallel; other keys only warn, as beside steps. */
const stagesEntry: Schema = closed(
  { stage, parallel: { type: "array", minItems: 1, items: { $ref: "#/definitions/stagesEntry" } }, description, contextType: text },
  [],
  { [ENTRY_OF]: ["stage", "parallel"], "x-expected": "one of stage or parallel" },
);

const codebase: Schema = closed(
  {
    connectorRef: text,
    repoName: text,
    build: exprOr(
      typedSpec(["branch", "tag", "PR", "commitSha"], "build type", {}, { required: ["spec"], closed: true }),
      "a map with type and spec",
    ),
    depth: exprOr({ type: "integer", minimum: 0 }, "a whole number"),
    sslVerify: exprOr({ type: "boolean" }, "true or false"),
    prCloneStrategy: text,
    resources: anyObject,
    cloneDirectory: text,
    lfs: exprOr({ type: "boolean" }, "true or false"),
    fetchTags: exprOr({ type: "boolean" }, "true or false"),
    submoduleStrategy: text,
    sparseCheckout: stringListOrExpr,
    preFetchCommand: text,
    persistCredentials: exprOr({ type: "boolean" }, "true or false"),
    debug: exprOr({ type: "boolean" }, "true or false"),
  },
  ["build"],
);

const pipelineBody: Schema = {
  ...closed({
    ...entityHeader,
    allowStageExecutions: { type: "boolean" },
    fixedInputsOnRerun: { type: "boolean" },
    stages: { type: "array", minItems: 1, items: { $ref: "#/definitions/stagesEntry" } },
    variables,
    properties: closed({ ci: closed({ codebase }) }),
    delegateSelectors: stringListOrExpr,
    notificationRules: { type: "array" },
    flowControl: anyObject,
    timeout,
    template: templateLink,
  }, ["name", "identifier"]),
  ...unlessTemplate(["stages"]),
};

/** The shared parts `$ref`s point at; a schema embedding a stage or step needs them too (template.ts). */
export const PIPELINE_DEFINITIONS: Readonly<Record<string, Schema>> = {
  steps: { type: "array", items: { $ref: "#/definitions/stepsEntry" } },
  stepsEntry,
  stagesEntry,
  failureStrategies: failureStrategiesSchema,
  variables: variablesSchema,
};

export const pipelineSchema: Schema = {
  ...closed({ pipeline: pipelineBody }, ["pipeline"], { "x-unknown": "error" }),
  definitions: { ...PIPELINE_DEFINITIONS },
};
