/**
 * `connector` — the body of `POST /ng/api/connectors` (shared/harness-api.md §1.3), written to
 * connectors/<identifier>.json. Secrets are always references to Harness secrets, never values.
 */
import {
  descriptionAnswer,
  identifierAnswer,
  nameAnswer,
  orgAnswer,
  projectAnswer,
  tagsAnswer,
} from "../src/answers/common.js";
import type { Answers, AnswerSpec, AnswerValue } from "../src/answers/spec.js";
import type { GeneratorSpec } from "../src/generate/spec.js";
import { list, str, tags } from "../src/generate/spec.js";
import { secretTextJob, valueSourceAnswer } from "./secret-files.js";

export const CONNECTOR_TYPES = ["DockerRegistry", "Github", "K8sCluster", "Aws"] as const;
export type ConnectorType = (typeof CONNECTOR_TYPES)[number];

const TEMPLATES: Record<ConnectorType, string> = {
  DockerRegistry: "connector/docker-registry.json.hbs",
  Github: "connector/github.json.hbs",
  K8sCluster: "connector/k8s-cluster.json.hbs",
  Aws: "connector/aws.json.hbs",
};

export const DOCKER_HUB_URL = "https://index.docker.io/v2/";

const oneToken = (what: string) => (value: AnswerValue): string | undefined =>
  typeof value === "string" && /^\S{1,128}$/.test(value) ? undefined : `${what} must be one word of up to 128 characters, without spaces`;

const nonEmpty = (value: AnswerValue): string | undefined =>
  Array.isArray(value) && value.length === 0
    ? "delegateSelectors cannot be empty: inheriting credentials from a delegate needs at least one delegate selector"
    : undefined;

const docker = { type: ["DockerRegistry"] };
const github = { type: ["Github"] };

const answers: AnswerSpec[] = [
  { key: "type", kind: "choice", message: "Connector type", choices: CONNECTOR_TYPES, required: true },
  nameAnswer("Connector"),
  identifierAnswer("Connector"),
  descriptionAnswer,
  orgAnswer,
  projectAnswer(false),
  tagsAnswer,
  // DockerRegistry
  { key: "url", kind: "url", message: "Registry URL", only: docker, default: DOCKER_HUB_URL, ask: true },
  { key: "providerType", kind: "choice", message: "Registry provider", only: docker, choices: ["DockerHub", "Harbor", "Quay", "Other"], default: "DockerHub", ask: true },
  { key: "auth", kind: "choice", message: "Registry authentication", only: docker, choices: ["Anonymous", "UsernamePassword"], default: "Anonymous", ask: true },
  // Github
  { key: "url", kind: "git-url", message: "GitHub account or repository URL", only: github, required: true, doc: "https://github.com/acme (Account) or https://github.com/acme/repo (Repo); git@github.com:acme/repo.git with Ssh" },
  { key: "connectionType", kind: "choice", message: "Connect to a whole account or one repository", only: github, choices: ["Repo", "Account"], default: "Repo", ask: true },
  { key: "validationRepo", kind: "text", message: "Repository used to test the connection", only: { type: ["Github"], connectionType: ["Account"] }, required: true, check: oneToken("validationRepo") },
  { key: "authType", kind: "choice", message: "Git authentication", only: github, choices: ["Http", "Ssh"], default: "Http", ask: true },
  { key: "sshKeyRef", kind: "secret-ref", message: "SSH key secret", only: { type: ["Github"], authType: ["Ssh"] }, required: true },
  { key: "apiAccess", kind: "boolean", message: "Enable API access (pull request status, webhooks)", only: github, default: true },
  // Shared by DockerRegistry (UsernamePassword) and Github (Http)
  {
    key: "username",
    kind: "text",
    message: "Username",
    only: [{ type: ["DockerRegistry"], auth: ["UsernamePassword"] }, { type: ["Github"], authType: ["Http"] }],
    required: true,
    check: oneToken("username"),
  },
  { key: "passwordRef", kind: "secret-ref", message: "Password secret", only: { type: ["DockerRegistry"], auth: ["UsernamePassword"] }, required: true },
  {
    key: "tokenRef",
    kind: "secret-ref",
    message: "Personal access token secret",
    doc: "Token secret, used for Http authentication and for API access",
    only: [{ type: ["Github"], authType: ["Http"] }, { type: ["Github"], apiAccess: ["true"] }],
    required: true,
  },
  // K8sCluster and Aws
  {
    key: "credential",
    kind: "choice",
    message: "Credentials",
    only: { type: ["K8sCluster", "Aws"] },
    choices: ["InheritFromDelegate", "ManualConfig", "Irsa"],
    default: "InheritFromDelegate",
    ask: true,
    check: (value, a) => (value === "Irsa" && a.type !== "Aws" ? "credential Irsa is only for Aws connectors" : undefined),
  },
  {
    key: "delegateSelectors",
    kind: "list",
    message: "Delegate selectors (comma-separated)",
    only: [{ type: ["K8sCluster"], credential: ["InheritFromDelegate"] }, { type: ["Aws"], credential: ["InheritFromDelegate", "Irsa"] }],
    required: true,
    check: nonEmpty,
  },
  { key: "masterUrl", kind: "url", message: "Kubernetes API server URL", only: { type: ["K8sCluster"], credential: ["ManualConfig"] }, required: true },
  { key: "serviceAccountTokenRef", kind: "secret-ref", message: "Service account token secret", only: { type: ["K8sCluster"], credential: ["ManualConfig"] }, required: true },
  {
    key: "accessKey",
    kind: "text",
    message: "AWS access key ID",
    only: { type: ["Aws"], credential: ["ManualConfig"] },
    required: true,
    check: (value) => (typeof value === "string" && /^[A-Z0-9]{16,128}$/.test(value) ? undefined : "accessKey must be an AWS access key ID (capital letters and digits)"),
  },
  { key: "secretKeyRef", kind: "secret-ref", message: "AWS secret key secret", only: { type: ["Aws"], credential: ["ManualConfig"] }, required: true },
  { key: "region", kind: "region", message: "AWS region", only: { type: ["Aws"] }, default: "us-east-1", ask: true },
  {
    ...valueSourceAnswer("secretSource", "Where publish reads the secret's value from (env:VAR, file:PATH or prompt)", ""),
    only: [
      { type: ["DockerRegistry"], auth: ["UsernamePassword"] },
      { type: ["Github"], authType: ["Http"] },
      { type: ["Github"], apiAccess: ["true"] },
      { type: ["K8sCluster", "Aws"], credential: ["ManualConfig"] },
    ],
    default: (a) => `env:${(secretRefOf(a) ?? "SECRET").replace(/^(org|account)\./, "").toUpperCase()}`,
    defaultText: "env:<the secret identifier in capitals>",
    doc: "Used for the secret file written for a project secret the connector references (not for org. or account. secrets)",
  },
];

