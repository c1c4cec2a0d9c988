/**
 * The entities a set of out dirs describe, read from the layout in src/layout.ts. Each entity
 * knows its address in Harness (org, project, environment): from its own document first, else
 * from the dir's project.json. Several dirs may share a project; identical copies of an entity
 * collapse into one, different ones are an error.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { KitError } from "../errors.js";
import type { Doc, EntityAddress } from "../harness/entity-api.js";
import { rootKeyOf } from "../harness/entity-api.js";
import { DEFAULT_OUT_DIR, PROJECT_FILE, PUBLISH_ORDER } from "../layout.js";
import { kindFiles } from "../layout-files.js";
import { parseYamlValues as parseYaml } from "../util/yaml-values.js";
import { normalize } from "./compare.js";

export interface LocalEntity extends EntityAddress {
  /** Path as shown to the user (relative to cwd). */
  file: string;
  /** The parsed document, root key included. */
  doc: Doc;
  /** The file's text, sent as is (plus the ownership tag) for YAML kinds. */
  text: string;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function parse(file: string, text: string): Doc {
  let doc: unknown;
  try {
    doc = file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new KitError("E_INPUT", `${file}: cannot be parsed: ${(error as Error).message.split("\n")[0]}`, {
      hint: `run "harness-scaffold validate" for the exact place`,
    });
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new KitError("E_INPUT", `${file}: is not a mapping`);
  return doc as Doc;
}

/** Throws E_INPUT unless every dir exists and is a directory. */
export async function checkDirs(cwd: string, dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    const info = await stat(path.resolve(cwd, dir)).catch(() => undefined);
    if (info === undefined || !info.isDirectory()) {
      throw new KitError("E_INPUT", info === undefined ? `no such directory: ${dir}` : `${dir} is a file, not a directory`, {
        hint: `give the directory "harness-scaffold new" wrote (default ${DEFAULT_OUT_DIR})`,
      });
    }
  }
}

/** Reads one out dir. */
async function readDir(cwd: string, dir: string): Promise<LocalEntity[]> {
  const abs = path.resolve(cwd, dir);
  await checkDirs(cwd, [dir]);
  const out: LocalEntity[] = [];
  let projectScope: { org?: string; project?: string } = {};
  for (const kind of PUBLISH_ORDER) {
    for (const rel of await kindFiles(abs, kind)) {
      const full = path.join(abs, rel);
      const text = await readFile(full, "utf8").catch(() => undefined);
      if (text === undefined) continue;
      const file = path.relative(cwd, full).split(path.sep).join("/");
      const doc = parse(file, text);
      const inner = (doc[rootKeyOf(kind, doc)] ?? {}) as Doc;
      const identifier = str(inner.identifier);
      if (identifier === undefined) throw new KitError("E_INPUT", `${file}: no ${rootKeyOf(kind, doc)}.identifier`);
      if (kind === "project") {
        projectScope = { org: str(inner.orgIdentifier) ?? "default", project: identifier };
        out.push({ kind, identifier, org: projectScope.org as string, file, doc, text });
        continue;
      }
      if (kind === "connector" || kind === "secret") {
        // A connector's (or secret's) scope is what its file says: without projectIdentifier it
        // belongs to the organization, without orgIdentifier too to the account.
        out.push({ kind, identifier, org: str(inner.orgIdentifier), project: str(inner.projectIdentifier), file, doc, text });
        continue;
      }
      if (kind === "template") {
        // Like a connector's, a template's scope is its file's; each version is an entity of its own.
        const versionLabel = str(inner.versionLabel);
        if (versionLabel === undefined) throw new KitError("E_INPUT", `${file}: no template.versionLabel`, { hint: `run "harness-scaffold validate" for the exact place` });
        out.push({ kind, identifier, versionLabel, org: str(inner.orgIdentifier), project: str(inner.projectIdentifier), file, doc, text });
        continue;
      }
      const org = str(inner.orgIdentifier) ?? projectScope.org;
      const project = str(inner.projectIdentifier) ?? projectScope.project;
      if (org === undefined || project === undefined) {
        throw new KitError("E_INPUT", `${file}: no projectIdentifier, and ${dir} has no ${PROJECT_FILE} to take it from`, {
          hint: `add orgIdentifier and projectIdentifier to the file, or a ${PROJECT_FILE} to ${dir}`,
        });
      }
      const entity: LocalEntity = { kind, identifier, org, project, file, doc, text };
      if (kind === "infrastructure") {
        entity.environment = str(inner.environmentRef);
        if (entity.environment === undefined) throw new KitError("E_INPUT", `${file}: no infrastructureDefinition.environmentRef`);
      }
      if (kind === "trigger" || kind === "inputset") {
        const pipeline = inner.pipeline as Doc | undefined;
        entity.pipeline = str(inner.pipelineIdentifier) ?? str(pipeline?.identifier);
        if (entity.pipeline === undefined) throw new KitError("E_INPUT", `${file}: names no pipeline`);
        if ("overlayInputSet" in doc) entity.overlay = true;
      }
      out.push(entity);
    }
  }
  return out;
}

/**
 * The document as sent and compared: a project's file may leave out its organization, which
 * Harness then stores as "default" (the org it is created in).
 */
export function scopedDoc(entity: LocalEntity): Doc {
  if (entity.kind !== "project") return entity.doc;
  const inner = { ...((entity.doc.project ?? {}) as Doc) };
  inner.orgIdentifier ??= entity.org;
  return { ...entity.doc, project: inner };
}

export const addressKey = (a: EntityAddress): string =>
  [a.kind, a.org ?? "", a.project ?? "", a.environment ?? a.pipeline ?? "", a.identifier, a.versionLabel ?? ""].join("/");

/** Every entity of the dirs, in publish order; throws E_INPUT for an empty or contradictory set. */
export async function loadLocalEntities(cwd: string, dirs: readonly string[]): Promise<LocalEntity[]> {
  const byKey = new Map<string, LocalEntity>();
  for (const dir of dirs) {
    for (const entity of await readDir(cwd, dir)) {
      const key = addressKey(entity);
      const seen = byKey.get(key);
      if (seen === undefined) byKey.set(key, entity);
      else if (JSON.stringify(normalize(seen.doc)) !== JSON.stringify(normalize(entity.doc))) {
        throw new KitError("E_INPUT", `${seen.file} and ${entity.file} both define ${entity.kind} "${entity.identifier}", differently`, {
          hint: "make the two files the same, or publish the directories separately",
        });
      }
    }
  }
  if (byKey.size === 0) {
    throw new KitError("E_INPUT", `nothing to publish in ${dirs.join(", ")}`, { hint: 'create files with "harness-scaffold new" first' });
  }
  const order = (e: LocalEntity): number => PUBLISH_ORDER.indexOf(e.kind);
  return [...byKey.values()].sort((a, b) => order(a) - order(b));
}
