/** The two-way diff plan uses: changes by Harness path, worded one per line. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { applyChanges } from "../../src/merge/apply.js";
import { describeChange } from "../../src/merge/describe.js";
import { diffData } from "../../src/merge/diff.js";
import { renderPath } from "../../src/merge/path.js";

const pipeline = (steps: string, vars: string, timeout = "10m"): unknown =>
  parse(`pipeline:
  identifier: p
  variables:
${vars}  stages:
    - stage:
        identifier: deploy_dev
        spec:
          execution:
            steps:
              - step:
                  identifier: rollingDeployment
                  type: K8sRollingDeploy
                  timeout: ${timeout}
${steps}`);

const smoke = "              - step:\n                  identifier: smokeTest\n                  type: ShellScript\n";
const logLevel = "    - name: LOG_LEVEL\n      value: info\n";

describe("diffData", () => {
  it("names each change by path, elements by label and identifier", () => {
    const before = pipeline("", logLevel);
    const after = pipeline(smoke, "    - name: REGION\n      value: eu\n", "15m");
    const changes = diffData(before, after);
    expect(changes.map(describeChange)).toEqual([
      "- variable LOG_LEVEL",
      "+ variable REGION at the start",
      "~ stage deploy_dev › step rollingDeployment › timeout: 10m → 15m",
      "+ stage deploy_dev › step smokeTest (ShellScript) after rollingDeployment",
    ]);
    // Applying the changes to the first document gives the second.
    expect(applyChanges(before, changes)).toEqual(after);
  });

  it("reports a reorder of keyed elements as a move, and a plain list as one value", () => {
    const a = { pipeline: { stages: [{ stage: { identifier: "a" } }, { stage: { identifier: "b" } }], tags: ["x"] } };
    const b = { pipeline: { stages: [{ stage: { identifier: "b" } }, { stage: { identifier: "a" } }], tags: ["y"] } };
    const changes = diffData(a, b);
    expect(changes.map(describeChange)).toEqual(["~ stages: order a, b → b, a", '~ tags: ["x"] → ["y"]']);
    expect(applyChanges(a, changes)).toEqual(b);
  });

  it("keeps rollbackSteps in paths and hides wrappers and passage keys", () => {
    expect(renderPath([{ key: "pipeline" }, { key: "stages" }, { label: "stage", id: "d", elementKey: "stage:d", wrapper: "stage", list: "stages" }, { key: "stage" }, { key: "spec" }, { key: "execution" }, { key: "rollbackSteps" }, { label: "step", id: "r", elementKey: "step:r", wrapper: "step", list: "rollbackSteps" }, { key: "step" }, { key: "timeout" }])).toBe(
      "stage d › rollbackSteps › step r › timeout",
    );
  });
});
