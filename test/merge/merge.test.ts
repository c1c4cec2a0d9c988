/**
 * The three-way merge, one rule per case: base (last render), ours (the team's file), theirs (the
 * new render) → the exact text written, or the conflicts reported.
 */
import { describe, expect, it } from "vitest";
import { describeChange, describeConflict } from "../../src/merge/describe.js";
import { mergeFile } from "../../src/merge/merge-file.js";

/** A CD pipeline shaped like the built-in template, small enough to read in a test. */
const steps = (extra = "", timeout = "10m"): string => `pipeline:
  identifier: payments_cd
  variables:
    - name: imageTag
      value: <+input>
  stages:
    - stage:
        identifier: deploy_dev
        spec:
          execution:
            steps:
              - step:
                  identifier: rollingDeployment
                  type: K8sRollingDeploy
                  timeout: ${timeout}
${extra}            rollbackSteps:
              - step:
                  identifier: rollingRollback
                  timeout: ${timeout}
        failureStrategies:
          - onFailure:
              action: StageRollback
`;
const step = (id: string, type = "ShellScript"): string =>
  `              - step:\n                  identifier: ${id}\n                  type: ${type}\n                  timeout: 1m\n`;

interface Case {
  name: string;
  file?: string;
  base: string | undefined;
  ours: string;
  theirs: string;
  resolve?: "ours" | "theirs";
  /** Expected text (when no conflict remains). */
  text?: string;
  /** Expected conflicts: "path: reason" plus the values. */
  conflicts?: Array<{ path: string; line: number; col: number; base: unknown; ours: unknown; theirs: unknown }>;
  /** Expected change lines (describeChange). */
  changes?: string[];
}

