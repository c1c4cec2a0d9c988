/**
 * Kit migrations: what a kit version renamed (answer keys) and moved (file paths), so `update`
 * from an older recorded version carries the team's answers and files across before merging.
 *
 *   migrations:
 *     - version: 2.0.0
 *       renameAnswers: { envs: environments }
 *       moveFiles: { "pipelines/old.yaml": "pipelines/new.yaml" }
 *
 * A migration applies when recorded version < its version <= the new kit's version (semver order).
 */
import type { KitIssue, KitYaml, YamlPath } from "./kit-yaml.js";

export interface KitMigration {
  version: string;
  renameAnswers: Record<string, string>;
  moveFiles: Record<string, string>;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FIELDS = ["version", "renameAnswers", "moveFiles"];

/** Semver order (build metadata ignored; a prerelease sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const pa = SEMVER.exec(a);
  const pb = SEMVER.exec(b);
  if (pa === null || pb === null) return a.localeCompare(b);
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return d;
  }
  if (pa[4] === pb[4]) return 0;
  if (pa[4] === undefined) return 1;
  if (pb[4] === undefined) return -1;
  return pa[4].localeCompare(pb[4], "en", { numeric: true });
}

/** A file path a migration may name: relative, forward slashes, inside the out dir. */
const badPath = (p: string): boolean => p === "" || p.startsWith("/") || p.includes("\\") || /^[A-Za-z]:/.test(p) || p.split("/").some((s) => s === ".." || s === "." || s === "");

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * `migrations` of kit.yaml, each problem at its place; `answerKeys` are every generator's keys
 * (undefined while a kit's includes are not loaded yet: then `renameTargetIssues` checks later).
 */
export function parseMigrations(yaml: KitYaml, kitVersion: string, answerKeys: ReadonlySet<string> | undefined): { migrations: KitMigration[]; issues: KitIssue[] } {
  const issues: KitIssue[] = [];
  const problem = (path: YamlPath, message: string, key = false): void => void issues.push({ at: yaml.at(path, key), message });
  const raw = (yaml.value as Obj).migrations;
  const migrations: KitMigration[] = [];
  if (raw === undefined) return { migrations, issues };
  if (!Array.isArray(raw)) return { migrations, issues: [{ at: yaml.at(["migrations"]), message: '"migrations" must be a list of {version, renameAnswers, moveFiles}' }] };
  raw.forEach((m, i) => {
    const at: YamlPath = ["migrations", i];
    if (!isObj(m)) return problem(at, "a migration must be a mapping with version, renameAnswers and moveFiles");
    for (const f of Object.keys(m)) if (!FIELDS.includes(f)) problem([...at, f], `unknown field "${f}" in a migration (fields: ${FIELDS.join(", ")})`, true);
    const version = typeof m.version === "string" ? m.version : "";
    if (!SEMVER.test(version)) problem(m.version === undefined ? at : [...at, "version"], `migration version ${m.version === undefined ? "missing" : `"${String(m.version)}"`}: it must be semver like 2.0.0`);
    else if (SEMVER.test(kitVersion) && compareVersions(version, kitVersion) > 0) problem([...at, "version"], `migration version ${version} is above the kit's version ${kitVersion}`);
    const map = (field: "renameAnswers" | "moveFiles", check: (from: string, to: string, path: YamlPath) => void): Record<string, string> => {
      const v = m[field];
      if (v === undefined) return {};
      if (!isObj(v)) {
        problem([...at, field], `"${field}" must be a mapping of old → new`);
        return {};
      }
      const out: Record<string, string> = {};
      for (const [from, to] of Object.entries(v)) {
        if (typeof to !== "string") problem([...at, field, from], `"${field}.${from}" must be text`);
        else check(from, (out[from] = to), [...at, field, from]);
      }
      return out;
    };
    const renameAnswers = map("renameAnswers", (from, to, path) => {
      if (!KEY.test(from)) problem(path, `renameAnswers: "${from}" is not an answer key`, true);
      if (answerKeys !== undefined && !answerKeys.has(to)) problem(path, renameMessage(to));
    });
    const moveFiles = map("moveFiles", (from, to, path) => {
      if (badPath(from)) problem(path, `moveFiles: "${from}" must be a relative path inside the out dir`, true);
      if (badPath(to)) problem(path, `moveFiles: "${to}" must be a relative path inside the out dir`);
    });
    migrations.push({ version, renameAnswers, moveFiles });
  });
  return { migrations, issues };
}

const renameMessage = (to: string): string => `renameAnswers: "${to}" is not an answer of any generator in this kit`;

/** renameAnswers targets that no generator (included ones too) asks, at their places. */
export function renameTargetIssues(yaml: KitYaml, migrations: readonly KitMigration[] | undefined, answerKeys: ReadonlySet<string>): KitIssue[] {
  return (migrations ?? []).flatMap((m, i) => Object.entries(m.renameAnswers)
    .filter(([, to]) => !answerKeys.has(to))
    .map(([from, to]) => ({ at: yaml.at(["migrations", i, "renameAnswers", from]), message: renameMessage(to) })));
}

/** The migrations from `recorded` (exclusive) to `target` (inclusive), in version order. */
export function migrationsBetween(migrations: readonly KitMigration[] | undefined, recorded: string, target: string): KitMigration[] {
  return (migrations ?? [])
    .filter((m) => compareVersions(m.version, recorded) > 0 && compareVersions(m.version, target) <= 0)
    .sort((a, b) => compareVersions(a.version, b.version));
}
