/**
 * A template version (`template:` root, Harness v0 syntax, shared/harness-api-templates.md §3).
 * The spec of a Stage template is a stage without name and identifier, that of a Step template a
 * step: the same schemas as in pipelines, so the same mistakes get the same messages. Runtime
 * inputs (`<+input>`) may stand anywhere in a spec; check-document.ts lets them through.
 */
import { anyObject, closed, description, enumOf, identifier, tags, templateName, text, type Schema } from "./common.js";
import { PIPELINE_DEFINITIONS, stage, step } from "./pipeline.js";

export const TEMPLATE_TYPES: readonly string[] = [
  "Step", "Stage", "Pipeline", "StepGroup", "CustomDeployment", "MonitoredService", "SecretManager", "ArtifactSource",
];

export const versionLabel: Schema = { type: "string", format: "kit-version-label" };

/** A node schema without its own name and identifier (the template has them). */
const asSpec = (node: Schema): Schema => ({ ...node, required: [] });

const body: Schema = {
  ...closed(
    {
      name: templateName,
      identifier,
      versionLabel,
      type: enumOf(TEMPLATE_TYPES, "template type"),
      orgIdentifier: identifier,
      projectIdentifier: identifier,
      description,
      tags,
      icon: text,
      variables: { $ref: "#/definitions/variables" },
      spec: anyObject,
    },
    ["name", "identifier", "versionLabel", "type", "spec"],
  ),
  allOf: [
    { if: { properties: { type: { const: "Stage" } }, required: ["type"] }, then: { properties: { spec: asSpec(stage) } } },
    { if: { properties: { type: { const: "Step" } }, required: ["type"] }, then: { properties: { spec: asSpec(step) } } },
  ],
};

export const templateSchema: Schema = {
  ...closed({ template: body }, ["template"], { "x-unknown": "error" }),
  definitions: { ...PIPELINE_DEFINITIONS },
};
