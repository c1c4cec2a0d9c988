/**
 * Specs of the four connector types the kit renders (shared/harness-api.md §1.3). Other connector
 * types pass with any spec: the kit does not produce them, Harness checks them on save.
 */
import { closed, oneKeyOf, stringList, text, nonEmptyText, typedSpec, type Schema } from "./common.js";

/** Keys every connector spec may carry besides its own. */
const commonSpecKeys = {
  connectorType: text,
  delegateSelectors: stringList,
  executeOnDelegate: { type: "boolean" },
  ignoreTestConnection: { type: "boolean" },
  proxy: { type: "boolean" },
} satisfies Record<string, Schema>;

const url: Schema = { type: "string", minLength: 1, format: "uri", "x-expected": "a URL such as https://example.com" };

const usernamePassword: Schema = closed({ username: text, usernameRef: text, passwordRef: nonEmptyText }, ["passwordRef"], oneKeyOf("username", "usernameRef"));

const dockerRegistry: Schema = closed(
  {
    ...commonSpecKeys,
    dockerRegistryUrl: url,
    providerType: { type: "string", enum: ["DockerHub", "Harbor", "Quay", "Other"], "x-label": "Docker provider type" },
    auth: typedSpec(["UsernamePassword", "Anonymous"], "Docker auth type", { UsernamePassword: usernamePassword }, { closed: true }),
  },
  ["dockerRegistryUrl", "providerType"],
);

const githubHttp: Schema = typedSpec(
  ["UsernamePassword", "UsernameToken", "OAuth", "GithubApp", "Anonymous"],
  "GitHub HTTP credential type",
  {
    UsernamePassword: usernamePassword,
    UsernameToken: closed({ username: text, usernameRef: text, tokenRef: nonEmptyText }, ["tokenRef"], oneKeyOf("username", "usernameRef")),
    OAuth: closed({ tokenRef: nonEmptyText, refreshTokenRef: text }, ["tokenRef"]),
    GithubApp: closed(
      { applicationId: text, applicationIdRef: text, installationId: text, installationIdRef: text, privateKeyRef: nonEmptyText },
      ["privateKeyRef"],
      { allOf: [oneKeyOf("applicationId", "applicationIdRef"), oneKeyOf("installationId", "installationIdRef")] },
    ),
  },
  { closed: true },
);

const github: Schema = closed(
  {
    ...commonSpecKeys,
    url: { type: "string", minLength: 1 },
    type: { type: "string", enum: ["Account", "Repo", "Project"], "x-label": "GitHub connection type" },
    validationRepo: text,
    authentication: typedSpec(
      ["Http", "Ssh"],
      "GitHub authentication type",
      { Http: githubHttp, Ssh: closed({ sshKeyRef: nonEmptyText }, ["sshKeyRef"]) },
      { required: ["spec"], closed: true },
    ),
    apiAccess: typedSpec(
      ["GithubApp", "Token", "OAuth"],
      "GitHub API access type",
      { Token: closed({ tokenRef: nonEmptyText }, ["tokenRef"]), OAuth: closed({ tokenRef: nonEmptyText, refreshTokenRef: text }, ["tokenRef"]) },
      { closed: true },
    ),
  },
  ["url", "type", "authentication"],
);

const k8sAuth: Schema = typedSpec(
  ["UsernamePassword", "ClientKeyCert", "ServiceAccount", "OpenIdConnect"],
  "Kubernetes auth type",
  {
    UsernamePassword: usernamePassword,
    ServiceAccount: closed({ serviceAccountTokenRef: nonEmptyText, caCertRef: text }, ["serviceAccountTokenRef"]),
    ClientKeyCert: closed(
      { caCertRef: text, clientCertRef: nonEmptyText, clientKeyRef: nonEmptyText, clientKeyPassphraseRef: text, clientKeyAlgo: text },
      ["clientCertRef", "clientKeyRef"],
    ),
    OpenIdConnect: closed(
      {
        oidcIssuerUrl: text,
        oidcUsername: text,
        oidcUsernameRef: text,
        oidcClientIdRef: nonEmptyText,
        oidcPasswordRef: nonEmptyText,
        oidcSecretRef: text,
        oidcScopes: text,
      },
      ["oidcClientIdRef", "oidcPasswordRef"],
    ),
  },
  { required: ["spec"], closed: true },
);

const k8sCluster: Schema = closed(
  {
    ...commonSpecKeys,
    credential: typedSpec(
      ["InheritFromDelegate", "ManualConfig"],
      "Kubernetes credential type",
      { ManualConfig: closed({ masterUrl: url, auth: k8sAuth }, ["masterUrl", "auth"]) },
      { closed: true },
    ),
  },
  ["credential"],
);

const aws: Schema = closed(
  {
    ...commonSpecKeys,
    awsSdkClientBackOffStrategyOverride: { type: "object" },
    credential: typedSpec(
      ["InheritFromDelegate", "ManualConfig", "Irsa", "OidcAuthentication", "CredentialBroker"],
      "AWS credential type",
      {
        ManualConfig: closed(
          { accessKey: text, accessKeyRef: text, secretKeyRef: nonEmptyText, sessionTokenRef: text },
          ["secretKeyRef"],
          oneKeyOf("accessKey", "accessKeyRef"),
        ),
        OidcAuthentication: closed({ iamRoleArn: text, oidcSessionTagKeys: stringList }),
      },
      {
        properties: {
          region: text,
          crossAccountAccess: closed(
            { crossAccountRoleArn: nonEmptyText, externalId: text, assumeRoleSessionDuration: { type: "integer" } },
            ["crossAccountRoleArn"],
          ),
        },
        closed: true,
      },
    ),
  },
  ["credential"],
);

/** Spec schema per connector `type` the kit models. */
export const CONNECTOR_SPECS: Readonly<Record<string, Schema>> = {
  DockerRegistry: dockerRegistry,
  Github: github,
  K8sCluster: k8sCluster,
  Aws: aws,
};