/** The SecretText reference the connector makes (the SSH key of a Git connector is an SSHKey, not written). */
function secretRefOf(a: Answers): string | undefined {
  for (const key of ["passwordRef", "tokenRef", "serviceAccountTokenRef", "secretKeyRef"]) if (typeof a[key] === "string") return a[key] as string;
  return undefined;
}

/** The connector file's data; the service generator builds its connectors through this too. */
export function connectorData(a: Answers): Record<string, unknown> {
  const keys = [
    "name", "identifier", "description", "org", "project", "url", "providerType", "auth", "username", "passwordRef",
    "connectionType", "validationRepo", "authType", "sshKeyRef", "tokenRef", "credential", "masterUrl",
    "serviceAccountTokenRef", "accessKey", "secretKeyRef", "region",
  ];
  const data: Record<string, unknown> = Object.fromEntries(keys.map((k) => [k, a[k] === undefined ? null : str(a, k)]));
  data.tags = tags(a);
  data.apiAccess = a.apiAccess === true;
  data.delegateSelectors = list(a, "delegateSelectors");
  return data;
}

export const connector: GeneratorSpec = {
  name: "connector",
  description: "a connector: DockerRegistry, Github, K8sCluster or Aws (connectors/<identifier>.json)",
  answers,
  files(a) {
    const type = str(a, "type") as ConnectorType;
    const ref = secretRefOf(a);
    const project = typeof a.project === "string" && a.project !== "" ? a.project : undefined;
    // Only a project connector's plain reference names a secret this project can hold.
    const secret = ref !== undefined && project !== undefined && typeof a.secretSource === "string" ? secretTextJob(ref, { org: str(a, "org"), project }, a.secretSource) : [];
    return [...secret, { template: TEMPLATES[type], kind: "connector", identifier: str(a, "identifier"), data: connectorData(a) }];
  },
};

export default connector;
