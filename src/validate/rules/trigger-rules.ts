/**
 * One trigger on its own: a cron schedule Harness would refuse on save (it must parse and run at
 * most every 5 minutes, in a time zone that exists), and a GitHub push trigger without a branch
 * condition (Harness takes it and then runs the pipeline for every push to any branch).
 */
import { checkCron, isTimeZone } from "../../rules/cron.js";
import { words } from "../messages.js";
import { isRecord, valueAt } from "../pointer.js";
import type { PointerIssue } from "../types.js";
import { isExpression, type DocumentRule } from "./context.js";

const CRON = "/trigger/source/spec/spec";
const GITHUB_EVENT = "/trigger/source/spec/spec";

export const triggerRules: DocumentRule = (doc) => {
  const issues: PointerIssue[] = [];
  const source = valueAt(doc, "/trigger/source");
  if (!isRecord(source) || !isRecord(source.spec)) return issues;
  if (source.type === "Scheduled" && source.spec.type === "Cron") {
    const cron = valueAt(doc, CRON);
    if (isRecord(cron)) issues.push(...cronIssues(cron));
  }
  if (source.type === "Webhook" && source.spec.type === "Github") {
    const event = valueAt(doc, GITHUB_EVENT);
    if (isRecord(event) && event.type === "Push" && isRecord(event.spec) && !hasBranchCondition(event.spec)) {
      issues.push({ path: `${GITHUB_EVENT}/spec`, severity: "error", code: "push-without-branch", message: words.pushWithoutBranch, at: "key" });
    }
  }
  return issues;
};

function cronIssues(cron: Record<string, unknown>): PointerIssue[] {
  const issues: PointerIssue[] = [];
  const { expression, timezone } = cron;
  const type = typeof cron.type === "string" && cron.type.toUpperCase() === "QUARTZ" ? "QUARTZ" : "UNIX";
  if (typeof expression === "string" && expression.trim() !== "" && !isExpression(expression)) {
    const problem = checkCron(expression, type);
    if (problem?.kind === "syntax") issues.push({ path: `${CRON}/expression`, severity: "error", code: "cron-syntax", message: words.cronSyntax(expression, problem.message) });
    if (problem?.kind === "too-often") issues.push({ path: `${CRON}/expression`, severity: "error", code: "cron-too-often", message: words.cronTooOften(expression, problem.minutes) });
  }
  if (typeof timezone === "string" && timezone !== "" && !isExpression(timezone) && !isTimeZone(timezone)) {
    issues.push({ path: `${CRON}/timezone`, severity: "error", code: "timezone-invalid", message: words.badTimeZone(timezone) });
  }
  return issues;
}

function hasBranchCondition(spec: Record<string, unknown>): boolean {
  const conditions = Array.isArray(spec.payloadConditions) ? spec.payloadConditions : [];
  if (conditions.some((c) => isRecord(c) && c.key === "targetBranch")) return true;
  return typeof spec.jexlCondition === "string" && spec.jexlCondition.trim() !== "";
}
