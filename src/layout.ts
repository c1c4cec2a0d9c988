/**
 * Where each kind of Harness entity lives in an output directory (the layout `new` writes and
 * `validate`, `plan` and `publish` read), and the order in which Harness needs them created.
 */
import path from "node:path";

export type EntityKind =
  | "project" | "secret" | "connector" | "service" | "environment" | "infrastructure" | "pipeline" | "inputset" | "trigger";

/** Publish order: a kind never goes before the kinds it refers to. */
export const PUBLISH_ORDER: readonly EntityKind[] = [
  "project",
  "secret",
  "connector",
  "service",
  "environment",
  "infrastructure",
  "pipeline",
  // Both need their pipeline; a trigger's inputSetRefs name input sets (harness-api-triggers.md §5).
  "inputset",
  "trigger",
];

export const DEFAULT_OUT_DIR = ".harness";
export const MANIFEST_FILE = "harness-scaffold.json";
export const PROJECT_FILE = "project.json";

/**
 * Folder (relative to the out dir) and file extension of each kind. A `nested` kind belongs to
 * another entity (its group, e.g. a trigger's pipeline): files live at `<dir>/<group>/<name><ext>`.
 */
export const KIND_LOCATION: Readonly<Record<EntityKind, { dir: string; ext: ".json" | ".yaml"; nested?: true }>> = {
  project: { dir: "", ext: ".json" },
  connector: { dir: "connectors", ext: ".json" },
  service: { dir: "services", ext: ".yaml" },
  environment: { dir: "environments", ext: ".yaml" },
  infrastructure: { dir: "infrastructures", ext: ".yaml" },
  pipeline: { dir: "pipelines", ext: ".yaml" },
  inputset: { dir: "inputsets", ext: ".yaml", nested: true },
  trigger: { dir: "triggers", ext: ".yaml", nested: true },
  secret: { dir: "secrets", ext: ".yaml" },
};

/** The YAML root key Harness stores each YAML kind under. */
export const YAML_ROOT_KEY: Readonly<Partial<Record<EntityKind, string>>> = {
  service: "service",
  environment: "environment",
  infrastructure: "infrastructureDefinition",
  pipeline: "pipeline",
  inputset: "inputSet",
  trigger: "trigger",
  // The kit's own value-free description of a secret (the value comes from its valueSource).
  secret: "secret",
};

/** Other root keys a kind's files may have: an overlay input set is an input set of input sets. */
export const OTHER_ROOT_KEYS: Readonly<Partial<Record<EntityKind, readonly string[]>>> = {
  inputset: ["overlayInputSet"],
};

/** The JSON wrapper key of each JSON request body. */
export const JSON_ROOT_KEY: Readonly<Partial<Record<EntityKind, string>>> = {
  project: "project",
  connector: "connector",
};

/** Relative path (POSIX separators) of an entity's file inside an out dir; `group` places a nested kind. */
export function entityPath(kind: EntityKind, identifier: string, group?: string): string {
  if (kind === "project") return PROJECT_FILE;
  const { dir, ext, nested } = KIND_LOCATION[kind];
  return nested === true && group !== undefined ? `${dir}/${group}/${identifier}${ext}` : `${dir}/${identifier}${ext}`;
}

/**
 * The kind a file has from its place in the layout alone (undefined when the place says nothing,
 * e.g. a file given on the command line outside any layout; callers then look at its root key).
 */
export function kindFromPath(filePath: string): EntityKind | undefined {
  const parts = filePath.split(/[\\/]+/);
  const base = parts.at(-1) ?? "";
  const parent = parts.at(-2);
  if (base === PROJECT_FILE) return "project";
  for (const kind of PUBLISH_ORDER) {
    const { dir, ext, nested } = KIND_LOCATION[kind];
    const folder = nested === true ? parts.at(-3) : parent;
    if (dir !== "" && folder === dir && path.extname(base) === ext) return kind;
  }
  if (parent === "pipelines" && base.endsWith(".yml")) return "pipeline";
  return undefined;
}

/** The kind a parsed document has from its root key (undefined if it has none we know). */
export function kindFromRootKey(doc: unknown): EntityKind | undefined {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return undefined;
  const keys = Object.keys(doc);
  for (const kind of PUBLISH_ORDER) {
    const roots = [YAML_ROOT_KEY[kind] ?? JSON_ROOT_KEY[kind], ...(OTHER_ROOT_KEYS[kind] ?? [])];
    if (roots.some((root) => root !== undefined && keys.includes(root))) return kind;
  }
  return undefined;
}

/** The group a nested kind's file sits in (`triggers/<group>/x.yaml` → group), if it has one. */
export function groupFromPath(filePath: string): string | undefined {
  const parts = filePath.split(/[\\/]+/);
  const kind = kindFromPath(filePath);
  return kind !== undefined && KIND_LOCATION[kind].nested === true ? parts.at(-2) : undefined;
}

/** The root key a document of `kind` actually has (an overlay input set's differs from a plain one's). */
export function rootKeyIn(kind: EntityKind, doc: unknown): string {
  const main = (YAML_ROOT_KEY[kind] ?? JSON_ROOT_KEY[kind] ?? kind) as string;
  if (typeof doc !== "object" || doc === null || main in doc) return main;
  return (OTHER_ROOT_KEYS[kind] ?? []).find((key) => key in doc) ?? main;
}
