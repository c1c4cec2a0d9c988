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
export { runCli } from "./cli/main.js";
export type { CliContext, Output } from "./cli/context.js";
