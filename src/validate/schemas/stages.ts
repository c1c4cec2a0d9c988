/**
 * Stage specs for the stage types the kit models (Deployment, CI, Custom, Approval). Other stage
 * types take any spec. `execution` refers back to the recursive step lists in pipeline.ts.
 */
import {
  anyObject, anyObjectOrExpr, boolOrExpr, closed, enumOf, exprOr, pipelineDefinition, stringListOrExpr, text, type Schema,
} from "./common.js";
import { DEPLOYMENT_TYPES } from "./entities.js";

const failureStrategies = pipelineDefinition("failureStrategies");

export const execution: Schema = closed(
  { steps: pipelineDefinition("steps"), rollbackSteps: pipelineDefinition("steps") },
  ["steps"],
);

const infrastructureDefinitions: Schema = exprOr(
  { type: "array", items: closed({ identifier: { type: "string", minLength: 1 }, inputs: anyObjectOrExpr, metadata: text }, ["identifier"]) },
  "a list of { identifier }",
);

const deployment: Schema = closed(
  {
    deploymentType: enumOf(DEPLOYMENT_TYPES, "deployment type"),
    service: closed({
      serviceRef: text,
      serviceInputs: anyObjectOrExpr,
      gitBranch: text,
      useFromStage: anyObject,
      disableArtifactValidation: { type: "boolean" },
      failureStrategies,
    }),
    services: anyObject,
    serviceConfig: anyObject,
    environment: closed({
      environmentRef: text,
      deployToAll: boolOrExpr,
      environmentInputs: anyObjectOrExpr,
      serviceOverrideInputs: anyObjectOrExpr,
      infrastructureDefinitions,
      infrastructureDefinition: exprOr(closed({ identifier: text, inputs: anyObjectOrExpr }, ["identifier"]), "a map with identifier"),
      gitBranch: text,
      useFromStage: anyObject,
      filters: anyObjectOrExpr,
      gitOpsClusters: exprOr({ type: "array" }, "a list"),
      provisioner: anyObject,
      servicesOverrides: { type: "array" },
      failureStrategies,
    }),
    environments: anyObject,
    environmentGroup: anyObject,
    infrastructure: anyObject,
    execution,
    gitOpsEnabled: { type: "boolean" },
    customDeploymentRef: anyObject,
    multiDeploymentConfig: anyObject,
  },
  ["execution"],
);

const ci: Schema = closed(
  {
    cloneCodebase: boolOrExpr,
    platform: exprOr(
      closed({ os: enumOf(["Linux", "MacOS", "Windows"], "platform OS"), arch: enumOf(["Amd64", "Arm64"], "platform architecture") }, ["os"]),
      "a map with os and arch",
    ),
    runtime: { type: "object", properties: { type: enumOf(["Cloud", "Docker"], "runtime type"), spec: anyObject }, required: ["type"] },
    infrastructure: { type: "object", properties: { type: text, spec: anyObject }, required: ["type"] },
    execution,
    caching: anyObject,
    buildIntelligence: anyObject,
    sharedPaths: stringListOrExpr,
    serviceDependencies: exprOr({ type: "array" }, "a list"),
    slsa_provenance: anyObject,
  },
  ["execution"],
);

/** Custom and Approval stages run steps only (Custom stages may also target an environment). */
const custom: Schema = closed({ execution, environment: anyObject }, ["execution"]);
const approval: Schema = closed({ execution }, ["execution"]);

export const STAGE_SPECS: Readonly<Record<string, Schema>> = {
  Deployment: deployment,
  CI: ci,
  Custom: custom,
  Approval: approval,
};
