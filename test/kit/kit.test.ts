/**
 * A kit as a library user meets it: loadKit + renderRun (what `update` calls), generate with a
 * kit (files, manifest record, `once` policy, element keys), list --kit, helpers' behaviour.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generate, isKitError, listGenerators, loadKit, renderRun } from "../../src/index.js";
import { describeGenerators } from "../../src/generate/registry.js";
import { runInProcess } from "../helpers/cli.js";
import { tempDir } from "../generate/helpers.js";

const acme = path.resolve("test/fixtures/kits/acme");
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const done of cleanups) done();
  cleanups = [];
});
function scratch(): string {
  const { dir, done } = tempDir("hs-kit-");
  cleanups.push(done);
  return dir;
}

describe("loadKit + renderRun", () => {
  it("renders a run from (kit, generator, answers) without the CLI or the disk", () => {
    const kit = loadKit(acme, { cwd: process.cwd() });
    expect([kit.name, kit.version]).toEqual(["acme-golden-paths", "1.0.0"]);
    const run = renderRun(kit, "web-service", { name: "orders-web", environments: ["dev", "prod_eu"] });
    expect(run.files.map((f) => f.path)).toEqual([
      "project.json",
      "connectors/acme_cluster.json",
      "services/orders_web.yaml",
      "environments/dev.yaml",
      "infrastructures/dev_k8s.yaml",
      "environments/prod_eu.yaml",
      "infrastructures/prod_eu_k8s.yaml",
    ]);
    expect(run.derived).toContainEqual({ key: "project", value: "platform_services" });
    const prodEu = run.files.find((f) => f.path === "environments/prod_eu.yaml");
    expect(prodEu?.text).toContain("type: Production\n");
    expect(run.files.find((f) => f.path === "infrastructures/prod_eu_k8s.yaml")?.text).toContain("namespace: orders-web-prod-eu\n");
    expect(prodEu?.key).toBe("prod_eu");
  });

  it("checks answers by kind, pattern and choices, naming the key", () => {
    const kit = loadKit(acme, { cwd: process.cwd() });
    const refusal = (answers: Record<string, unknown>): string => {
      try {
        renderRun(kit, "web-service", answers);
      } catch (error) {
        if (isKitError(error)) return error.message;
        throw error;
      }
      return "accepted";
    };
    expect(refusal({ name: "o", environments: "dev,Prod" })).toBe("environments must be lowercase identifiers like dev or prod_eu");
    expect(refusal({ name: "o", team: "sales" })).toBe('team "sales" is not one of payments, search, platform');
    expect(refusal({})).toBe('missing required answer "name" (Service name)');
    expect(refusal({ name: "o", colour: "x" })).toBe('answer "colour" is not used by the web-service generator');
  });

  it("suggests the generator a typo meant", () => {
    const kit = loadKit(acme, { cwd: process.cwd() });
    expect(() => renderRun(kit, "web-servce", {})).toThrow('the kit acme-golden-paths has no generator "web-servce" (did you mean "web-service"?)');
  });
});

describe("generate with a kit", () => {
  it("writes valid files and records the kit, policies and element keys in the manifest", async () => {
    const cwd = scratch();
    const kit = loadKit(acme, { cwd });
    await generate({ kit, generator: "web-service", answers: { name: "orders-web" }, outDir: "out", cwd });
    const manifest = JSON.parse(readFileSync(path.join(cwd, "out/harness-scaffold.json"), "utf8")) as { runs: Array<Record<string, unknown>> };
    expect(manifest.runs[0]).toMatchObject({
      generator: "web-service",
      identifier: "orders_web",
      kit: { name: "acme-golden-paths", version: "1.0.0", source: acme },
      policies: { "project.json": "once" },
      keys: { "environments/dev.yaml": "dev", "infrastructures/prod_k8s.yaml": "prod" },
    });
    expect(manifest.runs[0]?.answers).toMatchObject({ name: "orders-web", team: "platform", environments: ["dev", "prod"] });
  });

  it("leaves a `once` file its team has edited alone, and still refuses to overwrite a managed one", async () => {
    const cwd = scratch();
    const kit = loadKit(acme, { cwd });
    await generate({ kit, generator: "web-service", answers: { name: "orders-web" }, outDir: "out", cwd });
    const project = path.join(cwd, "out/project.json");
    const edited = readFileSync(project, "utf8").replace('"#0063F7"', '"#FF0000"');
    writeFileSync(project, edited);
    const again = await generate({ kit, generator: "web-service", answers: { name: "orders-web" }, outDir: "out", cwd });
    expect(again.files.find((f) => f.path === "project.json")?.action).toBe("unchanged");
    expect(readFileSync(project, "utf8")).toBe(edited);
    writeFileSync(path.join(cwd, "out/services/orders_web.yaml"), "service: {}\n");
    await expect(generate({ kit, generator: "web-service", answers: { name: "orders-web" }, outDir: "out", cwd })).rejects.toThrow("a file already exists with other content");
  });

  it("refuses a path expression that leaves the layout, writing nothing", async () => {
    const cwd = scratch();
    const kit = loadKit(acme, { cwd });
    await expect(generate({ kit, generator: "web-service", answers: { name: "orders-web", cluster: "a" }, outDir: "out", cwd })).resolves.toBeDefined();
    const dir = path.join(cwd, "k2");
    mkdirSync(path.join(dir, "templates"), { recursive: true });
    writeFileSync(path.join(dir, "kit.yaml"), "name: k\nversion: 1.0.0\ngenerators:\n  g:\n    answers:\n      - { key: where, kind: text }\n    files:\n      - { template: s.yaml.hbs, path: '{{where}}' }\n");
    writeFileSync(path.join(dir, "templates/s.yaml.hbs"), "service:\n  identifier: a\n");
    const bad = loadKit(dir, { cwd });
    for (const where of ["../x.yaml", "/etc/x.yaml", "services/../../x.yaml", "notes/a.yaml", "services/a.json"]) {
      await expect(generate({ kit: bad, generator: "g", answers: { where }, outDir: "o2", cwd }), where).rejects.toThrow("which is refused");
    }
    expect(existsSync(path.join(cwd, "o2"))).toBe(false);
  });
});

describe("list --kit", () => {
  it("shows the kit's generators and answer keys like the built-ins'", async () => {
    const r = await runInProcess(["list", "--kit", acme, "--json"], { cwd: process.cwd(), env: {} });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { kit: { name: string }; generators: Array<{ name: string; answers: Array<{ key: string; default?: string; choices?: string[] }> }> };
    expect(out.kit.name).toBe("acme-golden-paths");
    expect(out.generators.map((g) => g.name)).toEqual(["web-service"]);
    expect(out.generators[0]?.answers.find((a) => a.key === "team")).toMatchObject({ default: "platform", choices: ["payments", "search", "platform"] });
    expect(out.generators[0]?.answers.find((a) => a.key === "identifier")?.default).toBe("{{toIdentifier name}}");
  });

  it("HARNESS_SCAFFOLD_KIT selects the kit when --kit is not given", async () => {
    const r = await runInProcess(["list", "--json"], { cwd: process.cwd(), env: { HARNESS_SCAFFOLD_KIT: acme } });
    expect((JSON.parse(r.stdout) as { generators: Array<{ name: string }> }).generators.map((g) => g.name)).toEqual(["web-service"]);
  });

  it("the built-in kit still lists the five built-in generators", () => {
    expect(listGenerators().map((g) => g.name)).toEqual(["project", "connector", "pipeline", "service", "stage-template"]);
    expect(describeGenerators({ pipelineTemplates: [] }).length).toBe(5);
  });
});

describe("update with a kit", () => {
  it("re-renders a kit run from the kit recorded in the manifest: a no-op, then --set adds an element's files", async () => {
    const { update } = await import("../../src/update/update.js");
    const cwd = scratch();
    const kit = loadKit(acme, { cwd });
    await generate({ kit, generator: "web-service", answers: { name: "orders-web" }, outDir: "out", cwd });
    const same = await update({ cwd, outDir: "out" });
    expect(same.changed).toBe(false);
    const more = await update({ cwd, outDir: "out", set: { environments: "dev,qa,prod" } });
    expect(more.changed).toBe(true);
    expect(more.files.find((f) => f.path === "environments/qa.yaml")).toMatchObject({ action: "create", cause: "answers" });
    expect(readFileSync(path.join(cwd, "out/environments/qa.yaml"), "utf8")).toContain("type: PreProduction\n");
    expect(readFileSync(path.join(cwd, "out/infrastructures/qa_k8s.yaml"), "utf8")).toContain("namespace: orders-web-qa\n");
  });
});
