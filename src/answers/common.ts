/**
 * Answer keys every generator shares (name, identifier, org, project, description, tags), defined
 * once so their rules, defaults and wording are the same everywhere.
 */
import { identifierFromName } from "../rules/identifiers.js";
import type { Answers, AnswerSpec } from "./spec.js";

export const DEFAULT_ORG = "default";

/** The display name; the identifier is derived from it when left out. */
export function nameAnswer(what: string): AnswerSpec {
  return { key: "name", kind: "name", message: `${what} name`, required: true };
}

/** The identifier, derived from `name` (`payments-api` → `payments_api`) when not given. */
export function identifierAnswer(what: string): AnswerSpec {
  return {
    key: "identifier",
    kind: "identifier",
    message: `${what} identifier`,
    ask: true,
    default: (answers: Answers) => identifierFromName(String(answers.name ?? "")),
    defaultText: "derived from name (payments-api → payments_api)",
  };
}

export const orgAnswer: AnswerSpec = {
  key: "org",
  kind: "identifier",
  message: "Organization identifier",
  default: DEFAULT_ORG,
};

export function projectAnswer(required: boolean): AnswerSpec {
  return required
    ? { key: "project", kind: "identifier", message: "Project identifier", required: true }
    : {
        key: "project",
        kind: "identifier",
        message: "Project identifier",
        doc: "Project identifier; leave it out for an organization-level entity",
        ask: true,
      };
}

export const descriptionAnswer: AnswerSpec = {
  key: "description",
  kind: "text",
  message: "Description",
  default: "",
};

export const tagsAnswer: AnswerSpec = {
  key: "tags",
  kind: "tags",
  message: "Tags (key:value, comma-separated)",
  doc: "Tags as a map in an answers file, or `team:payments,tier:1` with --set",
  default: {},
};
