/**
 * A local reference (not an expression, not `org.`/`account.` scoped) names an entity by its
 * identifier, so it must be one: `environmentRef: dev-env` can never resolve in Harness, whatever
 * exists there. Checked per document, so the emulator refuses such bodies as `validate` does.
 */
import type { EntityKind } from "../../layout.js";
import { IDENTIFIER_MAX_LENGTH } from "../../rules/identifiers.js";
import { words } from "../messages.js";
import type { PointerIssue } from "../types.js";
import type { DocumentRule } from "./context.js";
import { isLocalRef, referencesOf } from "./references.js";
import { walkValues } from "./walk.js";

/** A reference: where it is, what it names, the identifier it gives. */
interface Named {
  pointer: string;
  kind: EntityKind | "secret" | "template";
  id: string;
}

/** Keys that name other entities beyond the ones `referencesOf` resolves across files. */
function extraReference(key: string, value: unknown, pointer: string): Named | undefined {
  if (!isLocalRef(value)) return undefined;
  // A templateRef with another prefix (`project.x`) is template-links.ts's to report, in Harness's words.
  if (key === "templateRef") return value.includes(".") ? undefined : { pointer, kind: "template", id: value };
  // gitConnectorRef, awsConnectorRef, harnessImageConnectorRef, …: connectors under another name.
  if (/.ConnectorRef$/.test(key)) return { pointer, kind: "connector", id: value };
  return undefined;
}

/** Connector and secret identifiers may also hold `$` after the first character (Harness's server rule). */
const allowsDollar = (ref: Pick<Named, "kind">): boolean => ref.kind === "connector" || ref.kind === "secret";

/** Why `ref.id` cannot be an identifier, in words; undefined when it can. */
export function identifierProblemOf(ref: Pick<Named, "kind" | "id">): string | undefined {
  const id = ref.id;
  if (id.length > IDENTIFIER_MAX_LENGTH) return words.refTooLong(IDENTIFIER_MAX_LENGTH);
  if (/^[0-9]/.test(id)) return words.refStartsWithDigit;
  const dollar = allowsDollar(ref);
  const allowed = dollar ? /^[0-9a-zA-Z_$]$/u : /^[0-9a-zA-Z_]$/u;
  if (id.startsWith("$")) return words.refBadCharacter("$", false);
  for (const char of id) if (!allowed.test(char)) return words.refBadCharacter(char, dollar);
  return undefined;
}

export function referenceIdentifiers(kind: EntityKind): DocumentRule {
  return (doc) => {
    const refs: Named[] = referencesOf({ kind, value: doc });
    for (const { key, value, pointer } of walkValues(doc)) {
      const extra = extraReference(key, value, pointer);
      if (extra !== undefined) refs.push(extra);
    }
    const issues: PointerIssue[] = [];
    for (const ref of refs) {
      const problem = identifierProblemOf(ref);
      if (problem === undefined) continue;
      // `project.x` is a scope prefix Harness does not have: say so rather than "bad character".
      if (ref.kind === "secret" && ref.id.startsWith("project.")) {
        issues.push({ path: ref.pointer, severity: "error", code: "secret-ref-scope", message: words.secretRefProjectPrefix(ref.id) });
        continue;
      }
      const field = ref.pointer.split("/").at(-1) ?? "";
      const label = /^\d+$/.test(field) || field === "identifier" || field === "value" ? `${ref.kind} reference` : field;
      issues.push({ path: ref.pointer, severity: "error", code: "identifier-pattern", message: words.refNotIdentifier(label, ref.id, ref.kind, problem) });
    }
    return issues;
  };
}
