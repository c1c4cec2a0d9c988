/**
 * `service` — the bootstrap. From a name, a Git URL and an image it renders everything a new
 * Kubernetes service needs in Harness: the project, Git/Docker/Kubernetes connectors, the service,
 * one environment and infrastructure definition per environment, and CI and CD pipelines, all
 * referring to each other by identifier. It reuses the other generators' templates.
 */
import { descriptionAnswer, identifierAnswer, nameAnswer, orgAnswer, tagsAnswer } from "../src/answers/common.js";
import { gitOwnerRepo, imageParts, namespaceFromName, namespaceWithSuffix } from "../src/answers/derive.js";
import type { Answers, AnswerSpec, AnswerValue } from "../src/answers/spec.js";
import type { GeneratorSpec, RenderJob } from "../src/generate/spec.js";
import { list, str, suffixed, tags } from "../src/generate/spec.js";
import { connectorData, DOCKER_HUB_URL } from "./connector.js";
import type { DeployStage } from "./pipeline.js";
import { pipelineData } from "./pipeline.js";
import { DEFAULT_PROJECT_COLOR, projectData } from "./project.js";

const https = (value: AnswerValue): string | undefined =>
  typeof value === "string" && value.startsWith("https://") && gitOwnerRepo(value) !== undefined
    ? undefined
    : `gitUrl "${String(value)}" must be an https URL of one repository, like https://github.com/acme/payments-api`;

const environmentsCheck = (value: AnswerValue): string | undefined => {
  if (!Array.isArray(value) || value.length === 0) return "environments needs at least one environment identifier";
  const bad = value.find((env) => !/^[a-zA-Z_][0-9a-zA-Z_]{0,123}$/.test(env));
  if (bad !== undefined) return `environments item "${bad}" is not an identifier (letters, digits and _, up to 124 characters)`;
  if (new Set(value).size !== value.length) return "environments lists the same environment twice";
  return undefined;
};

const distinctFrom = (...keys: string[]) => (value: AnswerValue, a: Record<string, AnswerValue>): string | undefined => {
  const clash = keys.find((k) => a[k] === value);
  return clash === undefined ? undefined : `"${String(value)}" is already the ${clash}; connectors need different identifiers`;
};

const answers: AnswerSpec[] = [
  nameAnswer("Service"),
  identifierAnswer("Service"),
  descriptionAnswer,
  orgAnswer,
  { key: "project", kind: "identifier", message: "Project identifier", default: (a) => a.identifier, defaultText: "the service identifier", ask: true },
  { key: "projectName", kind: "name", message: "Project name", default: (a) => a.name, defaultText: "the service name" },
  tagsAnswer,
  // Source code and manifests
  { key: "gitUrl", kind: "url", message: "Git repository URL (https)", required: true, check: https },
  { key: "branch", kind: "token", message: "Branch to build and deploy from", default: "main" },
  { key: "manifestPath", kind: "token", message: "Folder of the Kubernetes manifests in the repository", default: "deploy/k8s" },
  { key: "gitConnector", kind: "identifier", message: "GitHub connector identifier", default: "github" },
  { key: "gitUsername", kind: "token", message: "GitHub username", default: (a) => gitOwnerRepo(String(a.gitUrl))?.owner, defaultText: "the owner in gitUrl" },
  { key: "gitTokenRef", kind: "secret-ref", message: "Secret holding the GitHub token", default: "github_token" },
  // Image and registry
  { key: "image", kind: "image", message: "Image repository, e.g. acme/payments-api", required: true },
  {
    key: "registryUrl",
    kind: "url",
    message: "Registry URL",
    default: (a) => {
      const host = imageParts(String(a.image)).host;
      return host === undefined ? DOCKER_HUB_URL : `https://${host}/`;
    },
    defaultText: `${DOCKER_HUB_URL}, or https://<host>/ when image names a registry host`,
  },
  {
    key: "registryProvider",
    kind: "choice",
    message: "Registry provider",
    choices: ["DockerHub", "Harbor", "Quay", "Other"],
    default: (a) => (imageParts(String(a.image)).host === undefined ? "DockerHub" : "Other"),
    defaultText: "DockerHub, or Other when image names a registry host",
  },
  { key: "dockerConnector", kind: "identifier", message: "Docker registry connector identifier", default: "dockerhub", check: distinctFrom("gitConnector") },
  { key: "dockerUsername", kind: "token", message: "Registry username", default: (a) => imageParts(String(a.image)).owner || undefined, defaultText: "the owner in image" },
  { key: "dockerPasswordRef", kind: "secret-ref", message: "Secret holding the registry password", default: "docker_password" },
  // Kubernetes
  { key: "k8sConnector", kind: "identifier", message: "Kubernetes connector identifier", default: "k8s_cluster", check: distinctFrom("gitConnector", "dockerConnector") },
  { key: "delegateSelectors", kind: "list", message: "Delegate selectors of the cluster's delegate", default: ["kubernetes-delegate"], check: (v) => (Array.isArray(v) && v.length === 0 ? "delegateSelectors cannot be empty" : undefined) },
  { key: "namespace", kind: "namespace", message: "Namespace prefix (each environment deploys to <namespace>-<environment>)", default: (a) => namespaceFromName(String(a.name)), defaultText: "derived from name (Payments API → payments-api)", ask: true },
  { key: "environments", kind: "list", message: "Environments (comma-separated identifiers)", default: ["dev", "prod"], check: environmentsCheck },
  // CI
  { key: "dockerfile", kind: "token", message: "Dockerfile path", default: "Dockerfile" },
  { key: "testImage", kind: "token", message: "Image the tests run in", default: "node:20" },
  { key: "testCommand", kind: "text", message: "Test command", default: "npm ci && npm test" },
  { key: "timeout", kind: "timeout", message: "Timeout of the deploy and rollback steps", default: "10m" },
  // Triggers and input sets
  { key: "prTrigger", kind: "boolean", message: "Also run CI on pull requests to the branch", default: true },
  { key: "imageTag", kind: "token", message: "Image tag the environments' input sets deploy (empty: chosen at each run)" },
];

