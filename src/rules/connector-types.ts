/**
 * Every connector `type` Harness's live connector schema lists (2026-05, shared/harness-api.md §1.3).
 * One list for the validator and the emulator, so both accept the same types.
 */
export const CONNECTOR_TYPES: readonly string[] = [
  "K8sCluster", "Git", "Splunk", "AppDynamics", "Prometheus", "Dynatrace", "Vault", "AzureKeyVault", "DockerRegistry",
  "Local", "AwsKms", "GcpKms", "AwsSecretManager", "Gcp", "Aws", "Azure", "Artifactory", "Jira", "Nexus", "Github",
  "Gitlab", "Bitbucket", "Codecommit", "CEAws", "CEAzure", "GcpCloudCost", "CEK8sCluster", "HttpHelmRepo", "NewRelic",
  "Datadog", "SumoLogic", "PagerDuty", "CustomHealth", "ServiceNow", "ErrorTracking", "Pdc", "AzureRepo", "Jenkins",
  "OciHelmRepo", "CustomSecretManager", "ElasticSearch", "GcpSecretManager", "AzureArtifacts", "Tas", "Spot", "Bamboo",
  "TerraformCloud", "SignalFX", "Harness", "Rancher", "JDBC", "Zoom", "MsTeams", "Confluence", "Slack", "Salesforce",
  "LangSmith", "MLFlow", "OpsGenie", "GithubMcp", "Mcp", "OpenAI", "Anthropic", "GoogleChat", "XMatters",
];