const base = steps();
const cases: Case[] = [
  {
    name: "nothing changed anywhere: the team's bytes come back untouched",
    base,
    ours: `# owned by team payments\n${base.replace("  stages:", "\n  stages:   # two stages")}`,
    theirs: base,
    text: `# owned by team payments\n${base.replace("  stages:", "\n  stages:   # two stages")}`,
    changes: [],
  },
  {
    name: "the render changed a value, the team added comments and a blank line: both kept",
    base,
    ours: base.replace("  variables:", "  # inputs\n  variables:").replace("        failureStrategies:", "\n        # ask SRE first\n        failureStrategies:"),
    theirs: steps("", "15m"),
    text: steps("", "15m").replace("  variables:", "  # inputs\n  variables:").replace("        failureStrategies:", "\n        # ask SRE first\n        failureStrategies:"),
    changes: [
      "~ stage deploy_dev › step rollingDeployment › timeout: 10m → 15m",
      "~ stage deploy_dev › rollbackSteps › step rollingRollback › timeout: 10m → 15m",
    ],
  },
  {
    name: "a trailing comment on a changed scalar stays on its line",
    base,
    ours: base.replace("value: <+input>", "value: <+input> # set by the trigger"),
    theirs: base.replace("identifier: payments_cd", "identifier: payments_cd\n  description: CD"),
    text: base.replace("value: <+input>", "value: <+input> # set by the trigger").replace("identifier: payments_cd", "identifier: payments_cd\n  description: CD"),
  },
  {
    name: "the team changed a value the render left alone: the team's value stays",
    base,
    ours: base.replace("value: <+input>", "value: latest"),
    theirs: base,
    text: base.replace("value: <+input>", "value: latest"),
  },
  {
    name: "both changed the same value differently: a conflict with all three values, nothing merged",
    base,
    ours: base.replace("timeout: 10m\n            rollbackSteps", "timeout: 20m\n            rollbackSteps"),
    theirs: steps("", "15m"),
    conflicts: [{ path: "stage deploy_dev › step rollingDeployment › timeout", line: 15, col: 28, base: "10m", ours: "20m", theirs: "15m" }],
  },
  {
    name: "both changed the same value alike: no conflict",
    base,
    ours: steps("", "15m"),
    theirs: steps("", "15m"),
    text: steps("", "15m"),
  },
  {
    name: "a timeout changed in the render and a step added by the team never conflict",
    base,
    ours: steps(step("ourCheck")),
    theirs: steps("", "15m"),
    text: steps(step("ourCheck"), "15m"),
  },
  {
    name: "both added a step at the same place: the team's first, then the render's",
    base,
    ours: steps(step("ourCheck")),
    theirs: steps(step("smokeTest")),
    text: steps(step("ourCheck") + step("smokeTest")),
    changes: ["+ stage deploy_dev › step smokeTest (ShellScript) after rollingDeployment"],
  },
  {
    name: "an added element goes after its predecessor in the render",
    base: steps(step("verify")),
    ours: steps(step("verify")),
    theirs: steps(step("smokeTest") + step("verify")),
    text: steps(step("smokeTest") + step("verify")),
  },
  {
    name: "a step the team removed stays removed when the render did not change it",
    base: steps(step("verify")),
    ours: steps(),
    theirs: steps(step("verify"), "15m").replace(/timeout: 15m\n(\s+)spec/, "timeout: 15m\n$1spec"),
    text: steps("", "15m"),
  },
  {
    name: "removed by the team, changed by the render: a conflict",
    base: steps(step("verify")),
    ours: steps(),
    theirs: steps(step("verify", "Http")),
    conflicts: [{ path: "stage deploy_dev › step verify", line: 12, col: 15, base: { step: { identifier: "verify", type: "ShellScript", timeout: "1m" } }, ours: undefined, theirs: { step: { identifier: "verify", type: "Http", timeout: "1m" } } }],
  },
  {
    name: "removed by the render, unchanged by the team: removed",
    base: steps(step("verify")),
    ours: steps(step("verify")),
    theirs: steps(),
    text: steps(),
    changes: ["- stage deploy_dev › step verify"],
  },
  {
    name: "removed by the render, changed by the team: a conflict; --resolve ours keeps the team's step",
    base: steps(step("verify")),
    ours: steps(step("verify", "Http")),
    theirs: steps(),
    resolve: "ours",
    text: steps(step("verify", "Http")),
  },
  {
    name: "variables merge by name: the render adds one, the team changes another",
    base,
    ours: base.replace("value: <+input>", "value: stable"),
    theirs: base.replace("      value: <+input>\n", "      value: <+input>\n    - name: LOG_LEVEL\n      value: info\n"),
    text: base.replace("      value: <+input>\n", "      value: stable\n    - name: LOG_LEVEL\n      value: info\n"),
    changes: ["+ variable LOG_LEVEL after imageTag"],
  },
  {
    name: "a list outside the table is one value: changed on one side, taken whole",
    base,
    ours: base,
    theirs: base.replace("action: StageRollback", "action: MarkAsFailure"),
    text: base.replace("action: StageRollback", "action: MarkAsFailure"),
    changes: ['~ stage deploy_dev › failureStrategies: [{"onFailure":{"action":"StageRollback"}}] → [{"onFailure":{"action":"MarkAsFailure"}}]'],
  },
  {
    name: "a list outside the table changed on both sides: a conflict on the whole list",
    base,
    ours: base.replace("action: StageRollback", "action: Ignore"),
    theirs: base.replace("action: StageRollback", "action: MarkAsFailure"),
    conflicts: [{ path: "stage deploy_dev › failureStrategies", line: 21, col: 11, base: [{ onFailure: { action: "StageRollback" } }], ours: [{ onFailure: { action: "Ignore" } }], theirs: [{ onFailure: { action: "MarkAsFailure" } }] }],
  },
  {
    name: "the render reordered steps the team left in order: the render's order",
    base: steps(step("a") + step("b")),
    ours: steps(step("a") + step("b")),
    theirs: steps(step("b") + step("a")),
    text: steps(step("b") + step("a")),
  },
  {
    name: "both reordered steps differently: a conflict",
    base: steps(step("a") + step("b")),
    ours: steps(step("b") + step("a")),
    theirs: steps(step("a") + step("b")).replace(/( {14}- step:\n {18}identifier: rollingDeployment\n(?: {18}.*\n)*)((?: {14}- step:\n(?: {18}.*\n)*)+)/, "$2$1"),
    conflicts: [{ path: "stage deploy_dev › spec › execution › steps", line: 12, col: 15, base: ["step:rollingDeployment", "step:a", "step:b"], ours: ["step:rollingDeployment", "step:b", "step:a"], theirs: ["step:a", "step:b", "step:rollingDeployment"] }],
  },
  {
    name: "anchors and aliases of the team survive a change elsewhere",
    base: "service:\n  identifier: s\n  timeout: 10m\n  a: x\n  b: x\n",
    ours: "service:\n  identifier: s\n  timeout: 10m\n  a: &shared x\n  b: *shared\n",
    theirs: "service:\n  identifier: s\n  timeout: 15m\n  a: x\n  b: x\n",
    text: "service:\n  identifier: s\n  timeout: 15m\n  a: &shared x\n  b: *shared\n",
  },
  {
    name: "a value the team anchored keeps its anchor when the render changes it",
    base: "service:\n  identifier: s\n  a: x\n  b: x\n",
    ours: "service:\n  identifier: s\n  a: &shared x\n  b: *shared\n",
    theirs: "service:\n  identifier: s\n  a: y\n  b: x\n",
    text: "service:\n  identifier: s\n  a: &shared y\n  b: *shared\n",
  },
  {
    name: "quoting, key order and unindented sequences of the team survive",
    base: "environment:\n  identifier: dev\n  type: PreProduction\n  tags: {}\n  variables: []\n",
    ours: "environment:\n  type: 'PreProduction'\n  identifier: \"dev\"\n  tags: {}\n  variables:\n  - name: REGION\n    value: eu\n",
    theirs: "environment:\n  identifier: dev\n  type: PreProduction\n  tags: {}\n  variables: []\n  description: Development\n",
    text: "environment:\n  type: 'PreProduction'\n  identifier: \"dev\"\n  tags: {}\n  variables:\n  - name: REGION\n    value: eu\n  description: Development\n",
  },
  {
    name: "a key the render adds goes after its predecessor, even in the team's key order",
    base: "environment:\n  identifier: dev\n  type: PreProduction\n  tags: {}\n",
    ours: "environment:\n  tags: {}\n  identifier: dev\n  type: PreProduction\n",
    theirs: "environment:\n  identifier: dev\n  description: Development\n  type: PreProduction\n  tags: {}\n",
    text: "environment:\n  tags: {}\n  identifier: dev\n  description: Development\n  type: PreProduction\n",
  },
  {
    name: "the same key added on both sides with different values: a conflict; --resolve theirs takes the render's",
    base: "environment:\n  identifier: dev\n",
    ours: "environment:\n  identifier: dev\n  description: ours\n",
    theirs: "environment:\n  identifier: dev\n  description: theirs\n",
    resolve: "theirs",
    text: "environment:\n  identifier: dev\n  description: theirs\n",
  },
  {
    name: "parallel blocks are named by the steps they hold",
    base: steps("              - parallel:\n                  - step:\n                      identifier: p1\n                  - step:\n                      identifier: p2\n"),
    ours: steps("              - parallel:\n                  - step:\n                      identifier: p1\n                  - step:\n                      identifier: p2\n                      timeout: 2m\n"),
    theirs: steps("              - parallel:\n                  - step:\n                      identifier: p1\n                      timeout: 3m\n                  - step:\n                      identifier: p2\n"),
    text: steps("              - parallel:\n                  - step:\n                      identifier: p1\n                      timeout: 3m\n                  - step:\n                      identifier: p2\n                      timeout: 2m\n"),
  },
  {
    name: "JSON merges as data and keeps the team's indentation",
    file: "connectors/github.json",
    base: '{\n  "connector": {\n    "identifier": "github",\n    "spec": { "url": "https://github.com/a/b", "apiAccess": true }\n  }\n}\n',
    ours: '{\n    "connector": {\n        "identifier": "github",\n        "description": "ours",\n        "spec": { "url": "https://github.com/a/b", "apiAccess": true }\n    }\n}\n',
    theirs: '{\n  "connector": {\n    "identifier": "github",\n    "spec": { "url": "https://github.com/a/b", "apiAccess": false }\n  }\n}\n',
    text: '{\n    "connector": {\n        "identifier": "github",\n        "description": "ours",\n        "spec": {\n            "url": "https://github.com/a/b",\n            "apiAccess": false\n        }\n    }\n}\n',
  },
  {
    name: "a file new on both sides merges against an empty base",
    base: undefined,
    ours: "environment:\n  identifier: qa\n  type: PreProduction\n",
    theirs: "environment:\n  identifier: qa\n  type: PreProduction\n  tags: {}\n",
    text: "environment:\n  identifier: qa\n  type: PreProduction\n  tags: {}\n",
  },
];

