/**
 * Harness addresses stages and steps by identifier (`<+pipeline.stages.build.spec...>`), so two
 * stages, or two steps of one list, cannot share one. Step groups open a scope of their own.
 */
import { words } from "../messages.js";
import type { PointerIssue } from "../types.js";
import type { DocumentRule } from "./context.js";
import { stagesOf, stepScopes, type Located } from "./walk.js";

const WORDS: Readonly<Record<Located["key"], string>> = { stage: "stage", step: "step", stepGroup: "step group" };

export const uniqueIdentifiers: DocumentRule = (doc, context) => {
  const issues: PointerIssue[] = [];
  const check = (nodes: readonly Located[]): void => {
    const first = new Map<string, Located>();
    for (const located of nodes) {
      const id = located.node.identifier;
      if (typeof id !== "string" || id === "") continue;
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, located);
        continue;
      }
      issues.push({
        path: `${located.pointer}/identifier`,
        severity: "error",
        code: "duplicate-identifier",
        message: words.duplicateIdentifier(WORDS[located.key], id, context.lineOf(`${earlier.pointer}/identifier`)),
      });
    }
  };
  check(stagesOf(doc));
  for (const scope of stepScopes(doc)) check(scope.nodes);
  return issues;
};
