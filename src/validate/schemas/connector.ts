/**
 * The connector request body `{ "connector": {...} }` (shared/harness-api.md §1.3). The identifier
 * may contain `$` here, unlike in YAML entities.
 */
import { closed, connectorIdentifier, description, identifier, name, tags, text, typedSpec, type Schema } from "./common.js";
import { CONNECTOR_SPECS } from "./connector-specs.js";

/** Connector types the live Harness schema lists (2026-05). */
export const CONNECTOR_TYPES: readonly string[] = [
  "K8sCluster", "Git", "Splunk", "AppDynamics", "Prometheus", "Dynatrace", "Vault", "AzureKeyVault", "DockerRegistry",
  "Local", "AwsKms", "GcpKms", "AwsSecretManager", "Gcp", "Aws", "Azure", "Artifactory", "Jira", "Nexus", "Github",
  "Gitlab", "Bitbucket", "Codecommit", "CEAws", "CEAzure", "GcpCloudCost", "CEK8sCluster", "HttpHelmRepo", "NewRelic",
  "Datadog", "SumoLogic", "PagerDuty", "CustomHealth", "ServiceNow", "ErrorTracking", "Pdc", "AzureRepo", "Jenkins",
  "OciHelmRepo", "CustomSecretManager", "ElasticSearch", "GcpSecretManager", "AzureArtifacts", "Tas", "Spot", "Bamboo",
  "TerraformCloud", "SignalFX", "Harness", "Rancher", "JDBC", "Zoom", "MsTeams", "Confluence", "Slack", "Salesforce",
  "LangSmith", "MLFlow", "OpsGenie", "GithubMcp", "Mcp", "OpenAI", "Anthropic", "GoogleChat", "XMatters",
];

export const connectorSchema: Schema = closed(
  {
    connector: typedSpec(CONNECTOR_TYPES, "connector type", CONNECTOR_SPECS, {
      properties: {
        name,
        identifier: connectorIdentifier,
        description,
        accountIdentifier: text,
        orgIdentifier: identifier,
        projectIdentifier: identifier,
        tags,
      },
      required: ["name", "identifier", "spec"],
      closed: true,
    }),
  },
  ["connector"],
  { "x-unknown": "error" },
);
