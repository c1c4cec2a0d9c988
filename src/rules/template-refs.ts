/**
 * How Harness resolves a `templateRef` (shared/harness-api-templates.md §5): `x` is a template of
 * the referencing entity's project, `org.x` of its organization, `account.x` of the account; an
 * entity may only use templates of its own scope or above. Shared by the validator and the emulator.
 */

export type TemplateScope = "account" | "org" | "project";

export interface TemplateRef {
  scope: TemplateScope;
  identifier: string;
}

/** The tag that marks which local version of a template is to be its stable version. */
export const STABLE_TAG = { key: "stable", value: "true" } as const;

const RANK: Readonly<Record<TemplateScope, number>> = { account: 0, org: 1, project: 2 };

export const INVALID_REF_MESSAGE = "Valid references must be one of the following formats [ id, org.id, account.id ]";

/** The scope and identifier a ref names; undefined when it has another prefix (`project.x`, `a.b.c`). */
export function parseTemplateRef(ref: string): TemplateRef | undefined {
  const parts = ref.split(".");
  if (parts.length === 1 && parts[0] !== "") return { scope: "project", identifier: ref };
  if (parts.length === 2 && (parts[0] === "org" || parts[0] === "account") && parts[1] !== "") return { scope: parts[0], identifier: parts[1] as string };
  return undefined;
}

/** The scope of an entity from its org and project identifiers (both absent: the account). */
export function scopeOf(org: unknown, project: unknown): TemplateScope {
  if (typeof project === "string" && project !== "") return "project";
  if (typeof org === "string" && org !== "") return "org";
  return "account";
}

/** True when an entity at `parent` scope may use a template at `ref` scope. */
export function scopeAllows(parent: TemplateScope, ref: TemplateScope): boolean {
  return RANK[ref] <= RANK[parent];
}

/** Harness's words for a ref to a lower scope than its user's. */
export function scopeRefusal(ref: TemplateScope, parent: TemplateScope): string {
  return `The ${ref} level template cannot be used at ${parent} level`;
}

/** Where the template a ref names lives, seen from an entity in `org`/`project`. */
export function resolveScope(ref: TemplateRef, org: string | null, project: string | null): { org: string | null; project: string | null } {
  if (ref.scope === "account") return { org: null, project: null };
  if (ref.scope === "org") return { org, project: null };
  return { org, project };
}
