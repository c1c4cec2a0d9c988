/**
 * Templates in validation: the envelope and a Stage template's spec checked like a stage, refs
 * resolved with Harness's scope rules, versions and stable versions, and templateInputs against
 * the template's runtime inputs, each issue at its line and column.
 */
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadOfficial } from "../../src/validate/official-layer.js";
import { describeReference, REFERENCE, referenceFile } from "../helpers/reference.js";
import { validateSources } from "../../src/validate/validate.js";
import type { Issue } from "../../src/validate/types.js";
import { FULL_INPUTS, PROJECT_JSON, pipelineUsing, stageTemplate } from "./fixtures.js";

const T = ".harness/templates/k8s_rolling/v1.yaml";
const P = ".harness/pipelines/deploy.yaml";

async function check(files: Record<string, string>): Promise<Issue[]> {
  const result = await validateSources([{ path: ".harness/project.json", text: PROJECT_JSON }, ...Object.entries(files).map(([path, text]) => ({ path, text }))]);
  // References to the service, environment and infrastructure the inputs name are not these tests' subject.
  return result.issues.filter((i) => !(i.code === "ref-not-found" && !i.message.startsWith("template")));
}

const brief = (issues: Issue[]): string[] => issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.severity} ${i.code}`);

describe("template files", () => {
  it("a Stage template with runtime inputs and a pipeline supplying them are valid together", async () => {
    expect(await check({ [T]: stageTemplate(), [P]: pipelineUsing("k8s_rolling", FULL_INPUTS) })).toEqual([]);
  });

  it("is recognised by its place: templates/<identifier>/<versionLabel>.yaml", async () => {
    const issues = await check({ ".harness/templates/k8s_rolling/v1.yaml": "pipeline:\n  name: x\n  identifier: x\n  stages: []\n" });
    expect(issues.map((i) => i.code)).toEqual(["kind-mismatch"]);
  });

  it("warns when the file's folder or name differs from its identifier or versionLabel", async () => {
    const issues = await check({ ".harness/templates/k8s_rolling/v2.yaml": stageTemplate() });
    expect(brief(issues)).toEqual([".harness/templates/k8s_rolling/v2.yaml:4:17 warning template-file-misplaced"]);
    expect(issues[0]?.message).toBe('versionLabel "v1" does not match the file\'s place ("v2"); template versions live in templates/<identifier>/<versionLabel>.yaml');
  });

  it("needs a versionLabel, and one without spaces or /", async () => {
    const none = await check({ [T]: stageTemplate().replace("  versionLabel: v1\n", "") });
    expect(brief(none)).toEqual([`${T}:1:1 error missing-key`]);
    expect(none[0]?.message).toContain('"versionLabel"');
    const spaced = await check({ [T]: stageTemplate({ label: '"v 1"' }) });
    expect(brief(spaced)).toEqual([`${T}:4:17 error version-label-invalid`]);
    const slashed = await check({ [T]: stageTemplate({ label: "release/1" }) });
    expect(slashed[0]?.message).toBe('versionLabel "release/1" must start with a letter or digit and may not contain spaces, "/" or "&"');
  });

  it("says so when a Stage template's spec.type is a step type", async () => {
    const issues = await check({ [T]: stageTemplate().replace("    type: Deployment\n", "    type: ShellScript\n") });
    expect(brief(issues)).toContain(`${T}:10:11 error template-type-mismatch`);
    expect(issues.map((i) => i.code)).not.toContain("unknown-stage-type");
    expect(issues.find((i) => i.code === "template-type-mismatch")?.message).toContain('"ShellScript" is a step type');
  });

  it("checks the spec as a stage: missing execution, a CI step in a Deployment stage", async () => {
    const noExecution = stageTemplate().replace(/ {6}execution:\n[\s\S]*?(?= {4}failureStrategies)/, "");
    expect(brief(await check({ [T]: noExecution }))).toEqual([`${T}:11:5 error missing-key`]);
    const ciStep = stageTemplate().replace("type: K8sRollingDeploy", "type: BuildAndPushDockerRegistry");
    expect((await check({ [T]: ciStep })).map((i) => i.code)).toContain("step-not-allowed-in-stage");
  });
});

describe("pipelines using templates", () => {
  it("reports a runtime input left out, naming its path, at the nearest map that should hold it", async () => {
    const inputs = FULL_INPUTS.replace("                serviceRef: payments\n", "                {}\n").replace("              service:\n                {}\n", "");
    const issues = await check({ [T]: stageTemplate(), [P]: pipelineUsing("k8s_rolling", inputs) });
    expect(brief(issues)).toEqual([`${P}:15:13 error template-input-missing`]);
    expect(issues[0]?.message).toBe('templateInputs is missing "spec.service.serviceRef", a runtime input of template k8s_rolling v1');
  });

  it("reports a field that is not a runtime input at its own line", async () => {
    const inputs = `${FULL_INPUTS}              deploymentType: Kubernetes\n`;
    const issues = await check({ [T]: stageTemplate(), [P]: pipelineUsing("k8s_rolling", inputs) });
    expect(brief(issues)).toEqual([`${P}:22:31 error template-input-unknown`]);
    expect(issues[0]?.message).toContain('"spec.deploymentType", which is not a runtime input');
  });

  it("reports a scalar where the template has a map", async () => {
    const issues = await check({ [T]: stageTemplate(), [P]: pipelineUsing("k8s_rolling", "            spec: nothing\n            type: Deployment\n") });
    expect(brief(issues)).toEqual([`${P}:14:19 error template-input-wrong-type`]);
  });

  it("templateInputs that are not a map are one schema error", async () => {
    const issues = await check({ [T]: stageTemplate(), [P]: `${pipelineUsing("k8s_rolling", undefined)}          templateInputs: [a]\n` });
    expect(brief(issues)).toEqual([`${P}:13:11 error wrong-type`]);
  });

  it("a version that is not there locally is an error; no versionLabel takes the only version", async () => {
    const v2 = await check({ [T]: stageTemplate(), [P]: pipelineUsing("k8s_rolling", FULL_INPUTS, "v2") });
    expect(brief(v2)).toEqual([`${P}:12:25 error template-version-not-found`]);
    expect(await check({ [T]: stageTemplate(), [P]: pipelineUsing("k8s_rolling", FULL_INPUTS, null) })).toEqual([]);
  });

  it("without versionLabel, takes the version tagged stable among several", async () => {
    const files = {
      [T]: stageTemplate(),
      ".harness/templates/k8s_rolling/v2.yaml": stageTemplate({ label: "v2", extraTags: 'stable: "true"' }).replace("serviceRef: <+input>", "serviceRef: <+input>\n        serviceInputs: <+input>"),
    };
    const issues = await check({ ...files, [P]: pipelineUsing("k8s_rolling", FULL_INPUTS, null) });
    expect(issues.map((i) => i.code)).toEqual(["template-input-missing"]);
    expect(issues[0]?.message).toContain("k8s_rolling v2");
    const untagged = await check({ [T]: stageTemplate(), ".harness/templates/k8s_rolling/v2.yaml": stageTemplate({ label: "v2" }), [P]: pipelineUsing("k8s_rolling", FULL_INPUTS, null) });
    expect(untagged.map((i) => `${i.severity} ${i.code}`)).toEqual(["warning template-stable-unknown"]);
  });

  it("resolves org. and account. refs in their scopes; a template elsewhere must exist in Harness", async () => {
    expect(await check({ ".harness/templates/k8s_rolling/v1.yaml": stageTemplate({ scope: "org" }), [P]: pipelineUsing("org.k8s_rolling", FULL_INPUTS) })).toEqual([]);
    expect(await check({ [T]: stageTemplate({ scope: "account" }), [P]: pipelineUsing("account.k8s_rolling", "            type: Deployment\n") }).then((i) => i.map((x) => x.code))).toEqual(["template-input-missing", "template-input-missing", "template-input-missing"]);
    const elsewhere = await check({ [P]: pipelineUsing("account.shared", undefined) });
    expect(elsewhere.map((i) => `${i.severity} ${i.code} ${i.message}`)).toEqual(['warning ref-not-found template "account.shared" not found locally, must exist in Harness']);
  });

  it("refuses a project. prefix and a project template used from an org template", async () => {
    const prefix = await check({ [P]: pipelineUsing("project.k8s_rolling", undefined) });
    expect(brief(prefix)).toEqual([`${P}:11:24 error template-ref-invalid`]);
    expect(prefix[0]?.message).toContain("[ id, org.id, account.id ]");
    const orgTemplate = stageTemplate({ identifier: "outer", scope: "org", stepTemplateRef: "inner" });
    const issues = await check({ ".harness/templates/outer/v1.yaml": orgTemplate });
    expect(issues.map((i) => `${i.code} ${i.message}`)).toEqual([
      'template-ref-scope templateRef "inner": The project level template cannot be used at org level; move the template up, or use org.<id> or account.<id>',
    ]);
  });

  it("finds templates that use each other in a circle, directly or through another", async () => {
    const self = await check({ ".harness/templates/loop/v1.yaml": stageTemplate({ identifier: "loop", stepTemplateRef: "loop" }) });
    expect(self.map((i) => `${i.code} ${i.message}`)).toEqual(["template-cycle templates use each other in a circle: loop v1 → loop v1; Harness cannot resolve them"]);
    const pair = await check({
      ".harness/templates/a/v1.yaml": stageTemplate({ identifier: "a", stepTemplateRef: "b" }),
      ".harness/templates/b/v1.yaml": stageTemplate({ identifier: "b", stepTemplateRef: "a" }),
    });
    expect(pair.filter((i) => i.code === "template-cycle").map((i) => i.message)).toEqual(["templates use each other in a circle: a v1 → b v1 → a v1; Harness cannot resolve them"]);
  });
});

describeReference("Harness's official schema on templates", () => {
  const cacheDir = path.join(os.tmpdir(), "hs-validate-test-cache", "harness-scaffold");

  it("checks a Stage template's spec as a stage, runtime inputs allowed, findings placed in the template", async () => {
    const official = await loadOfficial(referenceFile(REFERENCE.pipelineSchema), { cwd: process.cwd(), cacheDir });
    const valid = await validateSources([{ path: T, text: stageTemplate() }], { official });
    expect(valid.issues).toEqual([]);
    // The kit takes any JiraApproval spec; Harness's schema wants connectorRef, issueKey and more.
    const bad = stageTemplate().replace(
      "              type: K8sRollingDeploy\n              timeout: 10m\n              spec:\n                skipDryRun: false",
      "              type: JiraApproval\n              timeout: 1d\n              spec:\n                approvalCriteria: {}",
    ).replace("type: Deployment", "type: Custom").replace(/ {6}deploymentType: Kubernetes\n[\s\S]*?(?= {6}execution:)/, "");
    const issues = await validateSources([{ path: T, text: bad }], { official });
    expect(issues.issues.length).toBeGreaterThan(0);
    expect(issues.issues.every((i) => i.code === "official-schema" && i.line === 19 && i.path.startsWith("/template/spec/spec/execution/steps/0/step/spec"))).toBe(true);
  }, 240_000);
});

describe("Step templates", () => {
  const step = (type: string, spec: string): string => `template:
  name: say hello
  identifier: say_hello
  versionLabel: v1
  type: Step
  spec:
    type: ${type}
    timeout: <+input>
    spec:
${spec}`;

  it("checks the spec as a step, runtime inputs allowed", async () => {
    const ok = step("ShellScript", "      shell: Bash\n      source:\n        type: Inline\n        spec:\n          script: <+input>\n");
    expect(await check({ ".harness/templates/say_hello/v1.yaml": ok })).toEqual([]);
    const misspelt = step("ShellScript", "      shell: Bash\n      sauce: {}\n");
    expect((await check({ ".harness/templates/say_hello/v1.yaml": misspelt })).map((i) => i.code)).toContain("unknown-key");
  });

  it("says so when a Step template's spec.type is a stage type", async () => {
    const issues = await check({ ".harness/templates/say_hello/v1.yaml": step("Deployment", "      deploymentType: Kubernetes\n") });
    expect(issues.map((i) => `${i.line}:${i.column} ${i.code}`)).toContain("7:11 template-type-mismatch");
  });
});
