/**
 * Triggers `/pipeline/api/triggers` (harness-api-triggers.md §1–§3). The body is the raw trigger
 * YAML (either content type). A trigger is stored under the YAML's `pipelineIdentifier`, whatever
 * the `targetIdentifier` query says (Harness never compares them; a mismatch leaves the trigger
 * unreachable under the query's pipeline). Every create/update error is one 400 INVALID_REQUEST
 * "Failed while Saving Trigger: …" (update: "Failed while updating Trigger: …"), the duplicate
 * included. The webhook registration outcome lands in the status, never in the save's answer.
 */
import { parseDocument } from "yaml";
import { valuesOf } from "../../util/yaml-values.js";
import { page } from "../envelopes.js";
import { isObject } from "../fields.js";
import type { Json } from "../fields.js";
import * as m from "../messages.js";
import type { Route, RouteContext } from "../route.js";
import { invalidRequest, notFound } from "../route.js";
import type { EntityRecord, Scope } from "../store.js";
import { checkIdentifier, checkName } from "../../rules/identifiers.js";
import { checkCron, isTimeZone } from "../../rules/cron.js";
import { compact, matchesSearch, newRecord, updatedRecord } from "./common.js";
import { childScope, pipelineExists, text, type ProjectScope } from "./pipeline-child.js";
import { githubEventSpec, registerWebhook } from "./webhook-registration.js";

const address = (scope: Scope, pipeline: string, identifier: string) => ({ kind: "trigger" as const, ...scope, parent: pipeline, identifier });

