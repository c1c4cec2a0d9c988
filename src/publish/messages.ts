/**
 * The words of plan, publish and rollback as the CLI prints them. The engines return data; these
 * functions turn it into lines.
 */
import type { EntityKind } from "../layout.js";
import { describeChange } from "../merge/describe.js";
import type { PlanItem } from "../plan/plan-entity.js";
import type { PlanResult } from "../plan/plan.js";
import type { PublishItem, PublishResult } from "./publish.js";
import type { RollbackItem, RollbackResult } from "./rollback.js";
import type { ConnectionTest } from "./test-connections.js";

const BIN = "harness-scaffold";
const KIND_WIDTH = 15;
const ACTION_WIDTH = 10;

const PLAN_MARK: Record<PlanItem["action"], string> = { create: "+", update: "~", unchanged: "=", conflict: "!", exists: "=" };

const count = (n: number, word: string): string => `${n} ${word}`;
/** A template version is named with its label: `k8s_rolling v1`. */
const named = (item: { identifier: string; versionLabel?: string }): string => (item.versionLabel === undefined ? item.identifier : `${item.identifier} ${item.versionLabel}`);
const indent = (text: string, by: string): string => text.split("\n").map((l) => `${by}${l}`).join("\n");

export function planHeader(result: Pick<PlanResult, "endpoint" | "account" | "plan">): string {
  return `Plan for ${result.endpoint} (account ${result.account}), ${count(result.plan.length, "entities")} in publish order:\n`;
}

/** One entity; an update lists its changes by Harness path, and with `showDiff` the unified diff too. */
export function planLine(item: PlanItem, showDiff = false): string {
  const head = `  ${PLAN_MARK[item.action]} ${item.action.padEnd(ACTION_WIDTH)} ${item.kind.padEnd(KIND_WIDTH)} ${named(item)}`;
  const note =
    item.action === "conflict"
      ? "  exists in Harness but was not created by harness-scaffold (publish --adopt takes it over)"
      : item.valueSource !== undefined
        ? `  (${item.valueSource.note}${item.valueSource.available ? "" : ": publish will stop before sending anything"})`
        : "";
  const changes = item.action === "update" && item.changes !== undefined ? item.changes.map((c) => `\n      ${describeChange(c)}`).join("") : "";
  const diff = showDiff && item.diff !== undefined && item.action === "update" ? `\n${indent(item.diff, "      ")}` : "";
  return `${head}${note}${changes}${diff}\n`;
}

export function planSummary(items: readonly PlanItem[]): string {
  const n = (a: PlanItem["action"]): number => items.filter((i) => i.action === a).length;
  const parts = [count(n("create"), "to create"), count(n("update"), "to update"), count(n("unchanged") + n("exists"), "unchanged")];
  if (n("conflict") > 0) parts.push(count(n("conflict"), n("conflict") === 1 ? "conflict" : "conflicts"));
  const next = n("create") + n("update") > 0 ? `. Nothing was changed; run "${BIN} publish" to apply.` : ": Harness matches the files.";
  return `\n${parts.join(", ")}${next}\n`;
}

export const webhookFailed = (result: string, message: string): string => `saved, but its webhook registration is ${result}: ${message}`;
export const webhookHint =
  "the GitHub connector needs API access with a token that has the repo and admin:repo_hook scopes, and the repository must exist; fix it, then publish again (an update retries the registration)";

export function publishLine(item: PublishItem): string {
  const lost = item.recovered ? " (answer lost; confirmed by reading it back)" : "";
  const webhook = item.webhook !== undefined ? ` (webhook ${item.webhook})` : "";
  const extra = item.adopted ? " (adopted)" : `${lost}${webhook}`;
  const head = `  ${item.action.padEnd(ACTION_WIDTH)} ${item.kind.padEnd(KIND_WIDTH)} ${named(item)}${extra}`;
  if (item.action !== "failed") return `${head}\n`;
  return `${head}: ${item.error ?? "failed"}\n${item.hint ? `      hint: ${item.hint}\n` : ""}`;
}

function tally(results: readonly PublishItem[]): string {
  const n = (a: PublishItem["action"]): number => results.filter((r) => r.action === a).length;
  return [count(n("created"), "created"), count(n("updated"), "updated"), count(n("unchanged"), "unchanged")]
    .concat(n("failed") > 0 ? [count(n("failed"), "failed")] : [])
    .join(", ");
}

export function publishSummary(result: PublishResult): string {
  const where = `${result.endpoint} (account ${result.account})`;
  const resumed = result.resumed ? " (resumed the previous, unfinished run)" : "";
  if (result.ok) return `\nPublished to ${where}${resumed}: ${tally(result.results)}.\n`;
  const lines = [`\nStopped at the ${result.stoppedAt ?? "?"} entities of ${where}. Done so far: ${tally(result.results)}.`];
  if (result.skipped.length > 0) lines.push(`Not attempted: ${result.skipped.map((s) => `${s.kind} ${s.identifier}`).join(", ")}.`);
  lines.push(`Fix the problem and run "${BIN} publish" again: it picks up where it stopped ("${BIN} publish --rollback" undoes this run's creates).`);
  return `${lines.join("\n")}\n`;
}

export const kindStarted = (kind: EntityKind, n: number): string => `publishing ${count(n, kind === "infrastructure" ? "infrastructures" : `${kind}s`)}`;

export function rollbackLine(item: RollbackItem): string {
  const words = { deleted: "deleted", missing: "gone already", kept: "kept", failed: "failed" }[item.action];
  return `  ${words.padEnd(ACTION_WIDTH + 2)} ${item.kind.padEnd(KIND_WIDTH)} ${named(item)}${item.error ? `: ${item.error}` : ""}\n`;
}

export function rollbackSummary(result: RollbackResult): string {
  if (result.runStartedAt === undefined) return "Nothing to roll back: no publish run is recorded for these directories and this account.\n";
  if (result.results.length === 0) return `Nothing to roll back: the last publish run (${result.runStartedAt}) created nothing, or it was rolled back already.\n`;
  const deleted = result.results.filter((r) => r.action === "deleted").length;
  if (!result.ok) return `\nRollback stopped: ${deleted} deleted; run "${BIN} publish --rollback" again to finish.\n`;
  return `\nRolled back the publish run of ${result.runStartedAt}: ${deleted} deleted.\n`;
}

/** One line per connection test: SUCCESS, or FAILURE with Harness's summary and hint. */
export function connectionTestLine(test: ConnectionTest): string {
  const head = `  ${test.status.padEnd(ACTION_WIDTH)} ${"connector".padEnd(KIND_WIDTH)} ${test.identifier}`;
  if (test.status === "SUCCESS") return `${head}\n`;
  return `${head}: ${test.errorSummary ?? "failed"}\n${test.hint ? `      hint: ${test.hint}\n` : ""}`;
}

export function connectionTestSummary(tests: readonly ConnectionTest[]): string {
  const failed = tests.filter((t) => t.status !== "SUCCESS").length;
  if (tests.length === 0) return "No connectors to test.\n";
  return failed === 0 ? `All ${count(tests.length, "connection tests")} succeeded.\n` : `${failed} of ${count(tests.length, "connection tests")} failed.\n`;
}
