/**
 * References between entities. A reference that is a runtime input or expression, or that names
 * an org- or account-level entity (`org.x`, `account.x`), is Harness's to resolve; any other must
 * name a file in the validated set, else it has to exist in Harness already (a warning).
 */
import type { EntityKind } from "../../layout.js";
import { words } from "../messages.js";
import { isRecord, valueAt } from "../pointer.js";
import { isExpression } from "./context.js";
import { identifierProblemOf } from "./reference-identifiers.js";
import { indexByIdentifier, type Entity, type FileIssue, type SetRule } from "./cross-file.js";
import { walkValues } from "./walk.js";

const ENTITY_REFS: Readonly<Record<string, EntityKind>> = {
  connectorRef: "connector",
  serviceRef: "service",
  environmentRef: "environment",
  pipelineIdentifier: "pipeline",
};

/** Keys of connector specs that name a secret. */
export const SECRET_REF_KEYS: ReadonlySet<string> = new Set([
  "passwordRef", "tokenRef", "sshKeyRef", "serviceAccountTokenRef", "secretKeyRef", "usernameRef", "accessKeyRef",
  "caCertRef", "clientCertRef", "clientKeyRef", "clientKeyPassphraseRef", "privateKeyRef", "applicationIdRef",
  "installationIdRef", "sessionTokenRef", "oidcClientIdRef", "oidcPasswordRef", "oidcSecretRef", "oidcUsernameRef",
  "refreshTokenRef",
]);

export interface Reference {
  pointer: string;
  kind: EntityKind | "secret";
  id: string;
}

export function isLocalRef(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "" && !isExpression(value) && !/^(org|account)\./.test(value);
}

/** Every local reference one document makes to an entity or secret the validated set may define. */
export function referencesOf(entity: Pick<Entity, "kind" | "value">): Reference[] {
  const found: Reference[] = [];
  for (const { key, value, pointer, parent } of walkValues(entity.value)) {
    if (!isLocalRef(value)) continue;
    const kind = ENTITY_REFS[key];
    if (kind !== undefined) found.push({ pointer, kind, id: value });
    else if (entity.kind === "connector" && SECRET_REF_KEYS.has(key)) found.push({ pointer, kind: "secret", id: value });
    else if (key === "value" && isRecord(parent) && parent.type === "Secret") found.push({ pointer, kind: "secret", id: value });
    else if (key === "identifier" && /\/infrastructureDefinitions?(\/\d+)?\/identifier$/.test(pointer) && entity.kind === "pipeline") {
      found.push({ pointer, kind: "infrastructure", id: value });
    }
  }
  return found;
}

export const references: SetRule = (entities) => {
  const index = indexByIdentifier(entities);
  const issues: FileIssue[] = [];
  for (const entity of entities) {
    for (const ref of referencesOf(entity)) {
      // A reference that can never name anything is the per-document rule's error, not also a warning here.
      if (identifierProblemOf(ref) !== undefined) continue;
      if (ref.kind === "secret") {
        const problem = secretRefProblem(entity, ref.id);
        if (problem !== undefined) {
          issues.push({ file: entity.file, path: ref.pointer, severity: "error", code: "secret-ref-scope", message: problem });
          continue;
        }
      }
      const target = index.get(ref.kind)?.get(ref.id);
      if (target === undefined) {
        const message = ref.kind === "secret" ? words.secretRef(ref.id) : words.refNotFound(ref.kind, ref.id);
        issues.push({ file: entity.file, path: ref.pointer, severity: "warning", code: "ref-not-found", message });
        continue;
      }
      if (ref.kind === "infrastructure") issues.push(...infraEnvironment(entity, ref.pointer, target));
    }
  }
  return issues;
};

/**
 * Harness's reference grammar (shared/harness-api-secrets.md §4): a plain `x` (a project secret)
 * cannot be used by an org- or account-level connector. (`project.x` is no identifier at all: the
 * per-document rule reports it.)
 */
function secretRefProblem(entity: Entity, ref: string): string | undefined {
  if (entity.kind !== "connector" || entity.body === undefined) return undefined;
  if (typeof entity.body.projectIdentifier === "string") return undefined;
  return words.secretRefScope(ref, typeof entity.body.orgIdentifier === "string" ? "org" : "account");
}

/** A stage deploying to environment E must use infrastructures defined in E. */
function infraEnvironment(entity: Entity, pointer: string, infra: Entity): FileIssue[] {
  const environmentPointer = pointer.replace(/\/infrastructureDefinitions?(\/\d+)?\/identifier$/, "");
  const used = valueAt(entity.value, `${environmentPointer}/environmentRef`);
  const owner = infra.body?.environmentRef;
  if (!isLocalRef(used) || typeof owner !== "string" || isExpression(owner) || owner === used) return [];
  // An environmentRef that is no identifier has its own error; comparing it would only add noise.
  if (identifierProblemOf({ kind: "environment", id: used }) !== undefined) return [];
  const message = words.infraOfOtherEnvironment(infra.identifier ?? "", owner, used);
  return [{ file: entity.file, path: pointer, severity: "error", code: "infra-environment-mismatch", message }];
}