/**
 * The sample service the demo (`npm start`) renders: what a user would answer for a typical
 * Node.js service on Docker Hub and GitHub. Every other answer takes its default.
 */
export const SAMPLE_SERVICE_ANSWERS: Readonly<Record<string, string>> = Object.freeze({
  name: "payments-api",
  gitUrl: "https://github.com/acme/payments-api",
  image: "acme/payments-api",
});

/** The artifact source the service declares and the CD pipeline sets the tag of. */
const ARTIFACT_SOURCE = "image";

/** CD runs deploy to every environment in order, or to the one an input set (or the run) picks. */
const TARGET = "<+pipeline.variables.targetEnvironment>";
const whenTarget = (env: string): string => `${TARGET} == "all" || ${TARGET} == "${env}"`;
const environmentChoice = (envs: readonly string[]): string => `<+input>.default(all).allowedValues(${["all", ...envs].join(",")})`;

function serviceFiles(a: Answers): RenderJob[] {
  const id = str(a, "identifier");
  const scope = { org: str(a, "org"), project: str(a, "project") };
  const image = imageParts(str(a, "image"));
  const envs = list(a, "environments");
  const job = (template: string, kind: RenderJob["kind"], data: Record<string, unknown>): RenderJob => ({
    template,
    kind,
    identifier: String(data.identifier),
    data,
  });
  const connector = (fields: Answers): Record<string, unknown> =>
    connectorData({ description: "", tags: {}, ...scope, ...fields });

  const jobs: RenderJob[] = [
    job("project/project.json.hbs", "project", projectData({
      org: scope.org, identifier: scope.project, name: str(a, "projectName"), color: DEFAULT_PROJECT_COLOR,
      modules: ["CD", "CI"], description: "", tags: {},
    })),
    job("connector/github.json.hbs", "connector", connector({
      name: str(a, "gitConnector"), identifier: str(a, "gitConnector"), url: str(a, "gitUrl"), connectionType: "Repo",
      authType: "Http", username: str(a, "gitUsername"), tokenRef: str(a, "gitTokenRef"), apiAccess: true,
    })),
    job("connector/docker-registry.json.hbs", "connector", connector({
      name: str(a, "dockerConnector"), identifier: str(a, "dockerConnector"), url: str(a, "registryUrl"),
      providerType: str(a, "registryProvider"), auth: "UsernamePassword", username: str(a, "dockerUsername"),
      passwordRef: str(a, "dockerPasswordRef"),
    })),
    job("connector/k8s-cluster.json.hbs", "connector", connector({
      name: str(a, "k8sConnector"), identifier: str(a, "k8sConnector"), credential: "InheritFromDelegate",
      delegateSelectors: list(a, "delegateSelectors"),
    })),
    job("service/service.yaml.hbs", "service", {
      name: str(a, "name"), identifier: id, ...scope, description: str(a, "description"), tags: tags(a),
      gitConnector: str(a, "gitConnector"), branch: str(a, "branch"), manifestPath: str(a, "manifestPath"),
      artifactSource: ARTIFACT_SOURCE, dockerConnector: str(a, "dockerConnector"), imagePath: image.path,
    }),
  ];
  const stages: DeployStage[] = [];
  for (const env of envs) {
    const infra = suffixed(env, "k8s");
    jobs.push(job("service/environment.yaml.hbs", "environment", {
      name: env, identifier: env, ...scope, type: /^prod/i.test(env) ? "Production" : "PreProduction", tags: {},
    }));
    jobs.push(job("service/infrastructure.yaml.hbs", "infrastructure", {
      name: `${env} k8s`, identifier: infra, ...scope, environmentRef: env, k8sConnector: str(a, "k8sConnector"),
      namespace: namespaceWithSuffix(str(a, "namespace"), env),
    }));
    stages.push({ name: `Deploy to ${env}`.slice(0, 128), identifier: suffixed("deploy", env), environmentRef: env, infrastructureRef: infra, when: whenTarget(env) });
  }
  const pipelineName = (suffix: string): string => `${str(a, "name").slice(0, 124)} ${suffix}`;
  const ci = suffixed(id, "ci");
  const cd = suffixed(id, "cd");
  jobs.push(job("pipeline/ci-build-push.yaml.hbs", "pipeline", { ...pipelineData({
    template: "ci-build-push", name: pipelineName("CI"), identifier: suffixed(id, "ci"), ...scope, description: "", tags: {},
    gitConnector: str(a, "gitConnector"), branch: str(a, "branch"), dockerConnector: str(a, "dockerConnector"),
    image: str(a, "image"), dockerfile: str(a, "dockerfile"), testImage: str(a, "testImage"),
    testCommand: str(a, "testCommand"), buildInfra: "Cloud",
  }), identifier: ci, buildInput: true }));
  jobs.push(job("pipeline/cd-kubernetes.yaml.hbs", "pipeline", { ...pipelineData({
    template: "cd-kubernetes", name: pipelineName("CD"), identifier: cd, ...scope, description: "", tags: {},
    serviceRef: id, timeout: str(a, "timeout"), artifactSource: ARTIFACT_SOURCE,
  }, stages), environmentChoice: environmentChoice(envs) }));
  jobs.push(...triggersAndInputSets(a, scope, ci, cd, envs));
  return jobs;
}