describe("mergeFile", () => {
  it.each(cases)("$name", (c) => {
    const result = mergeFile({
      file: c.file ?? "pipelines/payments_cd.yaml",
      base: c.base,
      ours: c.ours,
      theirs: c.theirs,
      ...(c.resolve === undefined ? {} : { resolve: () => c.resolve }),
    });
    const open = result.conflicts.filter((x) => x.resolved === undefined);
    if (c.conflicts !== undefined) {
      expect(open.map(({ path, line, col, base: b, ours, theirs }) => ({ path, line, col, base: b, ours, theirs }))).toEqual(c.conflicts);
    } else {
      expect(open).toEqual([]);
      expect(result.text).toBe(c.text);
      if (c.resolve !== undefined) expect(result.conflicts.every((x) => x.resolved === c.resolve)).toBe(true);
    }
    if (c.changes !== undefined) expect(result.changes.map(describeChange)).toEqual(c.changes);
  });

  it("words a conflict with file:line:col, path and the three values", () => {
    const result = mergeFile({
      file: ".harness/pipelines/payments_cd.yaml",
      base,
      ours: base.replace("timeout: 10m\n            rollbackSteps", "timeout: 20m\n            rollbackSteps"),
      theirs: steps("", "15m"),
    });
    expect(result.conflicts.map(describeConflict)).toEqual([
      ".harness/pipelines/payments_cd.yaml:15:28: stage deploy_dev › step rollingDeployment › timeout: changed on both sides\n" +
        "    base:   10m\n    yours:  20m\n    theirs: 15m",
    ]);
  });

  it("refuses a team file that no longer parses, pointing at the spot", () => {
    expect(() => mergeFile({ file: "p.yaml", base, ours: "pipeline:\n  a: [1,\n", theirs: base })).toThrow(/p\.yaml:\d+:\d+: your file does not parse/);
  });
});
