/**
 * `project` — the body of `POST /ng/api/projects` (shared/harness-api.md §1.2), written to
 * project.json.
 */
import { descriptionAnswer, identifierAnswer, nameAnswer, orgAnswer, tagsAnswer } from "../src/answers/common.js";
import type { Answers } from "../src/answers/spec.js";
import type { GeneratorSpec } from "../src/generate/spec.js";
import { list, str, tags } from "../src/generate/spec.js";

/** Module names Harness knows for projects (the 2021 API enum plus newer modules). */
export const PROJECT_MODULES = [
  "CD", "CI", "CV", "CF", "CE", "STO", "CHAOS", "SRM", "IACM", "CET", "IDP", "CODE", "SSCA", "CORE", "PMS", "TEMPLATESERVICE",
] as const;

export const DEFAULT_PROJECT_COLOR = "#0063F7";

/** The project file's data, shared with the service generator. */
export function projectData(answers: Answers): Record<string, unknown> {
  return {
    org: str(answers, "org"),
    identifier: str(answers, "identifier"),
    name: str(answers, "name"),
    color: str(answers, "color"),
    modules: list(answers, "modules"),
    description: str(answers, "description"),
    tags: tags(answers),
  };
}

export const project: GeneratorSpec = {
  name: "project",
  description: "a Harness project (project.json, the body of POST /ng/api/projects)",
  answers: [
    nameAnswer("Project"),
    identifierAnswer("Project"),
    orgAnswer,
    { key: "color", kind: "color", message: "Colour", default: DEFAULT_PROJECT_COLOR },
    descriptionAnswer,
    {
      key: "modules",
      kind: "list",
      message: "Modules (comma-separated)",
      choices: PROJECT_MODULES,
      default: [],
    },
    tagsAnswer,
  ],
  files(answers) {
    return [{ template: "project/project.json.hbs", kind: "project", identifier: str(answers, "identifier"), data: projectData(answers) }];
  },
};

export default project;