/** Parses and checks the YAML in server order; throws the wrapped 400 with the first problem. */
function readTrigger(ctx: RouteContext, scope: ProjectScope, wrap: (detail: string) => string, create: boolean): Json {
  const doc = parseDocument(ctx.text, { prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first !== undefined) throw invalidRequest(wrap(first.message.split("\n")[0] ?? "invalid yaml"));
  const read = valuesOf(doc);
  if (!read.ok) throw invalidRequest(wrap(read.problem.message));
  const value = read.value;
  if (!isObject(value) || !isObject(value.trigger)) throw invalidRequest(wrap(m.triggerNoRoot));
  const trigger = value.trigger;
  for (const field of ["identifier", "name", "pipelineIdentifier"] as const) {
    if (text(trigger[field]) === undefined) throw invalidRequest(wrap(m.triggerBlank[field]));
  }
  const identifier = trigger.identifier as string;
  const name = trigger.name as string;
  if (create && checkIdentifier(identifier, { maxLength: ctx.identifierMaxLength }) !== undefined) throw invalidRequest(wrap(m.triggerIdPattern));
  if (create && checkName(name) !== undefined) throw invalidRequest(wrap(m.triggerNamePattern));
  checkSchedule(trigger, wrap);
  const pipeline = trigger.pipelineIdentifier as string;
  if (!pipelineExists(ctx, scope, pipeline)) throw invalidRequest(wrap(m.pipelineNotFound(pipeline)));
  return trigger;
}

function checkSchedule(trigger: Json, wrap: (detail: string) => string): void {
  const source = trigger.source;
  if (!isObject(source) || source.type !== "Scheduled" || !isObject(source.spec) || !isObject(source.spec.spec)) return;
  const cron = source.spec.spec;
  const expression = typeof cron.expression === "string" ? cron.expression : "";
  const type = typeof cron.type === "string" && cron.type.toUpperCase() === "QUARTZ" ? "QUARTZ" : "UNIX";
  const problem = checkCron(expression, type);
  if (problem?.kind === "syntax") throw invalidRequest(wrap(m.cronInvalid(problem.message)));
  if (problem?.kind === "too-often") throw invalidRequest(wrap(m.cronTooOften));
  if (typeof cron.timezone === "string" && cron.timezone !== "" && !isTimeZone(cron.timezone)) throw invalidRequest(wrap(m.unknownTimeZone(cron.timezone)));
}

/** What is stored: the DTO's own fields, the YAML as sent, and the registration outcome. */
function toEntity(ctx: RouteContext, scope: ProjectScope, trigger: Json): Json {
  const source = isObject(trigger.source) ? trigger.source : {};
  const event = githubEventSpec(trigger);
  const isWebhook = source.type === "Webhook";
  return compact({
    name: trigger.name,
    identifier: trigger.identifier,
    description: typeof trigger.description === "string" ? trigger.description : undefined,
    type: typeof source.type === "string" ? source.type : undefined,
    tags: isObject(trigger.tags) ? trigger.tags : {},
    enabled: trigger.enabled !== false,
    targetIdentifier: trigger.pipelineIdentifier,
    yaml: ctx.text,
    // One URL per account, built from the account alone (harness-api-triggers.md §1.1).
    webhookUrl: isWebhook ? `${ctx.origin}/gateway/ng/api/webhook?accountIdentifier=${encodeURIComponent(scope.account)}` : undefined,
    webhookSourceRepo: isObject(source.spec) && typeof source.spec.type === "string" ? source.spec.type.toUpperCase() : undefined,
    registration: event === undefined ? undefined : registerWebhook(ctx, scope, event),
  });
}

function toResponse(r: EntityRecord): Json {
  const e = r.entity;
  return compact({
    name: e.name,
    identifier: r.identifier,
    description: e.description,
    type: e.type,
    accountIdentifier: r.account,
    orgIdentifier: r.org,
    projectIdentifier: r.project,
    targetIdentifier: r.parent,
    yaml: e.yaml,
    enabled: e.enabled,
    errorResponse: false,
    webhookUrl: e.webhookUrl,
  });
}

function toDetails(r: EntityRecord): Json {
  const e = r.entity;
  return compact({
    name: e.name,
    identifier: r.identifier,
    description: e.description,
    type: e.type,
    tags: e.tags,
    enabled: e.enabled,
    yaml: e.yaml,
    webhookUrl: e.webhookUrl,
    webhookDetails: e.webhookSourceRepo === undefined ? undefined : { webhookSourceRepo: e.webhookSourceRepo },
    triggerStatus: {
      validationStatus: { statusResult: "SUCCESS", detailedMessage: null },
      webhookAutoRegistrationStatus: e.registration ?? null,
      webhookInfo: e.registration === undefined ? null : { webhookId: `wh_${r.identifier}` },
      pollingSubscriptionStatus: null,
    },
    executions: [0, 0, 0, 0, 0, 0, 0],
    isPipelineInputOutdated: false,
    yamlVersion: "0",
  });
}

function existing(ctx: RouteContext): EntityRecord {
  const { scope, pipeline } = childScope(ctx, "targetIdentifier");
  const id = ctx.params.identifier as string;
  const record = ctx.store.get(address(scope, pipeline, id));
  if (record === undefined) throw notFound(m.triggerNotFound(id), "ENTITY_NOT_FOUND");
  return record;
}

export const triggerRoutes: Route[] = [
  {
    method: "POST",
    path: "/pipeline/api/triggers",
    accepts: ["yaml", "json"],
    rawBody: true,
    handle(ctx) {
      const { scope } = childScope(ctx, "targetIdentifier");
      const trigger = readTrigger(ctx, scope, m.triggerSaveFailed, true);
      const key = address(scope, trigger.pipelineIdentifier as string, trigger.identifier as string);
      if (ctx.store.taken(key)) throw invalidRequest(m.triggerSaveFailed(m.triggerDuplicate(key.identifier)));
      const record = newRecord("trigger", scope, key.identifier, toEntity(ctx, scope, trigger), ctx.now, key.parent);
      ctx.store.put(record);
      return toResponse(record);
    },
  },
  {
    method: "PUT",
    path: "/pipeline/api/triggers/{identifier}",
    accepts: ["yaml", "json"],
    rawBody: true,
    handle(ctx) {
      const old = existing(ctx);
      const scope = { account: old.account, org: old.org as string, project: old.project as string };
      const trigger = readTrigger(ctx, scope, m.triggerUpdateFailed, false);
      if (trigger.identifier !== old.identifier) throw invalidRequest(m.triggerUpdateFailed(m.triggerIdMismatch));
      // Saved under the YAML's pipeline, as on create: a changed pipelineIdentifier moves it.
      const record = { ...updatedRecord(old, toEntity(ctx, scope, trigger), ctx.now), parent: trigger.pipelineIdentifier as string };
      ctx.store.remove(old);
      ctx.store.put(record);
      return toResponse(record);
    },
  },
  {
    method: "GET",
    path: "/pipeline/api/triggers/{identifier}",
    handle: (ctx) => toResponse(existing(ctx)),
  },
  {
    method: "GET",
    path: "/pipeline/api/triggers/{identifier}/details",
    handle: (ctx) => toDetails(existing(ctx)),
  },
  {
    method: "DELETE",
    path: "/pipeline/api/triggers/{identifier}",
    handle(ctx) {
      const { scope, pipeline } = childScope(ctx, "targetIdentifier");
      // The hard delete does not check existence: an unknown trigger is deleted "successfully".
      ctx.store.delete(address(scope, pipeline, ctx.params.identifier as string));
      return true;
    },
  },
  {
    method: "GET",
    path: "/pipeline/api/triggers",
    handle(ctx) {
      const { scope, pipeline } = childScope(ctx, "targetIdentifier");
      const records = ctx.store.list("trigger", scope, pipeline).filter((r) => matchesSearch(r, ctx.query));
      return page([...records].reverse().map(toDetails), ctx.query);
    },
  },
];
