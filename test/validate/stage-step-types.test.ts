/**
 * The kit's table of step types per stage type must say what Harness's official v0 schema says,
 * for every pair, so it cannot drift; and the rule built on it must find misplaced steps wherever
 * they sit (step groups, parallel blocks, rollback steps) without repeating `unknown-step-type`.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkDocument } from "../../src/validate/check-document.js";
import { STAGE_TYPES_CHECKED, STEP_TYPES_BY_STAGE } from "../../src/validate/schemas/stage-step-types.js";
import { STEP_TYPES } from "../../src/validate/schemas/step-types.js";
import { REFERENCE, describeReference, referenceFile } from "../helpers/reference.js";

type Node = Record<string, unknown>;
// Read by the reference suite only (Harness's schema is not shipped with the project).
let schema: Node;

function resolve(ref: unknown): Node {
  expect(typeof ref === "string" && ref.startsWith("#/")).toBe(true);
  const found = (ref as string).slice(2).split("/").reduce<unknown>((node, key) => (node as Node | undefined)?.[key], schema);
  expect(found, String(ref)).toBeTypeOf("object");
  return found as Node;
}

const props = (node: Node): Node => node.properties as Node;
const typeValues = (node: Node): string[] => {
  const type = (props(node).type ?? {}) as { enum?: string[]; const?: string };
  return type.enum ?? (type.const === undefined ? [] : [type.const]);
};

/** The official schema's step types for one stage type: stage node → spec → execution → step wrapper → step nodes. */
function officialStepTypes(stageType: string): Set<string> {
  const stages = resolve("#/definitions/pipeline/stages/stages");
  const stageNodes = ((props(stages).stage as Node).oneOf as Node[]).map((r) => resolve(r.$ref));
  const stageNode = stageNodes.find((n) => typeValues(n).includes(stageType));
  expect(stageNode, stageType).toBeDefined();
  const branch = ((stageNode as Node).allOf as Node[]).find((a) => isRecord(a.then));
  const spec = resolve((props((branch as { then: Node }).then).spec as Node).$ref);
  const execution = resolve((props(spec).execution as Node).$ref);
  const wrapperRef = (props(execution).steps as { items: Node }).items.$ref;
  // Rollback steps, step groups and parallel blocks take the same entries as the step list.
  const rollback = props(execution).rollbackSteps as { items: Node } | undefined;
  if (rollback !== undefined) expect(rollback.items.$ref).toBe(wrapperRef);
  const wrapper = resolve(wrapperRef);
  expect((resolve((props(wrapper).parallel as Node).$ref).items as Node).$ref).toBe(wrapperRef);
  const group = resolve(String(wrapperRef).replace(/ExecutionWrapperConfig$/, "StepGroupElementConfig"));
  expect(((props(group).steps as Node).items as Node).$ref).toBe(wrapperRef);
  const found = new Set<string>();
  for (const ref of (props(wrapper).step as Node).oneOf as Node[]) for (const t of typeValues(resolve(ref.$ref))) found.add(t);
  return found;
}

