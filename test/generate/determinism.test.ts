/**
 * Same answers, same bytes: no timestamps, no random ids, no dependence on the order answers are
 * given in or on the folder the run happens in. Also: every pipeline the kit renders parses.
 */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate, SAMPLE_SERVICE_ANSWERS } from "../../src/index.js";
import { dig, readTree, tempDir } from "./helpers.js";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const done of cleanups) done();
  cleanups = [];
});
function scratch(): string {
  const { dir, done } = tempDir("hs-det-");
  cleanups.push(done);
  return dir;
}

const answers = { ...SAMPLE_SERVICE_ANSWERS, environments: ["dev", "qa", "prod"], tags: { team: "payments", a: "b" } };

describe("determinism", () => {
  it("renders byte-identical files in two folders, whatever the order of the answers", async () => {
    const first = scratch();
    const second = scratch();
    await generate({ generator: "service", answers, outDir: "out", cwd: first });
    const reversed = Object.fromEntries(Object.entries(answers).reverse());
    await generate({ generator: "service", answers: reversed, outDir: "out", cwd: second });
    const a = readTree(path.join(first, "out"));
    expect(Object.keys(a)).toHaveLength(21);
    expect(readTree(path.join(second, "out"))).toEqual(a);
  });

  it("a second identical run changes nothing", async () => {
    const cwd = scratch();
    await generate({ generator: "service", answers, outDir: "out", cwd });
    const before = readTree(path.join(cwd, "out"));
    const again = await generate({ generator: "service", answers, outDir: "out", cwd });
    expect(again.files.map((f) => f.action)).toEqual(again.files.map(() => "unchanged"));
    expect(readTree(path.join(cwd, "out"))).toEqual(before);
  });

  it("every pipeline parses and refers to entities rendered with it", async () => {
    const cwd = scratch();
    const result = await generate({ generator: "service", answers, outDir: "out", cwd });
    const files = readTree(path.join(cwd, "out"));
    const ids = (dir: string): string[] => Object.keys(files).filter((f) => f.startsWith(`${dir}/`)).map((f) => path.basename(f).replace(/\.\w+$/, ""));
    const pipelines = result.files.filter((f) => f.path.startsWith("pipelines/"));
    expect(pipelines.map((f) => f.path)).toEqual(["pipelines/payments_api_ci.yaml", "pipelines/payments_api_cd.yaml"]);
    const cd = parse(files["pipelines/payments_api_cd.yaml"]!) as unknown;
    const stages = dig(cd, "pipeline.stages") as unknown[];
    expect(stages).toHaveLength(3);
    stages.forEach((_, i) => {
      expect(ids("services")).toContain(dig(cd, `pipeline.stages.${i}.stage.spec.service.serviceRef`));
      expect(ids("environments")).toContain(dig(cd, `pipeline.stages.${i}.stage.spec.environment.environmentRef`));
      expect(ids("infrastructures")).toContain(dig(cd, `pipeline.stages.${i}.stage.spec.environment.infrastructureDefinitions.0.identifier`));
    });
    const ci = parse(files["pipelines/payments_api_ci.yaml"]!) as unknown;
    expect(ids("connectors")).toContain(dig(ci, "pipeline.properties.ci.codebase.connectorRef"));
    expect(ids("connectors")).toContain(dig(ci, "pipeline.stages.0.stage.spec.execution.steps.1.step.spec.connectorRef"));
    for (const infra of ids("infrastructures")) {
      const doc = parse(files[`infrastructures/${infra}.yaml`]!) as unknown;
      expect(ids("connectors")).toContain(dig(doc, "infrastructureDefinition.spec.connectorRef"));
      expect(ids("environments")).toContain(dig(doc, "infrastructureDefinition.environmentRef"));
    }
    const project = JSON.parse(files["project.json"]!) as unknown;
    for (const [file, text] of Object.entries(files)) {
      if (file === "project.json" || file === "harness-scaffold.json") continue;
      const doc = (file.endsWith(".json") ? JSON.parse(text) : parse(text)) as Record<string, unknown>;
      const body = Object.values(doc)[0];
      expect(dig(body, "projectIdentifier"), file).toBe(dig(project, "project.identifier"));
      expect(dig(body, "orgIdentifier"), file).toBe(dig(project, "project.orgIdentifier"));
    }
  });
});
