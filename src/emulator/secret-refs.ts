/**
 * Secret references from connectors (shared/harness-api-secrets.md §4, CONFIRMED): `x` is a
 * secret of the connector's own project, `org.x` of its organization, `account.x` of the account;
 * `project.x` is not a reference at all. A project connector may use all three forms, an org
 * connector `org.` and `account.`, an account connector only `account.`. Harness checks that each
 * referenced secret exists when a connector is created or updated (existence only, not type).
 */
import { SECRET_REF_KEYS } from "../validate/rules/references.js";
import { isObject } from "./fields.js";
import type { Json } from "./fields.js";
import type { Scope, Store } from "./store.js";

export interface SecretRef {
  /** The field holding the reference, named as Harness names it in its message (`tokenRef`). */
  field: string;
  ref: string;
}

/** Every secret reference in a connector spec, in document order; expressions are Harness's to resolve later. */
export function secretRefsOf(spec: unknown): SecretRef[] {
  const found: SecretRef[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (SECRET_REF_KEYS.has(key) && typeof child === "string") {
        if (child.trim() !== "" && !child.includes("<+")) found.push({ field: key, ref: child });
      } else visit(child);
    }
  };
  visit(spec);
  return found;
}

export type Resolved = { ok: true; scope: Scope; identifier: string } | { ok: false; reason: string };

const levelOf = (scope: Scope): string => (scope.project !== null ? "project" : scope.org !== null ? "org" : "account");

/** Where `ref` points for an entity living in `owner`, or why it cannot point anywhere. */
export function resolveSecretRef(ref: string, owner: Scope): Resolved {
  const dot = ref.indexOf(".");
  const prefix = dot < 0 ? "" : ref.slice(0, dot);
  const identifier = dot < 0 ? ref : ref.slice(dot + 1);
  if (prefix === "account") return { ok: true, scope: { account: owner.account, org: null, project: null }, identifier };
  if (prefix === "org") {
    if (owner.org === null) return { ok: false, reason: `The org level secret cannot be used at ${levelOf(owner)} level` };
    return { ok: true, scope: { account: owner.account, org: owner.org, project: null }, identifier };
  }
  if (prefix !== "") return { ok: false, reason: `Invalid Identifier Reference ${ref}` };
  if (owner.project === null) return { ok: false, reason: `The project level secret cannot be used at ${levelOf(owner)} level` };
  return { ok: true, scope: { account: owner.account, org: owner.org, project: owner.project }, identifier };
}

export const secretAddress = (scope: Scope, identifier: string) =>
  ({ kind: "secret" as const, account: scope.account, org: scope.org, project: scope.project, identifier });

/** [source-code] SecretRefInputValidationHelper, with the scope parts Harness names. */
export function missingSecretText(resolved: { scope: Scope; identifier: string }): string {
  let text = `No secret exists with the id ${resolved.identifier} `;
  if (resolved.scope.org !== null) text += ` in organization ${resolved.scope.org}`;
  if (resolved.scope.project !== null) text += ` in project ${resolved.scope.project}`;
  return text;
}

/** The first problem with the connector's secret references, worded as Harness words it; undefined when all resolve. */
export function firstBadSecretRef(store: Store, spec: unknown, owner: Scope): string | undefined {
  for (const { field, ref } of secretRefsOf(spec)) {
    const resolved = resolveSecretRef(ref, owner);
    const reason = !resolved.ok ? resolved.reason : store.get(secretAddress(resolved.scope, resolved.identifier)) === undefined ? missingSecretText(resolved) : undefined;
    if (reason !== undefined) return `Error while validating ${field} field : ${reason}`;
  }
  return undefined;
}

/** True when a connector in the store refers to the secret at `scope`/`identifier`. */
export function isSecretReferenced(store: Store, scope: Scope, identifier: string): boolean {
  return store.snapshot().some((r) => {
    if (r.kind !== "connector" || r.account !== scope.account) return false;
    const owner: Scope = { account: r.account, org: r.org, project: r.project };
    return secretRefsOf((r.entity as Json).spec).some(({ ref }) => {
      const resolved = resolveSecretRef(ref, owner);
      return resolved.ok && resolved.identifier === identifier && resolved.scope.org === scope.org && resolved.scope.project === scope.project;
    });
  });
}
