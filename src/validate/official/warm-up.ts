/**
 * Pipelines run once through a freshly compiled validator. They decide two things: which functions
 * stay in the hot script (split-standalone.ts: the ones these reach; all others load on first use),
 * and what V8's code cache holds (V8 compiles functions lazily and the cache only has those compiled
 * so far: without a warm-up the first real validation of each later run pays ~200 ms of compiling).
 * So they follow every pipeline shape the built-in kit renders (the CD, CI and runtime-input
 * pipelines, stages from a template, the stage template's spec; test/validate-official checks that
 * a generated service stays in the hot part) plus custom stages, HTTP steps, step groups and
 * parallel steps. They need not be valid, only reach the common code paths.
 */
const shellStep = (id: string) => ({
  step: {
    type: "ShellScript",
    name: id,
    identifier: id,
    timeout: "10m",
    spec: { shell: "Bash", onDelegate: true, source: { type: "Inline", spec: { script: "echo hi" } } },
  },
});

const failureStrategies = [{ onFailure: { errors: ["AllErrors"], action: { type: "StageRollback" } } }];

const k8sService = {
  serviceRef: "svc",
  serviceInputs: {
    serviceDefinition: {
      type: "Kubernetes",
      spec: { artifacts: { primary: { sources: [{ identifier: "image", type: "DockerRegistry", spec: { tag: "<+pipeline.variables.imageTag>" } }] } } },
    },
  },
};

/** The kit's CD stage (cd-kubernetes, and the stage template's spec). */
const rollingStage = (service: unknown) => ({
  stage: {
    name: "deploy",
    identifier: "deploy",
    description: "",
    type: "Deployment",
    spec: {
      deploymentType: "Kubernetes",
      service,
      environment: { environmentRef: "env", deployToAll: false, infrastructureDefinitions: [{ identifier: "infra" }] },
      execution: {
        steps: [{ step: { name: "roll", identifier: "roll", type: "K8sRollingDeploy", timeout: "10m", spec: { skipDryRun: false, pruningEnabled: false } } }],
        rollbackSteps: [{ step: { name: "rb", identifier: "rb", type: "K8sRollingRollback", timeout: "10m", spec: { pruningEnabled: false } } }],
      },
    },
    tags: {},
    failureStrategies,
  },
});

/** The kit's runtime-inputs pipeline: the older serviceConfig/infrastructure stage. */
const runtimeInputsStage = {
  stage: {
    name: "sample",
    identifier: "sample",
    type: "Deployment",
    spec: {
      serviceConfig: { serviceRef: "<+input>", serviceDefinition: { spec: { variables: [] }, type: "Kubernetes" } },
      infrastructure: {
        environmentRef: "<+input>",
        infrastructureDefinition: { type: "KubernetesDirect", spec: { connectorRef: "<+input>", namespace: "<+input>", releaseName: "release-<+INFRA_KEY>" } },
        allowSimultaneousDeployments: false,
      },
      execution: { steps: [{ step: { ...shellStep("shell").step, spec: { ...shellStep("shell").step.spec, environmentVariables: [], outputVariables: [], executionTarget: {} } } }], rollbackSteps: [] },
    },
    tags: {},
    failureStrategies,
  },
};

/** The kit's CD pipeline from a stage template. */
const templateStage = {
  stage: {
    name: "dev",
    identifier: "dev",
    template: {
      templateRef: "k8s_rolling",
      versionLabel: "v1",
      templateInputs: { type: "Deployment", spec: { service: k8sService, environment: { environmentRef: "dev", infrastructureDefinitions: [{ identifier: "dev_k8s" }] } } },
    },
  },
};

export const WARM_UP_PIPELINES: readonly unknown[] = [
  {
    pipeline: {
      name: "warm up",
      identifier: "warm_up",
      projectIdentifier: "p",
      orgIdentifier: "default",
      tags: {},
      properties: { ci: { codebase: { connectorRef: "git", build: "<+input>" } } },
      variables: [{ name: "v", type: "String", description: "d", required: true, value: "<+input>" }],
      stages: [
        {
          stage: {
            name: "deploy",
            identifier: "deploy",
            type: "Deployment",
            spec: {
              deploymentType: "Kubernetes",
              service: { serviceRef: "svc" },
              environment: { environmentRef: "env", infrastructureDefinitions: [{ identifier: "infra" }] },
              execution: {
                steps: [
                  shellStep("shell"),
                  { step: { type: "K8sRollingDeploy", name: "roll", identifier: "roll", timeout: "10m", spec: { skipDryRun: false } } },
                  { stepGroup: { name: "group", identifier: "group", steps: [shellStep("inner")] } },
                  { parallel: [shellStep("a"), shellStep("b")] },
                ],
                rollbackSteps: [{ step: { type: "K8sRollingRollback", name: "rb", identifier: "rb", spec: {} } }],
              },
            },
            failureStrategies,
          },
        },
        rollingStage(k8sService),
        rollingStage({ serviceRef: "<+input>", serviceInputs: "<+input>" }),
        runtimeInputsStage,
        templateStage,
        {
          stage: {
            name: "build",
            identifier: "build",
            type: "CI",
            spec: {
              cloneCodebase: true,
              platform: { os: "Linux", arch: "Amd64" },
              runtime: { type: "Cloud", spec: {} },
              execution: {
                steps: [
                  { step: { type: "Run", name: "run", identifier: "run", spec: { connectorRef: "hub", image: "node:20", shell: "Sh", command: "make" } } },
                  { step: { type: "BuildAndPushDockerRegistry", name: "push", identifier: "push", spec: { connectorRef: "hub", repo: "a/b", dockerfile: "Dockerfile", tags: ["<+pipeline.sequenceId>"] } } },
                ],
              },
            },
          },
        },
        {
          stage: {
            name: "custom",
            identifier: "custom",
            type: "Custom",
            spec: { execution: { steps: [shellStep("c"), { step: { type: "Http", name: "h", identifier: "h", spec: { url: "https://example.com", method: "GET" } } }] } },
          },
        },
      ],
    },
  },
  // The CI pipeline's codebase as the kit writes it.
  { pipeline: { name: "ci", identifier: "ci", properties: { ci: { codebase: { connectorRef: "git", build: { type: "branch", spec: { branch: "main" } } } } }, stages: [] } },
  // An unknown stage and step type: the error paths every mistyped file walks through.
  { pipeline: { identifier: "x", stages: [{ stage: { type: "Nope", spec: { execution: { steps: [{ step: { type: "Nope" } }] } } } }] } },
];
