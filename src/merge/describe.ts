/**
 * Changes and conflicts in words, one line each:
 *   stage deploy_dev › step rollingDeployment › timeout: 10m → 15m
 *   + step smokeTest (ShellScript) after rollingDeployment
 *   - variable LOG_LEVEL
 */
import type { Change, Conflict } from "./types.js";
import { showValue } from "./values.js";

const elementWord = (position: string | undefined): string => {
  if (position === undefined) return "";
  if (position === "start") return " at the start";
  return ` after ${position.split(" ").slice(1).join(" ")}`;
};

export function describeChange(change: Change): string {
  const last = change.segments.at(-1);
  const isElement = last !== undefined && "label" in last;
  switch (change.op) {
    case "add":
      return isElement
        ? `+ ${change.path}${change.type === undefined ? "" : ` (${change.type})`}${elementWord(change.position)}`
        : `+ ${change.path}: ${showValue(change.after)}`;
    case "remove":
      return isElement ? `- ${change.path}` : `- ${change.path} (was ${showValue(change.before)})`;
    case "move":
      return `~ ${change.path}: order ${(change.before as string[]).map(shortKey).join(", ")} → ${(change.after as string[]).map(shortKey).join(", ")}`;
    default:
      return `~ ${change.path}: ${showValue(change.before)} → ${showValue(change.after)}`;
  }
}

/** `step:smokeTest` → `smokeTest` (element keys carry their wrapper to stay unique). */
const shortKey = (key: string): string => key.slice(key.indexOf(":") + 1);

export function describeConflict(conflict: Conflict): string {
  const head = `${conflict.file}:${conflict.line}:${conflict.col}: ${conflict.path}: ${conflict.reason}`;
  const settled = conflict.resolved === undefined ? "" : `\n    settled: kept ${conflict.resolved === "ours" ? "yours" : "the new render's"}`;
  return `${head}\n    base:   ${showValue(conflict.base)}\n    yours:  ${showValue(conflict.ours)}\n    theirs: ${showValue(conflict.theirs)}${settled}`;
}
