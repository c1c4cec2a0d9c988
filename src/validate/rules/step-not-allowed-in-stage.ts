/**
 * Each stage type runs only some step types: a Kubernetes deployment step has no place in a CI
 * stage, a Docker build-and-push step none in a Deployment stage. The table comes from Harness's
 * v0 schema (schemas/stage-step-types.ts); stage types it does not list are not checked, and step
 * types Harness does not have are left to the schema's `unknown-step-type`.
 */
import { words } from "../messages.js";
import { childPointer, isRecord } from "../pointer.js";
import { STAGE_TYPES_CHECKED, STEP_TYPES_BY_STAGE } from "../schemas/stage-step-types.js";
import { STEP_TYPES } from "../schemas/step-types.js";
import type { PointerIssue } from "../types.js";
import type { DocumentRule } from "./context.js";
import { stagesOf, stepScope } from "./walk.js";

const KNOWN_STEP_TYPES: ReadonlySet<string> = new Set(STEP_TYPES);

export const stepNotAllowedInStage: DocumentRule = (doc) => {
  const issues: PointerIssue[] = [];
  for (const stage of stagesOf(doc)) {
    const stageType = stage.node.type;
    if (typeof stageType !== "string" || !STAGE_TYPES_CHECKED.includes(stageType)) continue;
    const allowed = STEP_TYPES_BY_STAGE[stageType];
    const execution = isRecord(stage.node.spec) ? stage.node.spec.execution : undefined;
    if (allowed === undefined || !isRecord(execution)) continue;
    const visit = (owner: Record<string, unknown>, pointer: string): void => {
      for (const name of ["steps", "rollbackSteps"]) {
        for (const located of stepScope(owner[name], childPointer(pointer, name))) {
          if (located.key === "stepGroup") {
            visit(located.node, located.pointer);
            continue;
          }
          const stepType = located.node.type;
          if (typeof stepType !== "string" || !KNOWN_STEP_TYPES.has(stepType) || allowed.has(stepType)) continue;
          issues.push({
            path: `${located.pointer}/type`,
            severity: "error",
            code: "step-not-allowed-in-stage",
            message: words.stepNotInStage(stepType, stageType),
            at: "value",
          });
        }
      }
    };
    visit(execution, `${stage.pointer}/spec/execution`);
  }
  return issues;
};