function isRecord(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

describeReference("step types per stage type", () => {
  let official: Map<string, Set<string>>;
  beforeAll(() => {
    schema = JSON.parse(readFileSync(referenceFile(REFERENCE.pipelineSchema), "utf8")) as Node;
    official = new Map(STAGE_TYPES_CHECKED.map((stage) => [stage, officialStepTypes(stage)]));
  });

  it("covers Deployment, CI and Custom, and the official schema's lists are not empty", () => {
    expect([...STAGE_TYPES_CHECKED].sort()).toEqual(["CI", "Custom", "Deployment"]);
    expect(official.get("Deployment")?.has("K8sRollingDeploy")).toBe(true);
    expect(official.get("CI")?.has("BuildAndPushDockerRegistry")).toBe(true);
    expect(official.get("Custom")?.has("ShellScript")).toBe(true);
  });

  it("gives Harness's verdict for every (stage type, step type) pair", () => {
    const disagreements: string[] = [];
    for (const stage of STAGE_TYPES_CHECKED) {
      for (const step of STEP_TYPES) {
        const kit = STEP_TYPES_BY_STAGE[stage]?.has(step) ?? false;
        const harness = official.get(stage)?.has(step) ?? false;
        if (kit !== harness) disagreements.push(`${stage}/${step}: kit ${kit ? "allows" : "refuses"}, Harness ${harness ? "allows" : "refuses"}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

});

describe("step types per stage type, the kit's table", () => {
  it("lists only step types the kit knows", () => {
    const known = new Set(STEP_TYPES);
    for (const stage of STAGE_TYPES_CHECKED) expect([...(STEP_TYPES_BY_STAGE[stage] ?? [])].filter((t) => !known.has(t))).toEqual([]);
  });
});

const CI_STAGE = `pipeline:
  name: Mixed
  identifier: mixed
  stages:
    - stage:
        name: Build
        identifier: build
        type: CI
        spec:
          cloneCodebase: false
          platform: { os: Linux, arch: Amd64 }
          runtime: { type: Cloud, spec: {} }
          execution:
            steps:
              - step: { name: Test, identifier: test, type: Run, spec: { command: go test } }
              - parallel:
                  - step: { name: Roll, identifier: roll, type: K8sRollingDeploy, timeout: 10m, spec: {} }
                  - stepGroup:
                      name: Group
                      identifier: group
                      steps:
                        - step: { name: Shell, identifier: shell, type: ShellScript, timeout: 1m, spec: { shell: Bash, source: { type: Inline, spec: { script: x } } } }
                        - step: { name: Typo, identifier: typo, type: ShellScripts, spec: {} }
`;

const DEPLOY_ROLLBACK = `pipeline:
  name: Deploy
  identifier: deploy
  stages:
    - stage:
        name: Deploy
        identifier: deploy
        type: Deployment
        spec:
          deploymentType: Kubernetes
          execution:
            steps:
              - step: { name: Roll, identifier: roll, type: K8sRollingDeploy, timeout: 10m, spec: {} }
            rollbackSteps:
              - step: { name: Push, identifier: push, type: BuildAndPushDockerRegistry, spec: { connectorRef: hub, repo: a/b, tags: [x] } }
        failureStrategies:
          - onFailure: { errors: [AllErrors], action: { type: StageRollback } }
`;

describe("step-not-allowed-in-stage", () => {
  const misplaced = (text: string): string[] =>
    checkDocument("pipeline", parse(text) as unknown, { text, file: "p.yaml" })
      .filter((i) => i.code === "step-not-allowed-in-stage" || i.code === "unknown-step-type")
      .sort((a, b) => a.line - b.line)
      .map((i) => `${i.line}:${i.column} ${i.code} ${i.message}`);

  it("finds CD steps in a CI stage inside parallel blocks and step groups, and leaves unknown types to unknown-step-type", () => {
    expect(misplaced(CI_STAGE)).toEqual([
      '17:65 step-not-allowed-in-stage step type "K8sRollingDeploy" cannot be used in a CI stage',
      '22:73 step-not-allowed-in-stage step type "ShellScript" cannot be used in a CI stage',
      '23:71 unknown-step-type unknown step type "ShellScripts" (did you mean "ShellScript"?)',
    ]);
  });

  it("checks rollback steps too", () => {
    expect(misplaced(DEPLOY_ROLLBACK)).toEqual([
      '15:61 step-not-allowed-in-stage step type "BuildAndPushDockerRegistry" cannot be used in a Deployment stage',
    ]);
  });

  it("does not check other stage types", () => {
    const approval = DEPLOY_ROLLBACK.replace("type: Deployment", "type: Approval").replace(/ *deploymentType: Kubernetes\n/, "");
    expect(misplaced(approval)).toEqual([]);
  });
});
