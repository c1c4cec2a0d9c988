/**
 * Parsing and checking one answer by its kind. Prompts (as you type), answers files and `--set`
 * all go through `parseAnswer`, so they accept and refuse exactly the same values.
 */
import {
  checkIdentifier,
  checkName,
  checkVersionLabel,
  describeIdentifierProblem,
  describeNameProblem,
  describeVersionLabelProblem,
} from "../rules/identifiers.js";
import { closest } from "../util/suggest.js";
import type { AnswerContext, Answers, AnswerSpec, AnswerValue } from "./spec.js";
import { choicesOf } from "./spec.js";

export type Parsed = { value: AnswerValue; problem?: undefined } | { problem: string; value?: undefined };

const TEXT_MAX = 1024;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const IMAGE = /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;
const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-[0-9]$/;
const SCP_GIT = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[A-Za-z0-9._/-]+$/;
const TIMEOUT = /^(?:[0-9]+(?:ms|s|m|h|d|w))+$/;
const TRUE = new Set(["true", "yes", "y"]);
const FALSE = new Set(["false", "no", "n"]);

/** Turns a raw answer (string from a flag or prompt, any YAML value from a file) into a checked value. */
export function parseAnswer(spec: AnswerSpec, raw: unknown, answers: Answers, ctx: AnswerContext): Parsed {
  const parsed = parseByKind(spec, raw, ctx);
  if (parsed.problem !== undefined) return parsed;
  const extra = spec.check?.(parsed.value, answers);
  return extra === undefined ? parsed : { problem: extra };
}

function parseByKind(spec: AnswerSpec, raw: unknown, ctx: AnswerContext): Parsed {
  const what = spec.key;
  if (spec.kind === "boolean") return parseBoolean(what, raw);
  if (spec.kind === "list") return parseList(spec, raw, ctx);
  if (spec.kind === "tags") return parseTags(what, raw);
  if (raw !== null && typeof raw === "object") return { problem: `${what} must be a single value, not a list or map` };
  const value = raw === undefined || raw === null ? "" : String(raw).trim();
  const problem = checkScalar(spec, value, ctx);
  return problem === undefined ? { value } : { problem };
}

function checkScalar(spec: AnswerSpec, value: string, ctx: AnswerContext): string | undefined {
  const what = spec.key;
  switch (spec.kind) {
    case "identifier": {
      const p = checkIdentifier(value);
      return p && describeIdentifierProblem(what, value, p);
    }
    case "name":
    case "entity-name":
    case "template-name": {
      const rule = spec.kind === "name" ? "yaml" : spec.kind === "entity-name" ? "entity" : "template";
      const p = checkName(value, rule);
      return p && describeNameProblem(what, value, p, rule);
    }
    case "secret-ref":
    case "ref": {
      const bare = value.replace(/^(org|account)\./, "");
      const p = checkIdentifier(bare);
      const thing = spec.kind === "secret-ref" ? "a secret identifier" : "an identifier";
      return p && `${describeIdentifierProblem(what, value, p)} (${thing}, optionally prefixed org. or account.)`;
    }
    case "token":
      return /^\S{1,256}$/.test(value) ? undefined : `${what} must be one word of up to 256 characters, without spaces`;
    case "timeout":
      return TIMEOUT.test(value) ? undefined : `${what} "${value}" is not a duration like 10m, 1h or 1h30m`;
    case "version-label": {
      const p = checkVersionLabel(value);
      return p && describeVersionLabelProblem(what, value, p);
    }
    case "text":
      return value.length > TEXT_MAX ? `${what} is ${value.length} characters; the limit is ${TEXT_MAX}` : undefined;
    case "url":
      return checkUrl(what, value);
    case "git-url":
      return SCP_GIT.test(value) ? undefined : checkUrl(what, value, "or an SSH address like git@github.com:acme/repo.git");
    case "choice": {
      const choices = choicesOf(spec, ctx) ?? [];
      if (choices.includes(value)) return undefined;
      return notAChoice(what, value, choices);
    }
    case "namespace":
      if (value.length > 63) return `${what} "${value}" is ${value.length} characters; Kubernetes allows 63`;
      return NAMESPACE.test(value) ? undefined : `${what} "${value}" must be lowercase letters, digits and "-", starting and ending with a letter or digit`;
    case "image":
      return IMAGE.test(value) ? undefined : `${what} "${value}" is not an image repository like acme/payments-api (lowercase, no tag)`;
    case "color":
      return COLOR.test(value) ? undefined : `${what} "${value}" must be a colour like #0063F7`;
    case "region":
      return REGION.test(value) ? undefined : `${what} "${value}" is not an AWS region like us-east-1`;
    default:
      return undefined;
  }
}

function checkUrl(what: string, value: string, alternative?: string): string | undefined {
  const expected = `an http(s) URL${alternative ? ` ${alternative}` : ""}`;
  if (value === "") return `${what} cannot be empty; expected ${expected}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${what} "${value}" is not ${expected}`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `${what} "${value}" is not ${expected}`;
  if (/\s/.test(value)) return `${what} "${value}" contains spaces`;
  return undefined;
}

function notAChoice(what: string, value: string, choices: readonly string[]): string {
  const guess = closest(value, choices);
  const hint = guess === undefined ? "" : ` (did you mean "${guess}"?)`;
  return `${what} "${value}" is not one of ${choices.join(", ")}${hint}`;
}

function parseBoolean(what: string, raw: unknown): Parsed {
  if (typeof raw === "boolean") return { value: raw };
  const text = String(raw ?? "").trim().toLowerCase();
  if (TRUE.has(text)) return { value: true };
  if (FALSE.has(text)) return { value: false };
  return { problem: `${what} must be true or false, not "${String(raw)}"` };
}

function parseList(spec: AnswerSpec, raw: unknown, ctx: AnswerContext): Parsed {
  let items: unknown[];
  if (Array.isArray(raw)) items = raw;
  else if (raw !== null && typeof raw === "object") return { problem: `${spec.key} must be a list` };
  else items = String(raw ?? "").split(",");
  const list = items.map((item) => String(item ?? "").trim()).filter((item) => item !== "");
  const choices = choicesOf(spec, ctx);
  for (const item of list) {
    if (choices !== undefined && !choices.includes(item)) return { problem: notAChoice(`${spec.key} item`, item, choices) };
    if (item.length > 128) return { problem: `${spec.key} item "${item.slice(0, 37)}..." is ${item.length} characters; the limit is 128` };
  }
  return { value: list };
}

function parseTags(what: string, raw: unknown): Parsed {
  const tags: Record<string, string> = {};
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw)) {
      if (value !== null && typeof value === "object") return { problem: `${what}.${key} must be a string` };
      tags[key] = value === null || value === undefined ? "" : String(value);
    }
  } else {
    const items = Array.isArray(raw) ? raw.map(String) : String(raw ?? "").split(",");
    for (const item of items.map((i) => i.trim()).filter((i) => i !== "")) {
      const at = item.indexOf(":");
      tags[(at < 0 ? item : item.slice(0, at)).trim()] = at < 0 ? "" : item.slice(at + 1).trim();
    }
  }
  for (const key of Object.keys(tags)) {
    if (key.trim() === "") return { problem: `${what} has an empty tag key` };
    if (key.length > 128 || (tags[key] ?? "").length > 1024) return { problem: `${what} "${key.slice(0, 37)}" is too long` };
  }
  return { value: tags };
}
