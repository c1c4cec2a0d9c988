/**
 * Where each kind of Harness entity lives in an output directory (the layout `new` writes and
 * `validate`, `plan` and `publish` read), and the order in which Harness needs them created.
 */
import path from "node:path";

export type EntityKind =
  | "project" | "secret" | "connector" | "service" | "environment" | "infrastructure" | "template" | "pipeline" | "inputset" | "trigger";

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
  // Both need their pipeline; a trigger's inputSetRefs name input sets (harness-api-triggers.md §5).
  "inputset",
  "trigger",
];

export const DEFAULT_OUT_DIR = ".harness";
export const MANIFEST_FILE = "harness-scaffold.json";
export const PROJECT_FILE = "project.json";

/**
 * Folder (relative to the out dir) and file extension of each kind. A `nested` kind keeps its
 * files one folder deeper, `<dir>/<folder>/<name><ext>`; NESTED_KEY says what folder and name stand for.
 */
export const KIND_LOCATION: Readonly<Record<EntityKind, { dir: string; ext: ".json" | ".yaml"; nested?: true }>> = {
  project: { dir: "", ext: ".json" },
  connector: { dir: "connectors", ext: ".json" },
  service: { dir: "services", ext: ".yaml" },
  environment: { dir: "environments", ext: ".yaml" },
  infrastructure: { dir: "infrastructures", ext: ".yaml" },
  template: { dir: "templates", ext: ".yaml", nested: true },
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
  template: "template",
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

/**
 * A nested kind's path holds a second key besides the identifier (its `group`): a template version
 * sits in its template's folder and is named after its versionLabel
 * (`templates/<identifier>/<versionLabel>.yaml`); a trigger or an input set sits in its pipeline's
 * folder and is named after itself (`triggers/<pipelineIdentifier>/<identifier>.yaml`).
 */
export const NESTED_KEY: Readonly<Partial<Record<EntityKind, { field: string; placedAs: "name" | "folder"; noun: string; shown: string }>>> = {
  template: { field: "versionLabel", placedAs: "name", noun: "version", shown: "<versionLabel>" },
  inputset: { field: "pipelineIdentifier", placedAs: "folder", noun: "pipeline", shown: "<pipeline>" },
  trigger: { field: "pipelineIdentifier", placedAs: "folder", noun: "pipeline", shown: "<pipeline>" },
};

/** The group a nested kind's document body names (an input set names its pipeline as `pipeline.identifier`). */
export function groupIn(kind: EntityKind, body: Record<string, unknown>): unknown {
  const nested = NESTED_KEY[kind];
  if (nested === undefined) return undefined;
  const pipeline = body.pipeline;
  const fallback = nested.field === "pipelineIdentifier" && typeof pipeline === "object" && pipeline !== null ? (pipeline as Record<string, unknown>).identifier : undefined;
  return body[nested.field] ?? fallback;
}

/** Relative path (POSIX separators) of an entity's file inside an out dir; `group` is a nested kind's second key. */
export function entityPath(kind: EntityKind, identifier: string, group?: string): string {
  if (kind === "project") return PROJECT_FILE;
  const { dir, ext } = KIND_LOCATION[kind];
  const nested = NESTED_KEY[kind];
  if (nested === undefined) return `${dir}/${identifier}${ext}`;
  const [folder, name] = nested.placedAs === "folder" ? [group ?? "", identifier] : [identifier, group ?? ""];
  return `${dir}/${folder}/${name}${ext}`;
}

/** A layout path read back: its kind, identifier and (nested kinds) group; undefined outside the layout. */
export function entityFromPath(filePath: string): { kind: EntityKind; identifier: string; group?: string } | undefined {
  const kind = kindFromPath(filePath);
  if (kind === undefined) return undefined;
  if (kind === "project") return { kind, identifier: "" };
  const parts = filePath.split(/[\\/]+/);
  const name = (parts.at(-1) ?? "").replace(/\.[^.]*$/, "");
  const nested = NESTED_KEY[kind];
  if (nested === undefined) return { kind, identifier: name };
  const folder = parts.at(-2) ?? "";
  return nested.placedAs === "folder" ? { kind, identifier: name, group: folder } : { kind, identifier: folder, group: name };
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

/** The folder a nested kind's file sits in (`triggers/<folder>/x.yaml` → folder), if it has one. */
export function folderFromPath(filePath: string): string | undefined {
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
