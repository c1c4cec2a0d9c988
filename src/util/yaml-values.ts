/**
 * One way to turn a parsed YAML document into plain values for every place that reads YAML from
 * outside (answers files, templates' output, validated files, request bodies, Harness's answers):
 * with a limit on alias expansion. `a: &a [x, x]`, `b: &b [*a, *a]`, … doubles at every line, so a
 * few hundred bytes would otherwise become gigabytes; the yaml package stops that with a
 * ReferenceError, which callers must not mistake for a bug in the kit.
 */
import { isAlias, parseDocument, visit, type Document } from "yaml";

/** Aliases resolved per document, weighted by the size of what they point at (the yaml package's measure). */
export const MAX_ALIAS_COUNT = 100;

/** Why the values could not be built, and where the first alias is (offset into the text). */
export interface AliasLimitProblem {
  offset: number;
  message: string;
}

export const ALIAS_LIMIT_MESSAGE =
  "its aliases (*name) expand to too much data (the YAML alias bomb); write the values out instead of repeating anchors";

export type ValuesResult = { ok: true; value: unknown } | { ok: false; problem: AliasLimitProblem };

/** `document.toJS()` within the alias limit; never throws for what the text holds. */
export function valuesOf(document: Document, maxAliasCount = MAX_ALIAS_COUNT): ValuesResult {
  try {
    return { ok: true, value: document.toJS({ maxAliasCount }) as unknown };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return { ok: false, problem: { offset: firstAliasOffset(document), message: ALIAS_LIMIT_MESSAGE } };
  }
}

/** `yaml.parse` for texts that are not the user's own files (Harness's answers): throws a plain Error with the reason. */
export function parseYamlValues(text: string): unknown {
  const document = parseDocument(text, { prettyErrors: false });
  const first = document.errors[0];
  if (first !== undefined) throw new Error(first.message.split("\n")[0] ?? "invalid YAML");
  const result = valuesOf(document);
  if (!result.ok) throw new Error(`invalid YAML: ${result.problem.message}`);
  return result.value;
}

function firstAliasOffset(document: Document): number {
  let offset = 0;
  visit(document, {
    Alias(_, node) {
      if (isAlias(node) && node.range) {
        offset = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}
