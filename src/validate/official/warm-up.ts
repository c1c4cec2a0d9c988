/**
 * Pipelines run once through a freshly loaded validator before V8's code cache is saved. V8 compiles
 * functions lazily, and the cache only holds functions compiled so far: without this, the first real
 * validation of each later run pays ~200 ms of compiling; with it, a few ms. The shapes follow what
 * the kit generates (CD, CI and custom stages, shell and run steps, step groups, failure strategies);
 * they need not be valid, only to reach the common code paths.
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

export const WARM_UP_PIPELINES: readonly unknown[] = [
  {
    pipeline: {
      name: "warm up",
      identifier: "warm_up",
      projectIdentifier: "p",
      orgIdentifier: "default",
      tags: {},
      properties: { ci: { codebase: { connectorRef: "git", build: "<+input>" } } },
      variables: [{ name: "v", type: "String", value: "<+input>" }],
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
        {
          stage: {
            name: "build",
            identifier: "build",
            type: "CI",
            spec: {
              cloneCodebase: true,
              platform: { os: "Linux", arch: "Amd64" },
              runtime: { type: "Cloud", spec: {} },
              execution: { steps: [{ step: { type: "Run", name: "run", identifier: "run", spec: { shell: "Sh", command: "make" } } }] },
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
  // An unknown stage and step type: the error paths every mistyped file walks through.
  { pipeline: { identifier: "x", stages: [{ stage: { type: "Nope", spec: { execution: { steps: [{ step: { type: "Nope" } }] } } } }] } },
];
