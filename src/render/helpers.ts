/**
 * Helpers every template can call (built-in templates and kits' templates, paths and defaults
 * alike). They compute values; printing still goes through {{json}} / {{yaml}} in entity
 * templates. Each checks its arguments, so a kit calling one wrongly gets a sentence naming the
 * helper and the place, not a JavaScript error. The README's "Helpers" table lists them.
 */
import { gitOwnerRepo, imageParts, namespaceFromName, namespaceWithSuffix } from "../answers/derive.js";
import { suffixed } from "../generate/spec.js";
import { identifierFromName } from "../rules/identifiers.js";

type Helper = (...args: unknown[]) => unknown;

interface HelperDef {
  /** Argument count: exact number, or [min, max] (max Infinity for "any number"). */
  arity: number | [number, number];
  /** Which arguments must be strings (by position; "all" for every one). */
  strings?: number[] | "all";
  fn: Helper;
}

/** Text arguments: null (an answer that does not apply) reads as "". */
const str = (v: unknown): string => (v === null ? "" : String(v));

/** Harness's environment type from its name: names starting with "prod" are Production. */
export const environmentType = (env: string): string => (/^prod/i.test(env) ? "Production" : "PreProduction");

const DEFS: Record<string, HelperDef> = {
  eq: { arity: 2, fn: (a, b) => a === b },
  ne: { arity: 2, fn: (a, b) => a !== b },
  // Like JavaScript's || and &&: the deciding value itself, so `or` also picks a fallback.
  or: { arity: [1, Infinity], fn: (...args) => args.find(Boolean) ?? args.at(-1) },
  // By index: a falsy null must come back as itself, not fall through `??` to the last argument.
  and: { arity: [1, Infinity], fn: (...args) => { const i = args.findIndex((a) => !a); return i === -1 ? args.at(-1) : args[i]; } },
  default: { arity: 2, fn: (value, fallback) => (value === null || value === "" ? fallback : value) },
  list: { arity: [0, Infinity], fn: (...args) => args },
  distinct: { arity: 1, fn: (list) => !Array.isArray(list) || new Set(list).size === list.length },
  matches: { arity: 2, strings: "all", fn: (s, pattern) => new RegExp(str(pattern), "u").test(str(s)) },
  firstNotMatching: { arity: 2, strings: [1], fn: (list, pattern) => (Array.isArray(list) ? list : []).find((v) => !new RegExp(str(pattern), "u").test(String(v))) ?? null },
  not: { arity: 1, fn: (a) => !a },
  includes: { arity: 2, fn: (list, item) => Array.isArray(list) && list.includes(item) },
  toIdentifier: { arity: 1, strings: "all", fn: (s) => identifierFromName(str(s)) ?? "" },
  kebab: { arity: 1, strings: "all", fn: (s) => namespaceFromName(str(s)) ?? "" },
  concat: { arity: [1, Infinity], fn: (...args) => args.map((a) => (a === null || a === undefined ? "" : String(a))).join("") },
  startsWith: { arity: 2, strings: "all", fn: (s, prefix) => str(s).startsWith(str(prefix)) },
  lower: { arity: 1, strings: "all", fn: (s) => str(s).toLowerCase() },
  upper: { arity: 1, strings: "all", fn: (s) => str(s).toUpperCase() },
  replace: { arity: 3, strings: "all", fn: (s, search, by) => str(s).split(str(search)).join(str(by)) },
  truncate: { arity: 2, strings: [0], fn: (s, n) => str(s).slice(0, Number(n)) },
  suffixed: { arity: 2, strings: "all", fn: (base, suffix) => suffixed(str(base), str(suffix)) },
  namespaceFor: { arity: 2, strings: "all", fn: (base, suffix) => namespaceWithSuffix(str(base), str(suffix)) },
  environmentType: { arity: 1, strings: "all", fn: (env) => environmentType(str(env)) },
  registryHost: { arity: 1, strings: "all", fn: (image) => imageParts(str(image)).host ?? "" },
  imagePath: { arity: 1, strings: "all", fn: (image) => imageParts(str(image)).path },
  imageOwner: { arity: 1, strings: "all", fn: (image) => imageParts(str(image)).owner },
  gitOwner: { arity: 1, strings: "all", fn: (url) => gitOwnerRepo(str(url))?.owner ?? "" },
  isHttpsGitUrl: { arity: 1, strings: "all", fn: (url) => str(url).startsWith("https://") && gitOwnerRepo(str(url)) !== undefined },
};

/** The names a kit's answer keys may not use (a key equal to a helper would be shadowed). */
export const HELPER_NAMES: readonly string[] = ["json", "yaml", ...Object.keys(DEFS)].sort();

function where(options: unknown): string {
  const loc = (options as { loc?: { start: { line: number; column: number } } } | undefined)?.loc;
  return loc === undefined ? "" : ` at ${loc.start.line}:${loc.start.column + 1}`;
}

function checked(name: string, def: HelperDef): Helper {
  return (...all: unknown[]) => {
    const options = all.at(-1);
    const args = all.slice(0, -1);
    const [min, max] = typeof def.arity === "number" ? [def.arity, def.arity] : def.arity;
    if (args.length < min || args.length > max) {
      const wanted = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      throw new Error(`helper ${name}${where(options)} takes ${wanted} argument${wanted === "1" ? "" : "s"}, got ${args.length}`);
    }
    args.forEach((arg, i) => {
      const mustBeString = def.strings === "all" || (def.strings?.includes(i) ?? false);
      if (arg === undefined) throw new Error(`helper ${name}${where(options)}: argument ${i + 1} is not defined (a misspelt or unknown variable)`);
      if (mustBeString && typeof arg !== "string" && arg !== null) {
        throw new Error(`helper ${name}${where(options)}: argument ${i + 1} must be text, got ${Array.isArray(arg) ? "a list" : arg === null ? "null" : typeof arg}`);
      }
    });
    return def.fn(...args);
  };
}

/** Registers every helper on a private Handlebars instance. */
export function registerHelpers(engine: { registerHelper(name: string, fn: Helper): void }): void {
  for (const [name, def] of Object.entries(DEFS)) engine.registerHelper(name, checked(name, def));
}
