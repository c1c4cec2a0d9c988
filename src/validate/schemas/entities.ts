/**
 * The YAML entities a pipeline deploys with: service, environment and infrastructure definition
 * (shared/harness-api.md §1.5). Shapes the kit renders are modelled; other deployment and
 * infrastructure types accept any spec.
 */
import {
  anyObject, boolOrExpr, closed, entityHeader, enumOf, exprOr, identifier, nonEmptyText, stringList, text, typedSpec,
  variables, type Schema,
} from "./common.js";

export const DEPLOYMENT_TYPES: readonly string[] = [
  "Kubernetes", "NativeHelm", "Ssh", "WinRm", "ServerlessAwsLambda", "AzureWebApp", "AzureFunction", "CustomDeployment",
  "ECS", "Elastigroup", "TAS", "Asg", "GoogleCloudFunctions", "AwsLambda", "AWS_SAM", "SERVICE_YAML_V1_TYPE",
  "GoogleCloudRun", "Salesforce", "GoogleManagedInstanceGroup", "AzureContainerApps",
];

export const INFRASTRUCTURE_TYPES: readonly string[] = [
  "KubernetesDirect", "KubernetesGcp", "KubernetesAzure", "Pdc", "SshWinRmAzure", "ServerlessAwsLambda", "AzureWebApp",
  "AzureFunction", "SshWinRmAws", "CustomDeployment", "ECS", "Elastigroup", "TAS", "Asg", "GoogleCloudFunctions",
  "AWS_SAM", "AwsLambda", "KubernetesAws", "KubernetesRancher", "GoogleCloudRun", "Salesforce",
  "GoogleManagedInstanceGroup", "AzureContainerApps",
];

/** `{ type, spec }` with an open spec, e.g. a manifest store or an artifact source. */
const typedOpen = (required: readonly string[] = []): Schema => ({
  type: "object",
  properties: { identifier, type: nonEmptyText, spec: anyObject },
  required: ["type", "spec", ...required],
});

const kubernetesServiceSpec: Schema = {
  type: "object",
  properties: {
    manifests: { type: "array", items: closed({ manifest: typedOpen(["identifier"]) }, ["manifest"]) },
    artifacts: {
      type: "object",
      properties: {
        primary: {
          type: "object",
          properties: { primaryArtifactRef: text, sources: { type: "array", items: typedOpen(["identifier"]) } },
        },
        sidecars: { type: "array" },
      },
    },
    variables,
  },
};

export const serviceSchema: Schema = closed(
  {
    service: closed(
      {
        ...entityHeader,
        gitOpsEnabled: { type: "boolean" },
        metadata: text,
        useFromStage: anyObject,
        serviceDefinition: typedSpec(DEPLOYMENT_TYPES, "deployment type", { Kubernetes: kubernetesServiceSpec }, { required: ["spec"], closed: true }),
      },
      ["name", "identifier"],
    ),
  },
  ["service"],
  { "x-unknown": "error" },
);

export const environmentSchema: Schema = closed(
  {
    environment: closed(
      {
        ...entityHeader,
        type: enumOf(["PreProduction", "Production"], "environment type"),
        variables,
        overrides: anyObject,
        metadata: text,
      },
      ["name", "identifier", "type", "orgIdentifier", "projectIdentifier"],
    ),
  },
  ["environment"],
  { "x-unknown": "error" },
);

const kubernetesDirectSpec: Schema = closed(
  {
    connectorRef: nonEmptyText,
    namespace: exprOr(
      { type: "string", pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" },
      "a Kubernetes namespace (lowercase letters, digits and -, starting and ending with a letter or digit)",
    ),
    releaseName: nonEmptyText,
    provisioner: text,
  },
  ["connectorRef", "namespace", "releaseName"],
);

export const infrastructureSchema: Schema = closed(
  {
    infrastructureDefinition: typedSpec(INFRASTRUCTURE_TYPES, "infrastructure type", { KubernetesDirect: kubernetesDirectSpec }, {
      properties: {
        ...entityHeader,
        environmentRef: nonEmptyText,
        deploymentType: enumOf(DEPLOYMENT_TYPES, "deployment type"),
        allowSimultaneousDeployments: boolOrExpr,
        scopedServices: stringList,
        metadata: text,
      },
      required: ["name", "identifier", "environmentRef", "deploymentType", "spec", "orgIdentifier", "projectIdentifier"],
      closed: true,
    }),
  },
  ["infrastructureDefinition"],
  { "x-unknown": "error" },
);
