/**
 * The emulator refuses what `harness-scaffold validate` refuses: each body also goes through the
 * validator's per-document checks (the kit's schemas and rules). Errors only — warnings, such as
 * keys the kit does not know, pass as they do on Harness. JSON bodies fail with a FailureDTO
 * (field errors), YAML documents with SCHEMA_VALIDATION_FAILED naming the line and column.
 */
import type { EntityKind } from "../layout.js";
import { checkDocument } from "../validate/check-document.js";
import type { Issue } from "../validate/types.js";
import { fieldFailure } from "./envelopes.js";
import { schemaFailure } from "./yaml-entity.js";

const KINDS: readonly EntityKind[] = ["project", "connector", "service", "environment", "infrastructure", "template", "pipeline"];

/**
 * Compiles the kit's schemas now (about 2 s the first time in a process; free afterwards), so the
 * first request of each kind is not held up by it — a stall of a second mid-run would bunch
 * requests together and distort rate limits and client timeouts.
 */
export async function warmUpKitRules(): Promise<void> {
  for (const kind of KINDS) {
    checkDocument(kind, {});
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function errorsOf(issues: readonly Issue[]): Issue[] {
  return issues.filter((issue) => issue.severity === "error");
}

/** JSON pointer `/project/identifier` → `project.identifier`. */
function dotted(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .join(".");
}

/** A JSON request body (`{"project": …}`, `{"connector": …}`). */
export function enforceOnJson(kind: EntityKind, body: unknown): void {
  const errors = errorsOf(checkDocument(kind, body));
  if (errors.length > 0) throw fieldFailure(errors.map((e) => ({ path: dotted(e.path) || kind, error: e.message })));
}

/** A YAML document and its text (pipeline bodies; the `yaml` field of services and the rest). */
export function enforceOnYaml(kind: EntityKind, doc: unknown, text: string): void {
  // Placing issues in the text costs a second parse; pay it only when there is something to place.
  if (errorsOf(checkDocument(kind, doc)).length === 0) return;
  const errors = errorsOf(checkDocument(kind, doc, { text, file: `${kind}.yaml` }));
  if (errors.length > 0) {
    throw schemaFailure(
      errors.map((e) => ({ fqn: `$.${dotted(e.path)}`.replace(/\.$/, ""), message: e.line > 0 ? `${e.message} (line ${e.line}, column ${e.column})` : e.message })),
    );
  }
}
