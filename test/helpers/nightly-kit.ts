/**
 * Pieces of the "nightly" kit that the nested-kinds tests (test/kit/nested-kinds.test.ts) and the
 * nested update tests (test/update/nested-update.test.ts) both build: a pipeline with a `region`
 * runtime input and a scheduled trigger in its folder, and the writing of a kit folder.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The pipeline and trigger templates of the nightly kit. `project` is the projectIdentifier as it
 * stands in the template: a fixed identifier or an expression such as `{{yaml project}}`.
 */
export function nightlyTemplates(project: string): Record<string, string> {
  return {
    "pipeline.yaml.hbs": `pipeline:
  name: {{yaml name}}
  identifier: {{yaml identifier}}
  orgIdentifier: default
  projectIdentifier: ${project}
  stages:
    - stage:
        name: Checks
        identifier: checks
        type: Custom
        spec:
          execution:
            steps:
              - step:
                  name: Report
                  identifier: report
                  type: ShellScript
                  timeout: 10m
                  spec:
                    shell: Bash
                    source:
                      type: Inline
                      spec:
                        script: echo "$REGION"
                    onDelegate: true
  variables:
    - name: region
      type: String
      value: <+input>
`,
    "trigger.yaml.hbs": `trigger:
  name: every night
  identifier: every_night
  orgIdentifier: default
  projectIdentifier: ${project}
  pipelineIdentifier: {{yaml identifier}}
  source:
    type: Scheduled
    spec:
      type: Cron
      spec:
        type: QUARTZ
        expression: 0 30 2 ? * MON-FRI
        timezone: Europe/Berlin
  inputYaml: |
    pipeline:
      identifier: {{yaml identifier}}
      variables:
        - name: region
          type: String
          value: eu
`,
  };
}

/** Writes a kit folder at `dir`: `kit.yaml` and each template under `templates/`. */
export function writeKitFolder(dir: string, kitYaml: string, templates: Record<string, string>): void {
  mkdirSync(path.join(dir, "templates"), { recursive: true });
  writeFileSync(path.join(dir, "kit.yaml"), kitYaml);
  for (const [name, text] of Object.entries(templates)) writeFileSync(path.join(dir, "templates", name), text);
}
