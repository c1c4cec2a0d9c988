/**
 * Which step types each stage type allows in its execution (steps, rollbackSteps, step groups and
 * parallel blocks alike), as in Harness's v0 pipeline schema (harness-schema @1bb19b67). Only the
 * Deployment, CI and Custom stages are listed; other stage types are not checked.
 * test/validate/stage-step-types.test.ts compares every pair with the official schema.
 */

/** Deployment (CD) stages: deployment, provisioning, approval, utility and GitOps steps. */
const DEPLOYMENT_STEP_TYPES: readonly string[] = [
  "Agent", "AiEval", "AIExperiment", "AiTestAutomation", "AiVerify", "AIVerifyNG", "AnalyzeDeploymentImpact",
  "AppResize", "AppRollback", "AsgBlueGreenDeploy", "AsgBlueGreenRollback", "AsgBlueGreenSwapService",
  "AsgCanaryDelete", "AsgCanaryDeploy", "AsgPhasedDeploy", "AsgRollback", "AsgRollingDeploy", "AsgRollingRollback",
  "AsgScale", "AsgSetup", "AsgShiftTraffic", "AsgSteadyState", "AwsCdkBootstrap", "AwsCdkDeploy", "AwsCdkDestroy",
  "AwsCdkDiff", "AwsCdkRollback", "AwsCdkSynth", "AwsLambdaCanaryDeploy", "AwsLambdaCanaryRollback",
  "AwsLambdaDeploy", "AwsLambdaRollback", "AwsLambdaTrafficShift", "AwsSamBuild", "AwsSamDeploy", "AwsSamRollback",
  "AzureARMRollback", "AzureContainerAppsDeploy", "AzureContainerAppsPrepareRollbackData",
  "AzureContainerAppsRollback", "AzureContainerAppsTrafficShift", "AzureCreateARMResource", "AzureCreateBPResource",
  "AzureFunctionDeploy", "AzureFunctionRollback", "AzureSlotDeployment", "AzureSwapSlot", "AzureTrafficShift",
  "AzureWebAppRollback", "Background", "BambooBuild", "Barrier", "BasicAppSetup", "BGAppSetup", "CanaryAppSetup",
  "CdSscaEnforcement", "CdSscaOrchestration", "ChangeAdvisor", "Chaos", "ChaosAction", "ChaosFault", "ChaosProbe",
  "CloudFunctionRollback", "CloudFunctionTrafficShift", "Command", "Container", "CreateStack", "CustomApproval",
  "CustomIngest", "DBSchemaApply", "DBSchemaRollback", "DBSchemaRollbackSQL", "DBSchemaUpdateSQL",
  "DBTestAndPreview", "DeleteStack", "DeployAttestation", "DeployAwsAgentCoreRevision", "DeployCloudFunction",
  "DeployCloudFunctionGenOne", "DeployCloudFunctionWithNoTraffic", "DeployGoogleAgentRuntimeRevision",
  "DownloadAwsS3", "DownloadGcs", "DownloadHarnessStore", "DownloadManifests", "EcsBasicRollback",
  "EcsBlueGreenCreateService", "EcsBlueGreenRollback", "EcsBlueGreenSwapTargetGroups", "EcsBlueGreenTrafficShift",
  "EcsCanaryDelete", "EcsCanaryDeploy", "EcsRollingDeploy", "EcsRollingRollback", "EcsRunTask", "EcsScale",
  "EcsServiceSetup", "EcsUpgradeContainer", "ElastigroupBGStageSetup", "ElastigroupBlueGreenTrafficShift",
  "ElastigroupDeploy", "ElastigroupRollback", "ElastigroupSetup", "ElastigroupSwapRoute", "Email",
  "EnforceAttestation", "EventListener", "FetchInstanceScript", "FilesUpload", "FlywayCommand",
  "FmeFlagAddRemoveFlagsets", "FmeFlagAddRemoveIndividualTargets", "FmeFlagArchive", "FmeFlagCreate",
  "FmeFlagDefaultAllocation", "FmeFlagDefinitionInstructions", "FmeFlagDelete", "FmeFlagKill",
  "FmeFlagLimitExposure", "FmeFlagPatchDefinition", "FmeFlagReallocateTraffic", "FmeFlagRestore", "FmeFlagsetCreate",
  "FmeFlagsetDelete", "FmeFlagSetDynamicConfigurations", "FmeFlagSetImpressionTracking",
  "FmeFlagSetIndividualTargets", "FmeFlagSetTargetingRules", "FmeFlagSetTreatments", "FmeFlagUpdate",
  "FmeMetricCheck", "FmeSegmentAddRemoveTargets", "FmeSegmentCreate", "FmeSegmentDelete",
  "FmeSegmentSetTargetingRules", "FmeSegmentUpdate", "GCEProvisionBackendService", "GitClone",
  "GitOpsFetchLinkedApps", "GitOpsGetAppDetails", "GitOpsRollback", "GitOpsRollout", "GitOpsSync",
  "GitOpsUpdateReleaseRepo", "GoogleCloudRunDeploy", "GoogleCloudRunJob", "GoogleCloudRunPrepareRollbackData",
  "GoogleCloudRunRollback", "GoogleCloudRunTrafficShift", "GoogleMigBlueGreenDeploy", "GoogleMigBlueGreenRollback",
  "GoogleMigDeploy", "GoogleMigSteadyState", "GoogleMigTrafficShift", "HarnessApproval", "HelmBGDeploy",
  "HelmBlueGreenSwapStep", "HelmCanaryDelete", "HelmCanaryDeploy", "HelmDelete", "HelmDeploy", "HelmRollback",
  "Http", "IdpAction", "JenkinsBuild", "JiraApproval", "JiraCreate", "JiraUpdate", "K8sApply", "K8sBGSwapServices",
  "K8sBlueGreenDeploy", "K8sBlueGreenStageScaleDown", "K8sBlueGreenStageScaleUp", "K8sCanaryDelete",
  "K8sCanaryDeploy", "K8sDelete", "K8sDiff", "K8sDryRun", "K8sPatch", "K8sProgressiveCanaryRollback",
  "K8sRollingDeploy", "K8sRollingRollback", "K8sRollout", "K8sScale", "K8sTrafficRouting", "LiquibaseCommand",
  "LoadTest", "MergePR", "Plugin", "Policy", "Queue", "RevertPR", "RollbackAwsAgentCoreRevision",
  "RollbackCloudFunctionGenOne", "RollbackGoogleAgentRuntimeRevision", "RollbackStack", "RONotify", "RouteMapping",
  "Run", "S3Upload", "SalesforceApexTest", "SalesforceCreateScratchOrg", "SalesforceDeleteScratchOrg",
  "SalesforceDeploy", "SalesforceDownloadDeployables", "SalesforceDownloadOrg", "SalesforceEvaluateDiff",
  "SalesforceQuickDeploy", "SalesforceRollback", "SalesforceSourceBackup", "SalesforceValidate",
  "ServerlessAwsLambdaDeploy", "ServerlessAwsLambdaDeployV2", "ServerlessAwsLambdaPackageV2",
  "ServerlessAwsLambdaPrepareRollbackV2", "ServerlessAwsLambdaRollback", "ServerlessAwsLambdaRollbackV2",
  "ServiceNowApproval", "ServiceNowCreate", "ServiceNowImportSet", "ServiceNowUpdate", "ShellScript",
  "ShellScriptProvision", "ShiftAwsAgentCoreTraffic", "ShiftGoogleAgentRuntimeTraffic", "SlackNotify",
  "SlsaVerification", "SscaArtifactVerification", "SscaEnforcement", "SscaOrchestration",
  "StandAloneTrafficShiftRollback", "SwapRollback", "SwapRoutes", "TanzuCommand", "TasRollingDeploy",
  "TasRollingRollback", "TerraformApply", "TerraformCloudRollback", "TerraformCloudRun", "TerraformDestroy",
  "TerraformPlan", "TerraformRollback", "TerragruntApply", "TerragruntDestroy", "TerragruntPlan",
  "TerragruntRollback", "UpdateGitOpsApp", "Verify", "Wait", "Wiz",
];

