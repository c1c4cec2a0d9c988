/**
 * A kit's update case, `tests/<case>/update/`, as data. The case is self-contained, so it runs
 * long after the older kit version is gone (the same reason update keeps a base store):
 *
 *   answers.yaml     the answers the service was first generated with
 *   base/            the files as the older kit rendered them (the base); may hold the
 *                    harness-scaffold.json that run wrote. Absent: the kit under test renders it
 *   edited/          the team's files, laid over base/ (changed or added)
 *   expected/        the out dir's files after `update` with the kit under test
 *   case.yaml        optional: from (the kit version base/ came from), generator, set, resolve,
 *                    deleted (files the team deleted)
 *   conflicts.txt    the conflicts the update is expected to stop at, one `file: path` a line
 *
 * Reading it reports every problem of its layout at file:line:col; `kit check` lists them and
 * `kit test` refuses to run a case that has any.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseAnswersText } from "../answers/load.js";
import { isKitError } from "../errors.js";
import { MANIFEST_FILE } from "../layout.js";
import type { KitIssue } from "./kit-yaml.js";
import { readKitYaml } from "./kit-yaml.js";
import { compareVersions } from "./migrations.js";
import { layoutPath } from "./to-spec.js";

export const TESTS_DIR = "tests";
export const UPDATE_DIR = "update";
const FOLDERS = ["base", "edited", "expected"];
const ENTRIES = ["answers.yaml", "case.yaml", "conflicts.txt", ...FOLDERS];
const FIELDS = ["from", "generator", "set", "resolve", "deleted"];
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export interface UpdateCase {
  answers: Record<string, unknown> | undefined;
  from: string | undefined;
  generator: string | undefined;
  set: Record<string, string>;
  resolve: string[];
  deleted: string[];
  /** base/ files (entity files; the manifest apart), or undefined when there is no base/. */
  base: Record<string, string> | undefined;
  manifest: string | undefined;
  edited: Record<string, string>;
  conflicts: string[] | undefined;
}

/** Relative posix path → text, of every file under root (none when root is missing). */
export function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join("/")] = readFileSync(full, "utf8");
    }
  };
  if (existsSync(root)) walk(root);
  return files;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const scalar = (v: unknown): boolean => ["string", "number", "boolean"].includes(typeof v);

/** Reads tests/<case>/update (dir); `shown` is how the dir is named in messages. */
export function readUpdateCase(dir: string, shown: string, kit: { version: string; generators: readonly string[] }): { value: UpdateCase; issues: KitIssue[] } {
  const issues: KitIssue[] = [];
  const value: UpdateCase = { answers: undefined, from: undefined, generator: undefined, set: {}, resolve: [], deleted: [], base: undefined, manifest: undefined, edited: {}, conflicts: undefined };
  if (!statSync(dir).isDirectory()) return { value, issues: [{ at: shown, message: "an update case must be a folder (answers.yaml, base/, edited/, expected/, …)" }] };
  const wrong = new Set<string>();
  for (const name of readdirSync(dir).sort()) {
    if (!ENTRIES.includes(name)) issues.push({ at: `${shown}/${name}`, message: `not part of an update case (it holds ${ENTRIES.join(", ")})` });
    else if (statSync(path.join(dir, name)).isDirectory() !== FOLDERS.includes(name)) {
      wrong.add(name);
      issues.push({ at: `${shown}/${name}`, message: FOLDERS.includes(name) ? "must be a folder" : "must be a file" });
    }
  }
  const answersFile = path.join(dir, "answers.yaml");
  if (existsSync(answersFile) && !wrong.has("answers.yaml")) {
    try {
      value.answers = parseAnswersText(readFileSync(answersFile, "utf8"), `${shown}/answers.yaml`).values;
    } catch (cause) {
      if (!isKitError(cause)) throw cause;
      issues.push({ at: `${shown}/answers.yaml`, message: cause.message });
    }
  }
  if (!wrong.has("case.yaml")) readCaseYaml(dir, shown, kit, value, issues);
  if (wrong.size > 0) return { value, issues };
  if (existsSync(path.join(dir, "base"))) {
    const base = readTree(path.join(dir, "base"));
    value.manifest = base[MANIFEST_FILE];
    delete base[MANIFEST_FILE];
    value.base = base;
  }
  if (value.answers === undefined && value.manifest === undefined) {
    issues.push({ at: shown, message: `an update case needs answers.yaml (the answers the service was first generated with) or base/${MANIFEST_FILE}` });
  }
  value.edited = readTree(path.join(dir, "edited"));
  const expected = readTree(path.join(dir, "expected"));
  for (const [folder, files] of [["base", value.base ?? {}], ["edited", value.edited], ["expected", expected]] as const) {
    for (const file of Object.keys(files)) {
      const place = layoutPath(file);
      if (typeof place === "string") issues.push({ at: `${shown}/${folder}/${file}`, message: `not an entity file of the out dir: ${place}` });
    }
  }
  if (existsSync(path.join(dir, "conflicts.txt"))) {
    value.conflicts = readFileSync(path.join(dir, "conflicts.txt"), "utf8").split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  }
  return { value, issues };
}

