/**
 * Layer 2 of validation: Harness's own published schemas. The official v0 pipeline schema is
 * repaired, compiled once and cached on disk; the entity schemas compile in memory.
 *
 * The validators return Ajv's raw errors. Turning them into one located, readable issue per mistake
 * is the error reducer's job (src/validate), not this module's.
 */
export { loadOfficialSchema } from "./load-official-schema.js";
export type { OfficialSchema, OfficialSchemaOptions } from "./load-official-schema.js";
export { loadEntitySchema } from "./entity-schema.js";
export type { EntitySchema } from "./entity-schema.js";
export { resolveCacheDir } from "./cache-dir.js";
export type { CacheDirOptions } from "./cache-dir.js";
export { repairSchema, REPAIR_VERSION } from "./repair-schema.js";
export type { Repair, RepairKind } from "./repair-schema.js";