/** CI stages: build, test, cache, upload and security-scan steps; no ShellScript (use Run). */
const CI_STEP_TYPES: readonly string[] = [
  "Action", "Agent", "AiEval", "AiTestAutomation", "Anchore", "AquaSecurity", "AquaTrivy", "ArtifactoryUpload",
  "AWSECR", "AWSSecurityHub", "Background", "Bandit", "Bitrise", "BlackDuck", "Brakeman", "BuildAndPushACR",
  "BuildAndPushDockerRegistry", "BuildAndPushECR", "BuildAndPushGAR", "BuildAndPushGCR", "Burp", "ChangeAdvisor",
  "Checkmarx", "CheckmarxOne", "Checkov", "Clair", "CodeQL", "CortexCloud", "Coverity", "CustomIngest",
  "DataTheorem", "DeployAttestation", "DockerContentTrust", "EnforceAttestation", "EventListener", "FortifyOnDemand",
  "Fossa", "GCSUpload", "GitClone", "GitHubAdvancedSecurity", "Gitleaks", "Grype", "HarnessSAST", "HarnessSCA",
  "HarUpload", "HsaRepoScan", "IdpAction", "JfrogXray", "Mend", "Metasploit", "ModelScan", "MythosAgent", "Nessus",
  "NexusIQ", "Nikto", "Nmap", "OpenAi", "Openvas", "OsvScanner", "Owasp", "Plugin", "Policy", "PrismaCloud",
  "provenance", "Prowler", "Qualys", "Reapsaw", "RestoreCache", "RestoreCacheAzure", "RestoreCacheGCS",
  "RestoreCacheS3", "RONotify", "Run", "RunTests", "S3Upload", "SaveCache", "SaveCacheAzure", "SaveCacheGCS",
  "SaveCacheS3", "Security", "Semgrep", "ShiftLeft", "SlsaVerification", "Sniper", "Snyk", "Sonarqube",
  "SscaAibomOrchestration", "SscaArtifactSigning", "SscaArtifactVerification", "SscaCompliance", "SscaEnforcement",
  "SscaJunitAttestation", "SscaOrchestration", "SscaPrAttestation", "Sysdig", "Tenable", "Test", "Traceable",
  "Veracode", "Wait", "Wiz", "Zap",
];

