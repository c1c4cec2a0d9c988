/**
 * The fixed table of Harness lists whose elements have an identity. Only these lists merge (and
 * diff) element by element; every other list is one value. The table is written down, never
 * guessed from the data: inferring keys is how kustomize once deleted list items (issue #2148).
 *
 * Harness wraps most elements in a one-key mapping (`- step: {identifier: …}`), so identity
 * usually sits one level down, under the wrapper key.
 */

export interface KeyedList {
  /** The key holding the list, e.g. `steps`. */
  list: string;
  /** Only when the list's parent key is this one (e.g. `values` under `environments`). */
  parent?: string;
  /** Wrapper keys an element may have (`step`, `stepGroup`, `parallel`); absent: the element is the mapping itself. */
  wrappers?: readonly string[];
  /** Field naming the element when not wrapped (`name` for variables). */
  field?: string;
  /** Word for an unwrapped element in paths: `variable LOG_LEVEL`. */
  label?: string;
  /** Keep the list key in paths (`rollbackSteps › step x`); most list keys are implied by the element word. */
  shown?: boolean;
}

export const KEYED_LISTS: readonly KeyedList[] = [
  { list: "stages", wrappers: ["stage", "parallel"] },
  { list: "steps", wrappers: ["step", "stepGroup", "parallel"] },
  { list: "rollbackSteps", wrappers: ["step", "stepGroup", "parallel"], shown: true },
  { list: "parallel", wrappers: ["stage", "step", "stepGroup"] },
  { list: "variables", field: "name", label: "variable" },
  { list: "infrastructureDefinitions", field: "identifier", label: "infrastructure" },
  { list: "manifests", wrappers: ["manifest"] },
  { list: "sources", field: "identifier", label: "artifact source" },
  { list: "sidecars", wrappers: ["sidecar"] },
  { list: "configFiles", wrappers: ["configFile"] },
  { list: "values", parent: "environments", field: "environmentRef", label: "environment" },
];

/** The table entry for a list at `key` whose parent key is `parent`; undefined: a plain list. */
export function keyedListFor(key: string | undefined, parent: string | undefined): KeyedList | undefined {
  if (key === undefined) return undefined;
  return KEYED_LISTS.find((k) => k.list === key && (k.parent === undefined || k.parent === parent));
}

/** One element's identity: `key` is unique within the list, `label` + `id` is what paths show. */
export interface ElementId {
  key: string;
  label: string;
  id: string;
  /** The wrapper key inside the element (`step`), hidden in paths. */
  wrapper?: string;
  /** The element's `type`, for "+ step smokeTest (ShellScript)". */
  type?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function elementId(spec: KeyedList, element: unknown): ElementId | undefined {
  if (!isRecord(element)) return undefined;
  if (spec.field !== undefined) {
    const id = element[spec.field];
    if (typeof id !== "string" || id === "") return undefined;
    const type = typeof element.type === "string" ? element.type : undefined;
    return { key: id, label: spec.label ?? spec.field, id, ...(type === undefined ? {} : { type }) };
  }
  const keys = Object.keys(element);
  const wrapper = keys[0];
  if (keys.length !== 1 || wrapper === undefined || !(spec.wrappers ?? []).includes(wrapper)) return undefined;
  const inner = element[wrapper];
  if (wrapper === "parallel") {
    // A parallel block has no identifier of its own: it is named by the elements it holds.
    const nested = keyedListFor("parallel", undefined);
    if (!Array.isArray(inner) || nested === undefined) return undefined;
    const ids = inner.map((e) => elementId(nested, e)?.id);
    if (ids.some((id) => id === undefined)) return undefined;
    const id = [...(ids as string[])].sort().join("+");
    return { key: `parallel:${id}`, label: "parallel", id, wrapper };
  }
  if (!isRecord(inner) || typeof inner.identifier !== "string" || inner.identifier === "") return undefined;
  const type = typeof inner.type === "string" ? inner.type : undefined;
  return { key: `${wrapper}:${inner.identifier}`, label: wrapper, id: inner.identifier, wrapper, ...(type === undefined ? {} : { type }) };
}

/** Identities of every element, or undefined when one has none or two share one (then the list is one value). */
export function elementIds(spec: KeyedList, list: readonly unknown[]): ElementId[] | undefined {
  const ids: ElementId[] = [];
  const seen = new Set<string>();
  for (const element of list) {
    const id = elementId(spec, element);
    if (id === undefined || seen.has(id.key)) return undefined;
    seen.add(id.key);
    ids.push(id);
  }
  return ids;
}