/** CI runs on every push to `branch` (and pull requests to it); one CD input set per environment. */
function triggersAndInputSets(a: Answers, scope: { org: string; project: string }, ci: string, cd: string, envs: readonly string[]): RenderJob[] {
  const git = { ...scope, pipeline: ci, tags: {}, gitConnector: str(a, "gitConnector"), branch: str(a, "branch") };
  const jobs: RenderJob[] = [
    { template: "trigger/github-push.yaml.hbs", kind: "trigger", identifier: "on_push", group: ci, data: { ...git, name: "CI on push", identifier: "on_push" } },
  ];
  if (a.prTrigger !== false) {
    jobs.push({ template: "trigger/github-pull-request.yaml.hbs", kind: "trigger", identifier: "on_pull_request", group: ci, data: { ...git, name: "CI on pull request", identifier: "on_pull_request" } });
  }
  const imageTag = str(a, "imageTag");
  for (const env of envs) {
    jobs.push({
      template: "inputset/environment.yaml.hbs",
      kind: "inputset",
      identifier: env,
      group: cd,
      data: { ...scope, pipeline: cd, tags: {}, name: `Deploy to ${env}`.slice(0, 128), identifier: env, environment: env, imageTag: imageTag === "" ? null : imageTag },
    });
  }
  return jobs;
}

export const service: GeneratorSpec = {
  name: "service",
  description: "the bootstrap: project, connectors, service, environments, infrastructure, CI and CD pipelines, CI triggers, CD input sets",
  answers,
  files: serviceFiles,
};

export default service;
