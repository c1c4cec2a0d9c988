/**
 * The built-in templates the build precompiles (dist/precompiled/templates.*, what the CLI runs)
 * against the same texts compiled live (what the other tests run): the same checks, the same
 * output for every golden scenario, the same error for a variable that does not exist.
 * Needs `npm run build` (as `npm test` does first).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { resolveAnswers } from "../../src/answers/resolve.js";
import { findGenerator } from "../../src/generate/registry.js";
import { builtinKit } from "../../src/kit/builtin.js";
import { compileTemplateLive, expressionTexts, precompiledTemplates, type CompiledTemplate } from "../../src/render/handlebars.js";
import { templateSet } from "../../src/render/templates.js";
import { repoRoot } from "../helpers/cli.js";
import { fixturesDir } from "./helpers.js";

const builtDir = path.join(repoRoot, "dist/precompiled");
const templatesDir = path.join(repoRoot, "templates");
const builtins = readdirSync(templatesDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".hbs"));
const scenarios = readdirSync(fixturesDir).filter((name) => existsSync(path.join(fixturesDir, name, "scenario.yaml")));

function built(): ReadonlyMap<string, CompiledTemplate> {
  const stored = precompiledTemplates(builtDir);
  if (stored.size === 0) throw new Error(`no precompiled templates in ${builtDir}: run npm run build`);
  return stored;
}

function outcome(render: () => string): string {
  try {
    return render();
  } catch (error) {
    return `threw: ${error instanceof Error ? error.message : String(error)}`;
  }
}

describe("precompiled built-in templates", () => {
  it("hold every built-in template as it is now, with the same quoting check", () => {
    const stored = built();
    expect(builtins.length).toBeGreaterThanOrEqual(11);
    // Besides the templates, the built-in kit's expressions (generators/kit.yaml) are stored by text.
    builtinKit();
    expect(stored.size).toBe(builtins.length + expressionTexts.size);
    for (const text of expressionTexts) expect(stored.has(text), `expression ${text}: rebuild (npm run build)`).toBe(true);
    for (const file of builtins) {
      const text = readFileSync(path.join(templatesDir, file), "utf8");
      expect(stored.has(text), `${file}: rebuild (npm run build)`).toBe(true);
      expect(stored.get(text)?.problems, file).toEqual(compileTemplateLive(text).problems);
    }
  });

  it("render what the live-compiled templates render, for every golden scenario", () => {
    const stored = built();
    const templates = templateSet({ cwd: repoRoot });
    const ctx = { pipelineTemplates: templates.pipelineTemplates() };
    let rendered = 0;
    for (const scenario of scenarios) {
      const { generator, answers } = parse(readFileSync(path.join(fixturesDir, scenario, "scenario.yaml"), "utf8")) as { generator: string; answers: Record<string, unknown> };
      const spec = findGenerator(generator);
      const resolved = resolveAnswers(spec.answers, { values: answers, origins: {} }, { generator: spec.name, ctx, useDefaults: true });
      for (const job of spec.files(resolved.answers)) {
        const { text } = templates.read(job.template);
        const precompiled = stored.get(text);
        expect(precompiled, job.template).toBeDefined();
        const want = outcome(() => compileTemplateLive(text).render(job.data));
        expect(want, `${scenario} ${job.template}`).not.toMatch(/^threw/);
        expect(outcome(() => precompiled!.render(job.data)), `${scenario} ${job.template}`).toBe(want);
        rendered++;
      }
    }
    expect(rendered).toBeGreaterThanOrEqual(scenarios.length);
  });

  it("name a missing variable and its place the same way", () => {
    const stored = built();
    for (const file of builtins) {
      const text = readFileSync(path.join(templatesDir, file), "utf8");
      const want = outcome(() => compileTemplateLive(text).render({}));
      expect(want, file).toMatch(/^threw: .*(not defined|strict mode)/);
      expect(outcome(() => stored.get(text)!.render({})), file).toBe(want);
    }
  });
});