/** Custom stages: utility, approval, provisioning and database steps; no Kubernetes deployment steps. */
const CUSTOM_STEP_TYPES: readonly string[] = [
  "Agent", "AiEval", "AIExperiment", "AiTestAutomation", "AIVerifyNG", "AsgSteadyState", "AwsCdkBootstrap",
  "AwsCdkDeploy", "AwsCdkDestroy", "AwsCdkDiff", "AwsCdkRollback", "AwsCdkSynth", "AwsLambdaRollback",
  "AzureARMRollback", "AzureCreateARMResource", "AzureCreateBPResource", "Background", "BambooBuild", "Barrier",
  "ChangeAdvisor", "Chaos", "ChaosAction", "ChaosFault", "ChaosProbe", "Container", "CreateStack", "CustomApproval",
  "CustomIngest", "DBSchemaApply", "DBSchemaRollback", "DBSchemaRollbackSQL", "DBSchemaUpdateSQL",
  "DBTestAndPreview", "DeleteStack", "DownloadAwsS3", "DownloadGcs", "DownloadHarnessStore", "DownloadManifests",
  "EcsScale", "Email", "EventListener", "FilesUpload", "FlagConfiguration", "FlywayCommand",
  "FmeFlagAddRemoveFlagsets", "FmeFlagAddRemoveIndividualTargets", "FmeFlagArchive", "FmeFlagCreate",
  "FmeFlagDefaultAllocation", "FmeFlagDefinitionInstructions", "FmeFlagDelete", "FmeFlagKill",
  "FmeFlagLimitExposure", "FmeFlagPatchDefinition", "FmeFlagReallocateTraffic", "FmeFlagRestore", "FmeFlagsetCreate",
  "FmeFlagsetDelete", "FmeFlagSetDynamicConfigurations", "FmeFlagSetImpressionTracking",
  "FmeFlagSetIndividualTargets", "FmeFlagSetTargetingRules", "FmeFlagSetTreatments", "FmeFlagUpdate",
  "FmeMetricCheck", "FmeSegmentAddRemoveTargets", "FmeSegmentCreate", "FmeSegmentDelete",
  "FmeSegmentSetTargetingRules", "FmeSegmentUpdate", "GCEProvisionBackendService", "GitClone", "GoogleCloudRunJob",
  "HarnessApproval", "HelmDelete", "Http", "IdpAction", "JenkinsBuild", "JiraApproval", "JiraCreate", "JiraUpdate",
  "LiquibaseCommand", "LoadTest", "Plugin", "Policy", "Queue", "RollbackStack", "RONotify", "Run", "S3Upload",
  "SalesforceApexTest", "SalesforceCreateScratchOrg", "SalesforceDeleteScratchOrg", "SalesforceDeploy",
  "SalesforceDownloadDeployables", "SalesforceDownloadOrg", "SalesforceEvaluateDiff", "SalesforceQuickDeploy",
  "SalesforceRollback", "SalesforceSourceBackup", "SalesforceValidate", "ServiceNowApproval", "ServiceNowCreate",
  "ServiceNowImportSet", "ServiceNowUpdate", "ShellScript", "ShellScriptProvision", "SlackNotify", "TerraformApply",
  "TerraformCloudRollback", "TerraformCloudRun", "TerraformDestroy", "TerraformPlan", "TerraformRollback",
  "TerragruntApply", "TerragruntDestroy", "TerragruntPlan", "TerragruntRollback", "Wait", "Wiz",
];

/** The stage types whose steps are checked. */
export const STAGE_TYPES_CHECKED: readonly string[] = ["Deployment", "CI", "Custom"];

/** Step types allowed per stage type, for the stage types the kit checks. */
export const STEP_TYPES_BY_STAGE: Readonly<Record<string, ReadonlySet<string>>> = {
  Deployment: new Set(DEPLOYMENT_STEP_TYPES),
  CI: new Set(CI_STEP_TYPES),
  Custom: new Set(CUSTOM_STEP_TYPES),
};
