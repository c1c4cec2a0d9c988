/**
 * Harness's name rules beyond the editor schema, in `validate` and at the prompt: names Harness
 * checks as request fields (project, connector, secret) stop at 64 characters, a template's name
 * has the template service's stricter pattern, and YAML entities keep their schema's 128.
 */
import { describe, expect, it } from "vitest";
import { parseAnswer } from "../../src/answers/kinds.js";
import { validateSources } from "../../src/index.js";
import { stageTemplate } from "../templates/fixtures.js";

const project = (name: string): string => JSON.stringify({ project: { identifier: "shop", name, orgIdentifier: "default" } });

async function nameIssues(path: string, text: string): Promise<string[]> {
  const files = [{ path, text }];
  if (!path.endsWith("project.json")) files.push({ path: ".harness/project.json", text: project("shop") });
  const { issues } = await validateSources(files);
  return issues.filter((i) => i.path.endsWith("/name")).map((i) => `${i.file}:${i.line}:${i.column} ${i.code} ${i.message}`);
}

describe("name rules", () => {
  it("a project name of 65 characters is an error at the value; 64 is fine", async () => {
    expect(await nameIssues(".harness/project.json", project("N".repeat(65)))).toEqual([
      `.harness/project.json:1:40 name-too-long project name "NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN..." is 65 characters; the limit is 64`,
    ]);
    expect(await nameIssues(".harness/project.json", project("N".repeat(64)))).toEqual([]);
  });

  it("a template name with a dot is an error, with the template rule's words", async () => {
    const text = stageTemplate().replace("  name: k8s rolling", "  name: k8s rolling v1.2");
    const issues = await nameIssues(".harness/templates/k8s_rolling/v1.yaml", text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^\.harness\/templates\/k8s_rolling\/v1\.yaml:2:9 name-pattern .*"k8s rolling v1\.2" must start with a letter or "_" and may only contain letters, digits, spaces, "-" and "_" \(a template name has no "\."\)$/);
  });

  it("answers: entity-name stops at 64, template-name refuses a dot, name keeps 128", () => {
    const ctx = { pipelineTemplates: [] };
    expect(parseAnswer({ key: "projectName", kind: "entity-name", message: "Project name" }, "P".repeat(65), {}, ctx)).toEqual({ problem: `projectName "${"P".repeat(37)}..." is 65 characters; the limit is 64` });
    expect(parseAnswer({ key: "name", kind: "template-name", message: "Template name" }, "Deploy 1.2", {}, ctx).problem).toContain('(a template name has no ".")');
    expect(parseAnswer({ key: "name", kind: "name", message: "Pipeline name" }, "P".repeat(100), {}, ctx)).toEqual({ value: "P".repeat(100) });
  });
});
