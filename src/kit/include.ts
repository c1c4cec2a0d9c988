/**
 * A kit's `include:` resolved: each entry's kit found (from the including kit's folder, like
 * `--kit`), loaded (its own includes too), its version pinned, its generators taken over under their
 * names unless this kit defines one of the same name (override by name).
 *
 * An included generator renders from its own kit's templates/: its template ids get the prefix
 * `@<n>/` (n: the include entry, from 1), which the including kit's TemplateSet routes to that kit's
 * set (nested includes stack prefixes: `@1/@2/service.yaml.hbs`). `choicesFrom: pipeline-templates`
 * lists its own kit's pipeline templates. Nothing from an included kit runs as code either.
 */
import path from "node:path";
import type { AnswerSpec } from "../answers/spec.js";
import { KitError } from "../errors.js";
import type { GeneratorSpec } from "../generate/spec.js";
import type { TemplateSet } from "../render/templates.js";
import { closest } from "../util/suggest.js";
import type { KitInclude } from "./include-parse.js";
import type { KitIssue, KitYaml } from "./kit-yaml.js";
import { renameTargetIssues } from "./migrations.js";
import type { ResolvedKitPath } from "./resolve-source.js";
import { resolveKitSource } from "./resolve-source.js";
import type { Kit, KitDefinition } from "./types.js";

/** A kit being loaded: its real kit.yaml and how messages show it. */
export interface IncludeLink {
  file: string;
  shown: string;
}

/** Loads a found kit; `chain` is every kit being loaded, outermost first, ending with this one. */
export type IncludeLoader = (resolved: ResolvedKitPath, source: string, chain: readonly IncludeLink[]) => Kit;

export interface IncludedKit {
  entry: KitInclude;
  kit: Kit;
  /** What this kit's template ids of the included kit's generators start with. */
  prefix: string;
}

export interface IncludeOptions {
  /** The including kit's folder: where relative `kit:` paths and packages are looked up from. */
  dir: string;
  /** For showing paths in messages. */
  cwd: string;
  chain: readonly IncludeLink[];
  load: IncludeLoader;
}

const shownFrom = (cwd: string, absolute: string): string => {
  const rel = path.relative(cwd, absolute);
  return (rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? absolute : rel).split(path.sep).join("/");
};

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Finds and loads every included kit; each problem goes to `issues` at its include entry. */
export function resolveIncludes(includes: readonly KitInclude[], options: IncludeOptions, issues: KitIssue[]): IncludedKit[] {
  const found: IncludedKit[] = [];
  includes.forEach((entry, i) => {
    const what = `include "${entry.kit}"`;
    let resolved: ResolvedKitPath;
    try {
      resolved = resolveKitSource(entry.kit, options.dir);
    } catch (cause) {
      if (!(cause instanceof KitError)) throw cause;
      issues.push({ at: entry.kitAt, message: `${what}: ${reason(cause).replace(/^(--kit|kit) \S+: /, "")}` });
      return;
    }
    const shown = shownFrom(options.cwd, resolved.file);
    const loop = options.chain.findIndex((link) => link.file === resolved.file);
    if (loop >= 0) {
      issues.push({ at: entry.kitAt, message: `${what} is a cycle: ${[...options.chain.slice(loop).map((l) => l.shown), shown].join(" → ")}` });
      return;
    }
    let kit: Kit;
    try {
      kit = options.load(resolved, entry.kit, [...options.chain, { file: resolved.file, shown }]);
    } catch (cause) {
      if (!(cause instanceof KitError)) throw cause;
      const problems = cause.details?.problems as KitIssue[] | undefined;
      if (problems === undefined) issues.push({ at: entry.kitAt, message: `${what}: ${reason(cause)}` });
      else for (const p of problems) issues.push({ at: p.at, message: `${p.message} (in the kit included at ${entry.kitAt})` });
      return;
    }
    if (kit.version !== entry.version) {
      issues.push({ at: entry.versionAt, message: `${what} pins version ${entry.version}, but the kit there is ${kit.name} ${kit.version}` });
    }
    const names = kit.specs.map((s) => s.name);
    (entry.generators ?? []).forEach((name, j) => {
      if (names.includes(name)) return;
      const guess = closest(name, names);
      issues.push({
        at: entry.generatorsAt[j] ?? entry.at,
        message: `${what}: the kit ${kit.name} has no generator "${name}"${guess === undefined ? "" : ` (did you mean "${guess}"?)`}; its generators: ${names.join(", ")}`,
      });
    });
    found.push({ entry, kit, prefix: `@${i + 1}/` });
  });
  return found;
}

/**
 * What loading and `kit check` both do with a kit's `include:`: load the included kits, add their
 * generators to `specs` (after the kit's own), and check `renameAnswers` targets against every
 * generator's answers, the included ones too. Problems go to `issues`.
 */
export function addIncludes(yaml: KitYaml, definition: KitDefinition, specs: GeneratorSpec[], options: IncludeOptions, issues: KitIssue[]): IncludedKit[] {
  if (definition.include === undefined) return [];
  const included = resolveIncludes(definition.include, options, issues);
  specs.push(...includedSpecs(definition.generators.map((g) => g.name), included, issues));
  issues.push(...renameTargetIssues(yaml, definition.migrations, new Set(specs.flatMap((g) => g.answers.map((a) => a.key)))));
  return included;
}

/**
 * The included generators this kit takes over: those its includes name (all by default) that it
 * does not define itself. One name from two includes is a problem: which one was meant is unclear.
 */
export function includedSpecs(ownNames: readonly string[], included: readonly IncludedKit[], issues: KitIssue[]): GeneratorSpec[] {
  const taken = new Map<string, KitInclude>();
  const specs: GeneratorSpec[] = [];
  for (const { entry, kit, prefix } of included) {
    for (const spec of kit.specs) {
      if (entry.generators !== undefined && !entry.generators.includes(spec.name)) continue;
      if (ownNames.includes(spec.name)) continue;
      const earlier = taken.get(spec.name);
      if (earlier !== undefined) {
        issues.push({
          at: entry.at,
          message: `generator "${spec.name}" comes from two includes ("${earlier.kit}" and "${entry.kit}"); name it in only one include's "generators", or define it in this kit`,
        });
        continue;
      }
      taken.set(spec.name, entry);
      specs.push(fromIncluded(spec, prefix, kit.templates));
    }
  }
  return specs;
}

/** The included kit's generator as this kit's: prefixed template ids, its own pipeline templates. */
function fromIncluded(spec: GeneratorSpec, prefix: string, templates: TemplateSet): GeneratorSpec {
  const answers = spec.answers.map((a): AnswerSpec => {
    const choices = a.choices;
    if (typeof choices !== "function") return a;
    return { ...a, choices: (ctx) => choices({ ...ctx, pipelineTemplates: templates.pipelineTemplates() }) };
  });
  return {
    ...spec,
    answers,
    files: (given) => spec.files(given).map((job) => ({ ...job, template: `${prefix}${job.template}` })),
  };
}

/** The including kit's templates: its own, and each included kit's under that include's prefix. */
export function includingTemplates(own: TemplateSet, included: readonly IncludedKit[]): TemplateSet {
  if (included.length === 0) return own;
  return {
    read(id) {
      const from = included.find((inc) => id.startsWith(inc.prefix));
      if (from === undefined) return own.read(id);
      return { ...from.kit.templates.read(id.slice(from.prefix.length)), id };
    },
    pipelineTemplates: () => own.pipelineTemplates(),
  };
}
