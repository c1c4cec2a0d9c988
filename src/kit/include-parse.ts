/**
 * kit.yaml's `include:` → the kits this kit reuses generators from, each entry checked for shape
 * at its place (the kits themselves are found and loaded by include.ts):
 *
 *   include:
 *     - kit: ../platform-base          # a folder (relative to this kit.yaml) or an installed npm package
 *       version: 1.2.0                 # must equal that kit's version
 *       generators: [service, pipeline] # optional: only these (default: all)
 */
import { closest } from "../util/suggest.js";
import type { KitIssue, KitYaml, YamlPath } from "./kit-yaml.js";
import { GENERATOR_NAME, isObj, SEMVER } from "./kit-yaml.js";

export interface KitInclude {
  /** As written: a folder relative to the including kit's folder, or an npm package name. */
  kit: string;
  /** The included kit's version this kit was written against (exact). */
  version: string;
  /** Only these of its generators; all when absent. */
  generators?: string[];
  /** Where each part was written (kit.yaml:line:col). */
  at: string;
  kitAt: string;
  versionAt: string;
  generatorsAt: string[];
}

const FIELDS = ["kit", "version", "generators"];

export function parseIncludes(yaml: KitYaml): { includes: KitInclude[]; issues: KitIssue[] } {
  const issues: KitIssue[] = [];
  const includes: KitInclude[] = [];
  const problem = (path: YamlPath, message: string, key = false): void => {
    issues.push({ at: yaml.at(path, key), message });
  };
  const raw = isObj(yaml.value) ? yaml.value.include : undefined;
  if (raw === undefined || raw === null) return { includes, issues };
  if (!Array.isArray(raw) || raw.length === 0) {
    problem(["include"], "\"include\" must be a non-empty list of { kit, version, generators }");
    return { includes, issues };
  }
  raw.forEach((entry, i) => {
    const path = ["include", i];
    if (!isObj(entry)) return void problem(path, "an include must be a mapping with kit and version");
    for (const field of Object.keys(entry)) {
      if (FIELDS.includes(field)) continue;
      const guess = closest(field, FIELDS);
      problem([...path, field], `unknown field "${field}" in an include${guess === undefined ? "" : ` (did you mean "${guess}"?)`}`, true);
    }
    const text = (field: string): string | undefined => {
      const v = entry[field];
      if (v === undefined || v === null) return void problem(path, `an include needs "${field}"`);
      if (typeof v !== "string" || v.trim() === "") return void problem([...path, field], `"${field}" must be non-empty text`);
      return v;
    };
    const kit = text("kit");
    const version = text("version");
    if (version !== undefined && !SEMVER.test(version)) problem([...path, "version"], `version "${version}" is not semver like 1.2.0`);
    const include: KitInclude = {
      kit: kit ?? "", version: version ?? "", at: yaml.at(path), kitAt: yaml.at([...path, "kit"]), versionAt: yaml.at([...path, "version"]), generatorsAt: [],
    };
    if (entry.generators !== undefined) {
      const names = entry.generators;
      if (!Array.isArray(names) || names.length === 0 || names.some((n, j) => typeof n !== "string" || !GENERATOR_NAME.test(n) || names.indexOf(n) !== j)) {
        problem([...path, "generators"], "\"generators\" must be a non-empty list of generator names, each once");
      } else {
        include.generators = names as string[];
        include.generatorsAt = names.map((_, j) => yaml.at([...path, "generators", j]));
      }
    }
    if (kit !== undefined && version !== undefined) includes.push(include);
  });
  return { includes, issues };
}
