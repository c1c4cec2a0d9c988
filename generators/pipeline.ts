/**
 * `pipeline` — the YAML body of `POST /pipeline/api/pipelines/v2` (shared/harness-api.md §1.4),
 * written to pipelines/<identifier>.yaml. `template` picks the shape; `--templates DIR` may add
 * more (DIR/pipeline/<name>.yaml.hbs), which see the common keys only.
 */
import {
  descriptionAnswer,
  identifierAnswer,
  nameAnswer,
  orgAnswer,
  projectAnswer,
  tagsAnswer,
} from "../src/answers/common.js";
import type { Answers, AnswerSpec } from "../src/answers/spec.js";
import type { GeneratorSpec } from "../src/generate/spec.js";
import { str, tags } from "../src/generate/spec.js";
import { pipelineTemplateId } from "../src/render/templates.js";
import { identifierFromName } from "../src/rules/identifiers.js";

const cd = { template: ["cd-kubernetes"] };
const ci = { template: ["ci-build-push"] };

const answers: AnswerSpec[] = [
  { key: "template", kind: "choice", message: "Pipeline template", choices: (ctx) => ctx.pipelineTemplates, required: true },
  nameAnswer("Pipeline"),
  identifierAnswer("Pipeline"),
  orgAnswer,
  projectAnswer(true),
  descriptionAnswer,
  tagsAnswer,
  // cd-kubernetes
  { key: "serviceRef", kind: "identifier", message: "Service to deploy (identifier)", only: cd, required: true },
  { key: "environmentRef", kind: "identifier", message: "Environment (identifier)", only: cd, required: true },
  { key: "infrastructureRef", kind: "identifier", message: "Infrastructure definition (identifier)", only: cd, required: true },
  { key: "stageName", kind: "name", message: "Deployment stage name", only: cd, default: "Deploy" },
  { key: "timeout", kind: "timeout", message: "Timeout of the deploy and rollback steps", only: cd, default: "10m" },
  {
    key: "artifactSource",
    kind: "identifier",
    message: "Primary artifact source whose tag is asked at run time (optional)",
    doc: "Identifier of the service's primary artifact source; when given, the pipeline asks for an `imageTag` at run time and deploys that tag",
    only: cd,
  },
  // ci-build-push
  { key: "gitConnector", kind: "ref", message: "GitHub connector (identifier)", only: ci, required: true },
  { key: "repoName", kind: "token", message: "Repository name (only for account-level Git connectors)", only: ci },
  { key: "branch", kind: "token", message: "Branch to build", only: ci, default: "main", ask: true },
  { key: "dockerConnector", kind: "ref", message: "Docker registry connector (identifier)", only: ci, required: true },
  { key: "image", kind: "image", message: "Image repository to push, e.g. acme/payments-api", only: ci, required: true },
  { key: "dockerfile", kind: "token", message: "Dockerfile path", only: ci, default: "Dockerfile" },
  { key: "testImage", kind: "token", message: "Image the tests run in", only: ci, default: "node:20" },
  { key: "testCommand", kind: "text", message: "Test command", only: ci, default: "npm ci && npm test", ask: true },
  { key: "buildInfra", kind: "choice", message: "Where builds run", only: ci, choices: ["Cloud", "KubernetesDirect"], default: "Cloud" },
  { key: "k8sConnector", kind: "ref", message: "Kubernetes connector for builds (identifier)", only: { template: ["ci-build-push"], buildInfra: ["KubernetesDirect"] }, required: true },
  { key: "buildNamespace", kind: "namespace", message: "Namespace for build pods", only: { template: ["ci-build-push"], buildInfra: ["KubernetesDirect"] }, default: "harness-builds" },
];

const COMMON = ["name", "identifier", "org", "project", "description"];
const CD_KEYS = ["serviceRef", "timeout", "artifactSource"];
const CI_KEYS = [
  "gitConnector", "repoName", "branch", "dockerConnector", "image", "dockerfile", "testImage", "testCommand",
  "buildInfra", "k8sConnector", "buildNamespace",
];

/** One deployment stage of the cd-kubernetes template. */
export interface DeployStage {
  name: string;
  identifier: string;
  environmentRef: string;
  infrastructureRef: string;
  /** Run the stage only when this condition holds (the service's per-environment runs). */
  when?: string | null;
}

/** The pipeline file's data; the service generator renders its CI and CD pipelines through this. */
export function pipelineData(a: Answers, stages?: DeployStage[]): Record<string, unknown> {
  const pick = (keys: string[]): Record<string, unknown> =>
    Object.fromEntries(keys.map((k) => [k, a[k] === undefined ? null : str(a, k)]));
  // The service generator turns these on: the build comes from the trigger, the environment from an input set.
  const data: Record<string, unknown> = { ...pick(COMMON), tags: tags(a), buildInput: null, environmentChoice: null };
  const template = str(a, "template");
  if (template === "cd-kubernetes") {
    const stageName = str(a, "stageName");
    Object.assign(data, pick(CD_KEYS), {
      stages: stages ?? [
        {
          name: stageName,
          identifier: identifierFromName(stageName) ?? "deploy",
          environmentRef: str(a, "environmentRef"),
          infrastructureRef: str(a, "infrastructureRef"),
          when: null,
        },
      ],
    });
  }
  if (template === "ci-build-push") Object.assign(data, pick(CI_KEYS));
  return data;
}

export const pipeline: GeneratorSpec = {
  name: "pipeline",
  description: "a pipeline from a template: cd-kubernetes, ci-build-push or runtime-inputs (pipelines/<identifier>.yaml)",
  answers,
  files(a) {
    const template = pipelineTemplateId(str(a, "template"));
    return [{ template, kind: "pipeline", identifier: str(a, "identifier"), data: pipelineData(a) }];
  },
};

export default pipeline;
