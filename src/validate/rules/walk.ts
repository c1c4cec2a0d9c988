/**
 * Walks a pipeline's stages and step lists with their JSON pointers, flattening `parallel` blocks
 * (a parallel block does not open a new identifier scope; a step group does).
 */
import { childPointer, isRecord } from "../pointer.js";

export interface Located {
  pointer: string;
  node: Record<string, unknown>;
  /** The key holding the node: stage, step or stepGroup. */
  key: "stage" | "step" | "stepGroup";
}

/**
 * Every stage of the pipeline, parallel ones included; of a Stage template, its spec (a stage
 * without name and identifier), so the stage rules hold inside templates too.
 */
export function stagesOf(doc: unknown): Located[] {
  const template = isRecord(doc) ? doc.template : undefined;
  if (isRecord(template) && template.type === "Stage" && isRecord(template.spec)) return [{ pointer: "/template/spec", node: template.spec, key: "stage" }];
  const pipeline = isRecord(doc) ? doc.pipeline : undefined;
  if (!isRecord(pipeline)) return [];
  return entriesOf(pipeline.stages, "/pipeline/stages", ["stage"]);
}

/** The nodes of one step list (one identifier scope): steps and step groups, parallel ones included. */
export function stepScope(list: unknown, pointer: string): Located[] {
  return entriesOf(list, pointer, ["step", "stepGroup"]);
}

/** Every step list of the pipeline, each an identifier scope of its own. */
export function stepScopes(doc: unknown): { pointer: string; nodes: Located[] }[] {
  const scopes: { pointer: string; nodes: Located[] }[] = [];
  const visitList = (list: unknown, pointer: string): void => {
    const nodes = stepScope(list, pointer);
    scopes.push({ pointer, nodes });
    for (const n of nodes) if (n.key === "stepGroup") visitLists(n.node, n.pointer);
  };
  const visitLists = (owner: Record<string, unknown>, pointer: string): void => {
    for (const name of ["steps", "rollbackSteps"]) if (Array.isArray(owner[name])) visitList(owner[name], childPointer(pointer, name));
  };
  for (const stage of stagesOf(doc)) {
    const spec = stage.node.spec;
    const execution = isRecord(spec) ? spec.execution : undefined;
    if (isRecord(execution)) visitLists(execution, `${stage.pointer}/spec/execution`);
  }
  return scopes;
}

function entriesOf(list: unknown, pointer: string, keys: readonly Located["key"][]): Located[] {
  const found: Located[] = [];
  if (!Array.isArray(list)) return found;
  list.forEach((entry, index) => {
    if (!isRecord(entry)) return;
    const entryPointer = childPointer(pointer, index);
    for (const key of keys) {
      const node = entry[key];
      if (isRecord(node)) found.push({ pointer: childPointer(entryPointer, key), node, key });
    }
    if (Array.isArray(entry.parallel)) found.push(...entriesOf(entry.parallel, childPointer(entryPointer, "parallel"), keys));
  });
  return found;
}

/** Every (key, value, pointer) in a document, depth first. */
export function* walkValues(value: unknown, pointer = ""): Generator<{ key: string; value: unknown; pointer: string; parent: unknown }> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* walkChild(String(i), value[i], childPointer(pointer, i), value);
  } else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) yield* walkChild(key, child, childPointer(pointer, key), value);
  }
}

function* walkChild(key: string, value: unknown, pointer: string, parent: unknown): Generator<{ key: string; value: unknown; pointer: string; parent: unknown }> {
  yield { key, value, pointer, parent };
  yield* walkValues(value, pointer);
}
