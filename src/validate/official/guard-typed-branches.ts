/**
 * Makes a `oneOf`/`anyOf` over typed nodes check the node's type before calling a branch.
 *
 * Harness's v0 schema lists every step a stage allows as one `oneOf` (over a hundred branches, each
 * a `$ref` to a node with `type: { enum: ["ShellScript"] }`). Ajv tries every branch, so checking
 * one step calls (and V8 must load) the validate function of every step type in the list, though
 * all but one fail on `type`. That is most of the cached validator a run loads.
 *
 * Each such branch B, with `properties.type` (or another property typed the same way in at least
 * two branches of the list) fixed by `enum`/`const`, becomes
 *
 *     if:   { properties: { type: { enum: [...] } } }
 *     then: B
 *     else: { properties: { type: { enum: [...] } } }
 *
 * It accepts exactly what B accepts. `if` fails only for an object whose `type` B's own `enum`
 * rejects: B fails there, and so does `else`, with the same `enum` error at the same instance path
 * (what the error reducer reads; only its schemaPath differs). Anything else (a type B allows, no
 * type, not an object) goes to B itself. B's function is now called only for a step of its type.
 */

import { isObject } from "./repair-schema.js";

type JsonObject = Record<string, unknown>;

/** Bump when the guards change, so cached validators built with older guards are rebuilt. */
export const GUARD_VERSION = 1;

const BRANCH_LISTS = ["oneOf", "anyOf"] as const;
/** Fewer branches than this are cheap to try one by one. */
const MIN_BRANCHES = 3;


/**
 * The schema a branch stands for, following local `#/…` references a few steps. Keywords beside a
 * `$ref` only add demands, so reading the target alone never makes a guard unsound.
 */
function resolve(root: unknown, schema: unknown): JsonObject | undefined {
  let current = schema;
  for (let hops = 0; hops < 8 && isObject(current) && typeof current.$ref === "string"; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) return undefined;
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), root);
  }
  return isObject(current) && current.$ref === undefined ? current : undefined;
}

/** `{ enum: [...] }` or `{ const: v }` from a property schema that fixes the value, else undefined. */
function fixedValues(property: unknown): JsonObject | undefined {
  if (!isObject(property)) return undefined;
  if (Array.isArray(property.enum) && property.enum.length > 0) return { enum: property.enum };
  if ("const" in property) return { const: property.const };
  return undefined;
}

/** Discriminating property → its fixed values, per branch. */
function discriminators(root: unknown, branch: unknown): Map<string, JsonObject> {
  const found = new Map<string, JsonObject>();
  const node = resolve(root, branch);
  if (node === undefined || !isObject(node.properties)) return found;
  for (const [name, property] of Object.entries(node.properties)) {
    const fixed = fixedValues(property);
    if (fixed !== undefined) found.set(name, fixed);
  }
  return found;
}

/** The property most branches fix (`type` wins a tie), when at least two do. */
function pickProperty(perBranch: readonly Map<string, JsonObject>[]): string | undefined {
  const counts = new Map<string, number>();
  for (const found of perBranch) for (const name of found.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  let best: string | undefined;
  for (const [name, count] of counts) {
    const bestCount = best === undefined ? 0 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && name === "type")) best = name;
  }
  return best !== undefined && counts.get(best)! >= 2 ? best : undefined;
}

/** `properties` alone passes a value that is not an object, or lacks the property: B decides those. */
function guard(branch: unknown, property: string, fixed: JsonObject): JsonObject {
  return {
    if: { properties: { [property]: { ...fixed } } },
    then: branch,
    else: { properties: { [property]: { ...fixed } } },
  };
}

/**
 * Guards typed branches IN PLACE (the schema is parsed fresh for each compile) and returns how many
 * branches it guarded. Every branch list is rewritten once, whatever reaches it.
 */
export function guardTypedBranches(root: unknown): number {
  let guarded = 0;
  const seen = new Set<unknown>();
  const walk = (value: unknown): void => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    const node = value as JsonObject;
    for (const keyword of BRANCH_LISTS) {
      const list = node[keyword];
      if (!Array.isArray(list) || list.length < MIN_BRANCHES) continue;
      const perBranch = list.map((branch) => discriminators(root, branch));
      const property = pickProperty(perBranch);
      if (property === undefined) continue;
      list.forEach((branch, i) => {
        const fixed = perBranch[i]!.get(property);
        if (fixed === undefined) return;
        list[i] = guard(branch, property, fixed);
        guarded++;
      });
    }
    for (const key of Object.keys(node)) {
      // Data, not schemas: a `const`/`enum`/`default` may hold an object shaped like one.
      if (key === "const" || key === "enum" || key === "default" || key === "examples") continue;
      walk(node[key]);
    }
  };
  walk(root);
  return guarded;
}
