/**
 * The order template versions are written and deleted in. Harness resolves the templates a
 * template uses when it is saved, and refuses to delete a version something still uses or the
 * stable version while others remain: so a used template is written before its users and
 * deleted after them, and a stable version is deleted last.
 */
import type { Doc } from "../harness/entity-api.js";
import { parseTemplateRef } from "../rules/template-refs.js";

export interface TemplateVersion {
  identifier: string;
  versionLabel?: string;
  doc?: Doc;
  stable?: boolean;
}

/** Identifiers of the templates a document uses (any scope: identifiers are compared only). */
export function usedTemplates(doc: unknown): Set<string> {
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === "object" && value !== null) {
      const ref = (value as Doc).templateRef;
      const parsed = typeof ref === "string" ? parseTemplateRef(ref) : undefined;
      if (parsed !== undefined) used.add(parsed.identifier);
      Object.values(value).forEach(visit);
    }
  };
  visit(doc);
  return used;
}

/** Depth of each version in the "uses" graph: 0 uses no listed template (a circle counts once). */
function depths<T extends TemplateVersion>(versions: readonly T[]): Map<T, number> {
  const uses = new Map(versions.map((v) => [v, usedTemplates(v.doc)]));
  const depth = new Map<T, number>();
  const measure = (v: T, seen: Set<T>): number => {
    const known = depth.get(v);
    if (known !== undefined) return known;
    if (seen.has(v)) return 0;
    seen.add(v);
    let d = 0;
    for (const other of versions) if (other.identifier !== v.identifier && uses.get(v)?.has(other.identifier)) d = Math.max(d, measure(other, seen) + 1);
    depth.set(v, d);
    return d;
  };
  for (const v of versions) measure(v, new Set());
  return depth;
}

/** Write order: used templates first, then by identifier and label (the first written is Harness's first version). */
export function writeOrder<T extends TemplateVersion>(versions: readonly T[]): T[] {
  const depth = depths(versions);
  return [...versions].sort((a, b) => (depth.get(a) ?? 0) - (depth.get(b) ?? 0) || a.identifier.localeCompare(b.identifier) || (a.versionLabel ?? "").localeCompare(b.versionLabel ?? ""));
}

/** Delete order: users first, and of each template its stable version last. */
export function deleteOrder<T extends TemplateVersion>(versions: readonly T[]): T[] {
  const depth = depths(versions);
  return [...versions].sort((a, b) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0) || Number(a.stable === true) - Number(b.stable === true));
}
