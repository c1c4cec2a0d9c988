/**
 * What the template service does when something that uses templates is saved (shared/
 * harness-api-templates.md §5–§6): each `templateRef` is resolved with the scope rules, the
 * version asked for (or the stable one) must exist, the inputs must fit the template's runtime
 * inputs, and the templates it uses are resolved in turn. Any failure is 400 TEMPLATE_EXCEPTION.
 */
import { parse } from "yaml";
import { matchTemplateInputs } from "../rules/template-inputs.js";
import { INVALID_REF_MESSAGE, parseTemplateRef, resolveScope, scopeAllows, scopeOf, scopeRefusal } from "../rules/template-refs.js";
import { ApiError } from "./envelopes.js";
import { isObject } from "./fields.js";
import type { Json } from "./fields.js";
import type { EntityRecord, Scope, Store } from "./store.js";
import { templateCycle, templateInputsMismatch, templateRefMissing } from "./template-messages.js";

const templateException = (message: string): ApiError => new ApiError(400, "TEMPLATE_EXCEPTION", message);

/** Every stored version of one template, oldest first. */
export function templateVersions(store: Store, scope: Scope, identifier: string): EntityRecord[] {
  return store
    .snapshot()
    .filter((r) => r.kind === "template" && r.account === scope.account && r.org === scope.org && r.project === scope.project && r.identifier === identifier);
}

/** One version, or (label null) the stable one. `overlay` stands for a version being saved. */
export function findTemplate(store: Store, scope: Scope, identifier: string, label: string | null, overlay?: EntityRecord): EntityRecord | undefined {
  const versions = templateVersions(store, scope, identifier).filter((r) => overlay === undefined || !sameVersion(r, overlay));
  if (overlay !== undefined && overlay.account === scope.account && overlay.org === scope.org && overlay.project === scope.project && overlay.identifier === identifier) versions.push(overlay);
  return versions.find((r) => (label === null ? r.entity.stableTemplate === true : r.parent === label));
}

export const sameVersion = (a: EntityRecord, b: EntityRecord): boolean =>
  a.account === b.account && a.org === b.org && a.project === b.project && a.identifier === b.identifier && a.parent === b.parent;

/** The stored template document of a version (`{template: …}`). */
export function templateDoc(record: EntityRecord): Json {
  const doc: unknown = parse(String(record.entity.yaml));
  return isObject(doc) ? doc : {};
}

interface Link {
  ref: unknown;
  versionLabel: unknown;
  inputs: unknown;
}

/** The template links of a document (a template's own root map is not one). */
export function linksIn(doc: unknown): Link[] {
  const links: Link[] = [];
  const visit = (value: unknown, root: boolean): void => {
    if (Array.isArray(value)) value.forEach((v) => visit(v, false));
    else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (key === "template" && isObject(child) && "templateRef" in child && !root) {
          links.push({ ref: child.templateRef, versionLabel: child.versionLabel, inputs: child.templateInputs });
        }
        visit(child, false);
      }
    }
  };
  if (isObject(doc)) for (const [key, child] of Object.entries(doc)) visit(key === "template" ? stripRoot(child) : child, false);
  return links;
}

/** A template's root map without its own header, so only links inside its spec count. */
const stripRoot = (value: unknown): unknown => (isObject(value) ? { spec: value.spec } : value);

export interface ResolveOptions {
  store: Store;
  /** Scope of the entity being saved. */
  scope: Scope;
  checkInputs: boolean;
  /** A template version being saved: resolution sees it in place of the stored one. */
  overlay?: EntityRecord;
}

/** Throws 400 TEMPLATE_EXCEPTION unless every template the document uses resolves. */
export function resolveTemplates(doc: unknown, options: ResolveOptions, trail: readonly string[] = []): void {
  for (const link of linksIn(doc)) {
    const target = resolveLink(link, options.scope, options);
    const key = versionKey(target);
    const ref = String(link.ref);
    if (trail.includes(key)) throw templateException(templateCycle(ref));
    const targetDoc = templateDoc(target);
    if (options.checkInputs) {
      const spec = isObject(targetDoc.template) ? targetDoc.template.spec : undefined;
      const problems = matchTemplateInputs(spec, isObject(link.inputs) ? link.inputs : undefined);
      if (problems.length > 0) {
        throw templateException(templateInputsMismatch(ref, problems.map((p) => `${p.path.join(".")}: ${p.kind === "missing" ? "runtime input not supplied" : p.kind === "unknown" ? "not a runtime input" : `must be ${p.expected ?? "another kind of value"}`}`)));
      }
    }
    resolveTemplates(targetDoc, { ...options, scope: target }, [...trail, key]);
  }
}

/** Names one version in a resolution trail (a template being saved starts its own trail). */
export const versionKey = (r: EntityRecord): string => JSON.stringify([r.org, r.project, r.identifier, r.parent]);

function resolveLink(link: Link, parent: Scope, options: ResolveOptions): EntityRecord {
  const ref = typeof link.ref === "string" ? link.ref : "";
  const parsed = parseTemplateRef(ref);
  if (parsed === undefined) throw templateException(INVALID_REF_MESSAGE);
  const parentScope = scopeOf(parent.org, parent.project);
  if (!scopeAllows(parentScope, parsed.scope)) throw templateException(scopeRefusal(parsed.scope, parentScope));
  const where = resolveScope(parsed, parent.org, parent.project);
  const label = typeof link.versionLabel === "string" && link.versionLabel !== "" ? link.versionLabel : null;
  const found = findTemplate(options.store, { account: parent.account, ...where }, parsed.identifier, label, options.overlay);
  if (found === undefined) throw templateException(templateRefMissing(parsed.identifier, label));
  return found;
}

/** True when a stored pipeline or another template uses this version (pinned, or unpinned while it is stable). */
export function isReferenced(store: Store, version: EntityRecord): boolean {
  for (const record of store.snapshot()) {
    if (record.account !== version.account || (record.kind !== "pipeline" && record.kind !== "template") || sameVersion(record, version)) continue;
    let doc: unknown;
    try {
      doc = parse(String(record.entity.yaml));
    } catch {
      continue;
    }
    for (const link of linksIn(doc)) {
      try {
        if (sameVersion(resolveLink(link, record, { store, scope: record, checkInputs: false }), version)) return true;
      } catch {
        // A link that does not resolve uses nothing.
      }
    }
  }
  return false;
}
