/**
 * `kit init DIR`: a starter kit that `kit check` and `kit test` pass at once — one generator
 * (a project, a Kubernetes service and one environment per list element), its templates and one
 * test case whose expected files are rendered here, by the same code `kit test` compares with —
 * and one update case: its base/ is this version's render, frozen, so once the templates change
 * the case shows what a service generated today and edited by its team becomes.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { KitError } from "../errors.js";
import { packageRoot } from "../paths.js";
import { loadKit } from "./load.js";
import { renderRun } from "./render-run.js";
import { testKit } from "./test-kit.js";

export const SCHEMA_FILE = path.join(packageRoot, "schema", "kit.schema.json");

function kitYaml(name: string, schema: string): string {
  return `# yaml-language-server: $schema=${schema}
# A harness-scaffold kit: see "Write your own kit" in harness-scaffold's README.
name: ${name}
version: 0.1.0
description: Starter kit — a project, a Kubernetes service and its environments
generators:
  web-service:
    description: a Kubernetes service in its own project, with one environment per element of environments
    answers:
      - key: name
        kind: name
        message: Service name
        required: true
      - key: identifier
        kind: identifier
        message: Service identifier
        default: "{{toIdentifier name}}"
      - key: team
        kind: text
        message: Owning team
        choices: [payments, search, platform]
        default: platform
      - key: environments
        kind: list
        message: Environments (comma-separated)
        default: [dev, prod]
        pattern: "^[a-z][a-z0-9_]*$"
        patternMessage: environments must be lowercase identifiers such as dev or prod_eu
    files:
      - template: project.json.hbs
        path: project.json
        identifier: "{{identifier}}"
        policy: once
      - template: service.yaml.hbs
        path: "services/{{identifier}}.yaml"
      - template: environment.yaml.hbs
        path: "environments/{{item}}.yaml"
        each: environments
`;
}

const UPDATE_CASE = "tests/upgrade/update";
const UPDATE_CASE_YAML = `# An update case (README "Test your updates"): base/ is what the kit rendered for answers.yaml
# when this case was written, edited/ the team's changes over it, expected/ the out dir after
# "harness-scaffold update" with the kit as it is now. "kit test --update" rewrites expected/.
from: 0.1.0
# As with update --set: the team also asks for a staging environment.
set:
  environments: [dev, staging, prod]
`;

const TEMPLATES: Record<string, string> = {
  "project.json.hbs": `{
  "project": {
    "orgIdentifier": "default",
    "identifier": {{json identifier}},
    "name": {{json name}},
    "color": "#0063F7",
    "modules": ["CD"],
    "description": "",
    "tags": { "team": {{json team}} }
  }
}
`,
  "service.yaml.hbs": `service:
  name: {{yaml name}}
  identifier: {{yaml identifier}}
  orgIdentifier: default
  projectIdentifier: {{yaml identifier}}
  tags:
    team: {{yaml team}}
  serviceDefinition:
    type: Kubernetes
    spec:
      manifests: []
`,
  "environment.yaml.hbs": `environment:
  name: {{yaml item}}
  identifier: {{yaml item}}
  orgIdentifier: default
  projectIdentifier: {{yaml identifier}}
  type: {{yaml (environmentType item)}}
  tags:
    team: {{yaml team}}
`,
};

/** Writes the starter into `dir` (which must be missing or empty) and renders its test's expected files. */
export async function initKit(dir: string, options: { cwd: string }): Promise<string[]> {
  const root = path.resolve(options.cwd, dir);
  if (existsSync(root) && readdirSync(root).length > 0) {
    throw new KitError("E_USAGE", `kit init: ${dir} is not empty`, { hint: "give a new folder; kit init never overwrites files" });
  }
  const schema = path.relative(root, SCHEMA_FILE).split(path.sep).join("/");
  const name = path.basename(root).toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "my-kit";
  const files: Record<string, string> = {
    "kit.yaml": kitYaml(name, schema),
    ...Object.fromEntries(Object.entries(TEMPLATES).map(([f, t]) => [`templates/${f}`, t])),
    "tests/default/answers.yaml": "name: payments-api\nteam: payments\nenvironments: [dev, staging, prod]\n",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  writeUpdateCase(root, options.cwd);
  const written = Object.keys(files);
  const cases = await testKit(loadKit(root, { cwd: options.cwd }), { update: true, publish: false });
  for (const c of cases) if (c.problems.length > 0) throw new KitError("E_INTERNAL", `kit init: the starter's test ${c.name} fails: ${c.problems.join("; ")}`);
  const tests = path.join(root, "tests");
  written.push(...readdirSync(tests, { recursive: true, encoding: "utf8" }).filter((f) => f.includes(".")).map((f) => `tests/${f.split(path.sep).join("/")}`));
  return [...new Set(written)].sort();
}

/** The starter's update case: base/ rendered now, a team's edit to the service in edited/. */
function writeUpdateCase(root: string, cwd: string): void {
  const answers = { name: "payments-api", team: "payments", environments: ["dev", "prod"] };
  const { files } = renderRun(loadKit(root, { cwd }), "web-service", answers);
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, UPDATE_CASE, file)), { recursive: true });
    writeFileSync(path.join(root, UPDATE_CASE, file), text);
  };
  write("answers.yaml", "name: payments-api\nteam: payments\nenvironments: [dev, prod]\n");
  write("case.yaml", UPDATE_CASE_YAML);
  for (const f of files) write(`base/${f.path}`, f.text);
  const service = files.find((f) => f.path.startsWith("services/"));
  if (service !== undefined) write(`edited/${service.path}`, service.text.replace("  tags:\n", "  tags:\n    # added by the payments team\n    tier: critical\n"));
}
