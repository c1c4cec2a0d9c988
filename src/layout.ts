/**
 * Where each kind of Harness entity lives in an output directory (the layout `new` writes and
 * `validate`, `plan` and `publish` read), and the order in which Harness needs them created.
 */
import path from "node:path";

export type EntityKind = "project" | "connector" | "service" | "environment" | "infrastructure" | "pipeline" | "secret";

/** Publish order: a kind never goes before the kinds it refers to. */
export const PUBLISH_ORDER: readonly EntityKind[] = [
  "project",
  "secret",
  "connector",
  "service",
  "environment",
  "infrastructure",
  "pipeline",
];

export const DEFAULT_OUT_DIR = ".harness";
export const MANIFEST_FILE = "harness-scaffold.json";
export const PROJECT_FILE = "project.json";

/** Folder (relative to the out dir) and file extension of each kind. */
export const KIND_LOCATION: Readonly<Record<EntityKind, { dir: string; ext: ".json" | ".yaml" }>> = {
  project: { dir: "", ext: ".json" },
  connector: { dir: "connectors", ext: ".json" },
  service: { dir: "services", ext: ".yaml" },
  environment: { dir: "environments", ext: ".yaml" },
  infrastructure: { dir: "infrastructures", ext: ".yaml" },
  pipeline: { dir: "pipelines", ext: ".yaml" },
  secret: { dir: "secrets", ext: ".yaml" },
};

/** The YAML root key Harness stores each YAML kind under. */
export const YAML_ROOT_KEY: Readonly<Partial<Record<EntityKind, string>>> = {
  service: "service",
  environment: "environment",
  infrastructure: "infrastructureDefinition",
  pipeline: "pipeline",
  // The kit's own value-free description of a secret (the value comes from its valueSource).
  secret: "secret",
};

/** The JSON wrapper key of each JSON request body. */
export const JSON_ROOT_KEY: Readonly<Partial<Record<EntityKind, string>>> = {
  project: "project",
  connector: "connector",
};

/** Relative path (POSIX separators) of an entity's file inside an out dir. */
export function entityPath(kind: EntityKind, identifier: string): string {
  if (kind === "project") return PROJECT_FILE;
  const { dir, ext } = KIND_LOCATION[kind];
  return `${dir}/${identifier}${ext}`;
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
    const { dir, ext } = KIND_LOCATION[kind];
    if (dir !== "" && parent === dir && path.extname(base) === ext) return kind;
  }
  if (parent === "pipelines" && base.endsWith(".yml")) return "pipeline";
  return undefined;
}

/** The kind a parsed document has from its root key (undefined if it has none we know). */
export function kindFromRootKey(doc: unknown): EntityKind | undefined {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return undefined;
  const keys = Object.keys(doc);
  for (const kind of PUBLISH_ORDER) {
    const root = YAML_ROOT_KEY[kind] ?? JSON_ROOT_KEY[kind];
    if (root !== undefined && keys.includes(root)) return kind;
  }
  return undefined;
}
