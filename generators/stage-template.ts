/**
 * `stage-template` — a Kubernetes rolling-deploy stage template (shared/harness-api-templates.md
 * §3), written to templates/<identifier>/<versionLabel>.yaml. Service, environment and
 * infrastructure are runtime inputs, so every service's pipeline can use the one template with
 * `template: {templateRef, versionLabel, templateInputs}` (the service generator's cdStageTemplate).
 */
import { descriptionAnswer, identifierAnswer, nameAnswer, tagsAnswer } from "../src/answers/common.js";
import type { AnswerSpec, AnswerValue } from "../src/answers/spec.js";
import type { GeneratorSpec } from "../src/generate/spec.js";
import { str, tags } from "../src/generate/spec.js";
import { checkVersionLabel, describeVersionLabelProblem } from "../src/rules/identifiers.js";

const versionLabelCheck = (value: AnswerValue): string | undefined => {
  const problem = checkVersionLabel(String(value));
  return problem && describeVersionLabelProblem("versionLabel", String(value), problem);
};

const answers: AnswerSpec[] = [
  nameAnswer("Template"),
  identifierAnswer("Template"),
  { key: "versionLabel", kind: "token", message: "Version label", default: "v1", ask: true, check: versionLabelCheck },
  {
    key: "scope",
    kind: "choice",
    message: "Who may use it",
    doc: "Where the template lives: project, org (used as org.<id>) or account (used as account.<id>)",
    choices: ["project", "org", "account"],
    default: "project",
    ask: true,
  },
  { key: "org", kind: "identifier", message: "Organization identifier", default: "default", only: { scope: ["project", "org"] } },
  { key: "project", kind: "identifier", message: "Project identifier", required: true, only: { scope: ["project"] } },
  descriptionAnswer,
  tagsAnswer,
  { key: "timeout", kind: "timeout", message: "Timeout of the deploy and rollback steps", default: "10m" },
];

export const stageTemplate: GeneratorSpec = {
  name: "stage-template",
  description: "a Kubernetes rolling deploy stage template; service, environment and infrastructure are runtime inputs (templates/<identifier>/<versionLabel>.yaml)",
  answers,
  files(a) {
    const scope = str(a, "scope");
    const data = {
      name: str(a, "name"),
      identifier: str(a, "identifier"),
      versionLabel: str(a, "versionLabel"),
      org: scope === "account" ? null : str(a, "org"),
      project: scope === "project" ? str(a, "project") : null,
      description: str(a, "description"),
      tags: tags(a),
      timeout: str(a, "timeout"),
    };
    return [{ template: "stage-template/k8s-rolling.yaml.hbs", kind: "template", identifier: data.identifier, fileName: data.versionLabel, data }];
  },
};

export default stageTemplate;
