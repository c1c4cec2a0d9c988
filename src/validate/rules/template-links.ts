/**
 * Pipelines (and templates) that use templates: each `template: {templateRef, versionLabel,
 * templateInputs}` is resolved like Harness resolves it (rules/template-refs.ts). A template in the
 * validated set must have the version asked for (none asked: its stable version), and the inputs
 * must match its runtime inputs; one that is not is Harness's to have (a warning). Templates that
 * use each other in a circle are an error.
 */
import { matchTemplateInputs, type InputProblem } from "../../rules/template-inputs.js";
import { INVALID_REF_MESSAGE, parseTemplateRef, resolveScope, scopeAllows, scopeOf, scopeRefusal, STABLE_TAG } from "../../rules/template-refs.js";
import { words } from "../messages.js";
import { childPointer, isRecord, toPointer, valueAt } from "../pointer.js";
import { isExpression } from "./context.js";
import type { Entity, FileIssue, SetRule } from "./cross-file.js";
import { walkValues } from "./walk.js";

interface Link {
  entity: Entity;
  /** Pointer of the `template:` map. */
  pointer: string;
  node: Record<string, unknown>;
}

interface Versions {
  identifier: string;
  byLabel: Map<string, Entity>;
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const scopeKey = (org: string | null, project: string | null, id: string): string => JSON.stringify([org, project, id]);

/** Every template link an entity makes (a template's own root is not one). */
export function linksOf(entity: Entity): Link[] {
  const links: Link[] = [];
  for (const { key, value, pointer } of walkValues(entity.value)) {
    if (key === "template" && isRecord(value) && "templateRef" in value && pointer !== "/template") links.push({ entity, pointer, node: value });
  }
  return links;
}

function indexTemplates(entities: readonly Entity[]): Map<string, Versions> {
  const index = new Map<string, Versions>();
  for (const e of entities) {
    const label = str(e.body?.versionLabel);
    if (e.kind !== "template" || e.identifier === undefined || label === null) continue;
    const key = scopeKey(str(e.body?.orgIdentifier), str(e.body?.projectIdentifier), e.identifier);
    const versions = index.get(key) ?? { identifier: e.identifier, byLabel: new Map() };
    if (!versions.byLabel.has(label)) versions.byLabel.set(label, e);
    index.set(key, versions);
  }
  return index;
}

const isStableTagged = (e: Entity): boolean => isRecord(e.body?.tags) && e.body.tags[STABLE_TAG.key] === STABLE_TAG.value;

/** The local stable version: the one tagged stable, or the only one; undefined when it cannot be told. */
export function stableVersion(versions: Versions): Entity | undefined {
  const tagged = [...versions.byLabel.values()].filter(isStableTagged);
  if (tagged.length === 1) return tagged[0];
  return versions.byLabel.size === 1 && tagged.length === 0 ? [...versions.byLabel.values()][0] : undefined;
}

/** Which local template version a link names (undefined: not local, or an issue says why). */
function resolve(link: Link, index: Map<string, Versions>, issues: FileIssue[]): Entity | undefined {
  const { entity, pointer, node } = link;
  const at = (key: string): string => childPointer(pointer, key);
  const issue = (path: string, code: string, message: string, severity: "error" | "warning" = "error"): void =>
    void issues.push({ file: entity.file, path, severity, code, message });
  const ref = node.templateRef;
  if (typeof ref !== "string" || ref === "" || isExpression(ref)) return undefined;
  const parsed = parseTemplateRef(ref);
  if (parsed === undefined) return void issue(at("templateRef"), "template-ref-invalid", words.templateRefInvalid(ref, INVALID_REF_MESSAGE));
  const parentScope = scopeOf(entity.body?.orgIdentifier, entity.body?.projectIdentifier);
  if (!scopeAllows(parentScope, parsed.scope)) return void issue(at("templateRef"), "template-ref-scope", words.templateRefScope(ref, scopeRefusal(parsed.scope, parentScope)));
  const where = resolveScope(parsed, str(entity.body?.orgIdentifier), str(entity.body?.projectIdentifier));
  const versions = index.get(scopeKey(where.org, where.project, parsed.identifier));
  if (versions === undefined) return void issue(at("templateRef"), "ref-not-found", words.refNotFound("template", ref), "warning");
  const label = node.versionLabel;
  if (typeof label === "string" && !isExpression(label)) {
    const found = versions.byLabel.get(label);
    if (found === undefined) issue(at("versionLabel"), "template-version-not-found", words.templateVersionNotFound(ref, label, [...versions.byLabel.keys()]));
    return found;
  }
  if (label !== undefined) return undefined;
  const stable = stableVersion(versions);
  if (stable === undefined) issue(at("templateRef"), "template-stable-unknown", words.templateStableUnknown(ref, STABLE_TAG.key), "warning");
  return stable;
}

function inputIssues(link: Link, template: Entity): FileIssue[] {
  const spec = template.body?.spec;
  const inputs = link.node.templateInputs;
  if (!isRecord(spec) || (inputs !== undefined && !isRecord(inputs))) return [];
  const base = childPointer(link.pointer, "templateInputs");
  const name = `${template.identifier ?? ""} ${String(template.body?.versionLabel)}`;
  return matchTemplateInputs(spec, inputs).map((p) => ({
    file: link.entity.file,
    path: placeOf(link, p, base),
    severity: "error" as const,
    code: `template-input-${p.kind}`,
    message: words.templateInput(p.kind, p.path.join("."), name, p.expected),
    at: p.kind === "missing" ? ("key" as const) : ("value" as const),
  }));
}

/** Where to point: the value itself, or for a missing input the nearest map that should hold it. */
function placeOf(link: Link, problem: InputProblem, base: string): string {
  if (problem.kind !== "missing") return `${base}${toPointer(problem.path)}`;
  for (let n = problem.path.length - 1; n >= 0; n--) {
    const pointer = `${base}${toPointer(problem.path.slice(0, n))}`;
    if (valueAt(link.entity.value, pointer) !== undefined) return pointer;
  }
  return childPointer(link.pointer, "templateRef");
}

/** Templates using each other in a circle (a uses b uses a, or a uses itself). */
function cycles(edges: Map<Entity, { link: Link; target: Entity }[]>): FileIssue[] {
  const issues: FileIssue[] = [];
  const state = new Map<Entity, "open" | "done">();
  const trail: Entity[] = [];
  const label = (e: Entity): string => `${e.identifier ?? "?"} ${String(e.body?.versionLabel)}`;
  const visit = (node: Entity): void => {
    state.set(node, "open");
    trail.push(node);
    for (const { link, target } of edges.get(node) ?? []) {
      if (state.get(target) === "open") {
        const circle = [...trail.slice(trail.indexOf(target)), target].map(label);
        issues.push({ file: link.entity.file, path: childPointer(link.pointer, "templateRef"), severity: "error", code: "template-cycle", message: words.templateCycle(circle) });
      } else if (!state.has(target)) visit(target);
    }
    trail.pop();
    state.set(node, "done");
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return issues;
}

export const templateLinks: SetRule = (entities) => {
  const index = indexTemplates(entities);
  const issues: FileIssue[] = [];
  const edges = new Map<Entity, { link: Link; target: Entity }[]>();
  for (const entity of entities) {
    if (entity.kind !== "pipeline" && entity.kind !== "template") continue;
    for (const link of linksOf(entity)) {
      const target = resolve(link, index, issues);
      if (target === undefined) continue;
      if (entity.kind === "template") edges.set(entity, [...(edges.get(entity) ?? []), { link, target }]);
      if (target !== entity) issues.push(...inputIssues(link, target));
    }
  }
  issues.push(...cycles(edges));
  return issues;
};

/** Two versions of one template each tagged stable. */
export const stableTwice: SetRule = (entities) => {
  const issues: FileIssue[] = [];
  for (const versions of indexTemplates(entities).values()) {
    const tagged = [...versions.byLabel.values()].filter(isStableTagged);
    for (const extra of tagged.slice(1)) {
      issues.push({ file: extra.file, path: `/template/tags/${STABLE_TAG.key}`, severity: "error", code: "template-stable-twice", message: words.templateStableTwice(versions.identifier, tagged[0]?.file ?? "") });
    }
  }
  return issues;
};
