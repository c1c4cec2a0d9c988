/**
 * A template's `type` and its spec's `type` must agree: a Stage template holds a stage type
 * (Deployment, CI, ...), a Step template a step type. Harness reads the spec's type as the
 * template's `childType`; a step type in a Stage template is a mistake the schema alone would
 * only call an "unknown stage type".
 */
import { words } from "../messages.js";
import { isRecord } from "../pointer.js";
import { STAGE_TYPES, STEP_TYPES } from "../schemas/step-types.js";
import type { PointerIssue } from "../types.js";
import type { DocumentRule } from "./context.js";

const STAGES: ReadonlySet<string> = new Set(STAGE_TYPES);
const STEPS: ReadonlySet<string> = new Set(STEP_TYPES);

export const SPEC_TYPE_POINTER = "/template/spec/type";

export const templateType: DocumentRule = (doc) => {
  const template = isRecord(doc) ? doc.template : undefined;
  if (!isRecord(template) || !isRecord(template.spec)) return [];
  const { type } = template;
  const childType = template.spec.type;
  if (typeof childType !== "string") return [];
  const mismatch =
    (type === "Stage" && STEPS.has(childType) && !STAGES.has(childType)) || (type === "Step" && STAGES.has(childType) && !STEPS.has(childType));
  if (!mismatch) return [];
  const issue: PointerIssue = {
    path: SPEC_TYPE_POINTER,
    severity: "error",
    code: "template-type-mismatch",
    message: words.templateTypeMismatch(String(type), childType),
    at: "value",
  };
  return [issue];
};