function readCaseYaml(dir: string, shown: string, kit: { version: string; generators: readonly string[] }, value: UpdateCase, issues: KitIssue[]): void {
  const file = path.join(dir, "case.yaml");
  if (!existsSync(file)) return;
  const yaml = readKitYaml(readFileSync(file, "utf8"), `${shown}/case.yaml`);
  if (yaml.errors.length > 0) return void issues.push(...yaml.errors);
  if (yaml.value === null || yaml.value === undefined) return;
  const problem = (at: Array<string | number>, message: string, key = false): void => void issues.push({ at: yaml.at(at, key), message });
  if (!isObj(yaml.value)) return problem([], `case.yaml must be a mapping (fields: ${FIELDS.join(", ")})`);
  const raw = yaml.value;
  for (const f of Object.keys(raw)) if (!FIELDS.includes(f)) problem([f], `unknown field "${f}" (fields: ${FIELDS.join(", ")})`, true);
  if (raw.from !== undefined) {
    const from = String(raw.from);
    if (!SEMVER.test(from)) problem(["from"], `from "${from}" must be the semver version the base was rendered with, like 1.0.0`);
    else if (SEMVER.test(kit.version) && compareVersions(from, kit.version) > 0) problem(["from"], `from ${from} is newer than the kit under test (${kit.version})`);
    else value.from = from;
  }
  if (raw.generator !== undefined) {
    if (typeof raw.generator === "string" && kit.generators.includes(raw.generator)) value.generator = raw.generator;
    else problem(["generator"], `generator "${String(raw.generator)}" is not one of the kit's (${kit.generators.join(", ")})`);
  }
  if (raw.set !== undefined) {
    if (!isObj(raw.set)) problem(["set"], "set must map answer keys to values, as --set key=value would");
    else {
      for (const [k, v] of Object.entries(raw.set)) {
        if (scalar(v)) value.set[k] = String(v);
        else if (Array.isArray(v) && v.every(scalar)) value.set[k] = v.map(String).join(",");
        else problem(["set", k], `set ${k}: give a value or a list of values`);
      }
    }
  }
  const list = (field: "resolve" | "deleted"): string[] => {
    const v = raw[field];
    if (v === undefined) return [];
    const items = Array.isArray(v) ? v : [v];
    if (items.every((i) => typeof i === "string")) return items as string[];
    problem([field], `${field} must be a text or a list of texts`);
    return [];
  };
  value.resolve = list("resolve");
  value.deleted = list("deleted");
  for (const [i, r] of value.resolve.entries()) {
    if (!/^(ours|theirs)$|=(ours|theirs)$/.test(r)) problem(Array.isArray(raw.resolve) ? ["resolve", i] : ["resolve"], `resolve "${r}" is not ours, theirs or PATH=ours|theirs`);
  }
  for (const [i, d] of value.deleted.entries()) {
    const place = layoutPath(d);
    if (typeof place === "string") problem(Array.isArray(raw.deleted) ? ["deleted", i] : ["deleted"], `deleted "${d}" is not an entity file of the out dir: ${place}`);
  }
}
