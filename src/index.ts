/**
 * The library API of harness-scaffold. Only what users (and the CLI) call is exported here;
 * internal helpers stay private to their modules.
 */
export { KitError, isKitError, exitCodeFor } from "./errors.js";
export type { KitErrorCode } from "./errors.js";
export { PUBLISH_ORDER, entityPath } from "./layout.js";
export type { EntityKind } from "./layout.js";
export { generate } from "./generate/generate.js";
export type { GenerateOptions, GenerateResult, GeneratedFile } from "./generate/generate.js";
export { listGenerators } from "./generate/registry.js";
export type { GeneratorInfo, AnswerKeyInfo } from "./generate/registry.js";
export { SAMPLE_SERVICE_ANSWERS } from "../generators/service.js";
export { loadOfficialSchema, loadEntitySchema } from "./validate/official/index.js";
export type { OfficialSchema, OfficialSchemaOptions, EntitySchema } from "./validate/official/index.js";
export { startEmulator } from "./emulator/server.js";
export type { EmulatorOptions, RunningEmulator, Fault, FaultKind, FaultOptions, RateLimitOptions } from "./emulator/types.js";
export { plan } from "./plan/plan.js";
export type { PlanOptions, PlanResult } from "./plan/plan.js";
export type { PlanItem, PlanAction } from "./plan/plan-entity.js";
export type { ConnectOptions } from "./plan/session.js";
export { publish } from "./publish/publish.js";
export type { PublishOptions, PublishResult, PublishItem, PublishAction, ProgressEvent } from "./publish/publish.js";
export { rollback } from "./publish/rollback.js";
export type { RollbackOptions, RollbackResult, RollbackItem } from "./publish/rollback.js";
export { createHarnessClient } from "./harness/client.js";
export type { HarnessClient, HarnessClientOptions, HarnessRequest } from "./harness/client.js";
export { resolveConnection } from "./harness/credentials.js";
export type { Connection, ConnectionInput } from "./harness/credentials.js";
export { HARNESS_RETRY_POLICY } from "./harness/retry-policy.js";
export type { RetryPolicy } from "./harness/retry-policy.js";
export { DEFAULT_RATE_LIMIT, createRateLimiter } from "./harness/rate-limiter.js";
export type { RateLimit, RateLimiter } from "./harness/rate-limiter.js";
export { OWNERSHIP_TAG } from "./plan/ownership.js";
export { runCli } from "./cli/main.js";
export type { CliContext, Output } from "./cli/context.js";
