/**
 * Where each kind of Harness entity lives in an output directory (the layout `new` writes and
 * `validate`, `plan` and `publish` read), and the order in which Harness needs them created.
 */
import path from "node:path";

export type EntityKind = "project" | "connector" | "service" | "environment" | "infrastructure" | "template" | "pipeline" | "secret";

/** Publish order: a kind never goes before the kinds it refers to. */
export const PUBLISH_ORDER: readonly EntityKind[] = [
  "project",
  "secret",
  "connector",
  "service",
  "environment",
  "infrastructure",
  "template",
  "pipeline",
];

export const DEFAULT_OUT_DIR = ".harness";
export const MANIFEST_FILE = "harness-scaffold.json";
export const PROJECT_FILE = "project.json";

/**
 * Folder (relative to the out dir) and file extension of each kind. A `nested` kind keeps its
 * files one folder deeper, `<dir>/<group>/<name><ext>` (template versions: the group is the
 * template's identifier, the name its versionLabel).
 */
export const KIND_LOCATION: Readonly<Record<EntityKind, { dir: string; ext: ".json" | ".yaml"; nested?: boolean }>> = {
  project: { dir: "", ext: ".json" },
  connector: { dir: "connectors", ext: ".json" },
  service: { dir: "services", ext: ".yaml" },
  environment: { dir: "environments", ext: ".yaml" },
  infrastructure: { dir: "infrastructures", ext: ".yaml" },
  template: { dir: "templates", ext: ".yaml", nested: true },
  pipeline: { dir: "pipelines", ext: ".yaml" },
  secret: { dir: "secrets", ext: ".yaml" },
};

/** The YAML root key Harness stores each YAML kind under. */
export const YAML_ROOT_KEY: Readonly<Partial<Record<EntityKind, string>>> = {
  service: "service",
  environment: "environment",
  infrastructure: "infrastructureDefinition",
  template: "template",
  pipeline: "pipeline",
  // The kit's own value-free description of a secret (the value comes from its valueSource).
  secret: "secret",
};

/** The JSON wrapper key of each JSON request body. */
export const JSON_ROOT_KEY: Readonly<Partial<Record<EntityKind, string>>> = {
  project: "project",
  connector: "connector",
};

/** Relative path (POSIX separators) of an entity's file inside an out dir; `group` places a nested kind's file. */
export function entityPath(kind: EntityKind, identifier: string, group?: string): string {
  if (kind === "project") return PROJECT_FILE;
  const { dir, ext, nested } = KIND_LOCATION[kind];
  return nested === true ? `${dir}/${group ?? ""}/${identifier}${ext}` : `${dir}/${identifier}${ext}`;
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
    const root = YAML_ROOT_KEY[kind] ?? JSON_ROOT_KEY[kind];
    if (root !== undefined && keys.includes(root)) return kind;
  }
  return undefined;
}
