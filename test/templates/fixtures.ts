/** Template and pipeline texts the template tests share: a Kubernetes rolling stage template and its users. */
export const PROJECT_JSON = `{"project": {"identifier": "shop", "name": "shop", "orgIdentifier": "default"}}\n`;

export function stageTemplate(options: { identifier?: string; label?: string; scope?: "project" | "org" | "account"; extraTags?: string; stepTemplateRef?: string; literal?: boolean } = {}): string {
  const scope = options.scope ?? "project";
  const ids = scope === "project" ? "  orgIdentifier: default\n  projectIdentifier: shop\n" : scope === "org" ? "  orgIdentifier: default\n" : "";
  const steps = options.stepTemplateRef === undefined
    ? `          - step:
              name: Rolling Deployment
              identifier: rollingDeployment
              type: K8sRollingDeploy
              timeout: 10m
              spec:
                skipDryRun: false`
    : `          - step:
              name: Nested
              identifier: nested
              template:
                templateRef: ${options.stepTemplateRef}`;
  const text = `template:
  name: k8s rolling
  identifier: ${options.identifier ?? "k8s_rolling"}
  versionLabel: ${options.label ?? "v1"}
  type: Stage
${ids}  tags: {${options.extraTags ?? ""}}
  spec:
    type: Deployment
    spec:
      deploymentType: Kubernetes
      service:
        serviceRef: <+input>
      environment:
        environmentRef: <+input>
        deployToAll: false
        infrastructureDefinitions: <+input>
      execution:
        steps:
${steps}
    failureStrategies:
      - onFailure:
          errors:
            - AllErrors
          action:
            type: StageRollback
`;
  // Without runtime inputs, a template can be used without templateInputs.
  return options.literal === true
    ? text.replace("serviceRef: <+input>", "serviceRef: payments").replace("environmentRef: <+input>", "environmentRef: dev").replace("infrastructureDefinitions: <+input>", "infrastructureDefinitions: [{identifier: dev_k8s}]")
    : text;
}

/** A pipeline with one stage from the template; `inputs` is the YAML of templateInputs' content (6 spaces in). */
export function pipelineUsing(ref: string, inputs: string | undefined, versionLabel: string | null = "v1"): string {
  return `pipeline:
  name: deploy
  identifier: deploy
  orgIdentifier: default
  projectIdentifier: shop
  stages:
    - stage:
        name: Deploy dev
        identifier: deploy_dev
        template:
          templateRef: ${ref}
${versionLabel === null ? "" : `          versionLabel: ${versionLabel}\n`}${inputs === undefined ? "" : `          templateInputs:\n${inputs}`}`;
}

export const FULL_INPUTS = `            type: Deployment
            spec:
              service:
                serviceRef: payments
              environment:
                environmentRef: dev
                infrastructureDefinitions:
                  - identifier: dev_k8s
`;
