/**
 * Hostile answers: whatever a free-text answer holds, it comes out as the same string value and
 * adds no key; what identifier and name rules refuse is refused before anything is written.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate, isKitError } from "../../src/index.js";
import { keyPaths, readTree, tempDir } from "./helpers.js";

const HOSTILE = [
  'x"\n  evil: true',
  "a: b",
  "{{name}}",
  "{{{name}}} {{> partial}}",
  "- item\n- other",
  "# not a comment",
  "&anchor *alias !!python/object:os.system",
  "'single' \"double\" \\ backslash \\n",
  "line1\nline2\r\n\ttab",
  "Zürich — 支付 🚀",
  "breaks \u2028 \u2029 \u0085 \ufeff end",
  "yes", "no", "on", "null", "~", "1e3", "0x1F", "2024-01-01", "1:20", "",
  "}]\"}, \"evil\": true, {\"",
  "x".repeat(1024),
];

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function render(generator: string, answers: Record<string, unknown>): Promise<Record<string, string>> {
  const { dir, done } = tempDir("hs-hostile-");
  cleanup = done;
  await generate({ generator, answers, outDir: "out", cwd: dir });
  const files = readTree(path.join(dir, "out"));
  delete files["harness-scaffold.json"];
  return files;
}

const parseFile = (file: string, text: string, version: "1.1" | "1.2" = "1.2"): unknown =>
  file.endsWith(".json") ? JSON.parse(text) : parse(text, { version });

const CASES: Array<{ generator: string; answers: Record<string, unknown>; field: string }> = [
  { generator: "project", answers: { name: "p", identifier: "p" }, field: "project.description" },
  { generator: "connector", answers: { type: "DockerRegistry", name: "d", identifier: "d" }, field: "connector.description" },
  { generator: "pipeline", answers: { template: "runtime-inputs", name: "p", identifier: "p", project: "x" }, field: "pipeline.description" },
  { generator: "pipeline", answers: { template: "cd-kubernetes", name: "p", identifier: "p", project: "x", serviceRef: "s", environmentRef: "e", infrastructureRef: "i" }, field: "pipeline.description" },
  { generator: "pipeline", answers: { template: "ci-build-push", name: "p", identifier: "p", project: "x", gitConnector: "g", dockerConnector: "d", image: "acme/x" }, field: "pipeline.description" },
  { generator: "service", answers: { name: "s", identifier: "s", gitUrl: "https://github.com/acme/s", image: "acme/s" }, field: "service.description" },
];

describe("free text stays one string value", () => {
  for (const c of CASES) {
    it(`${c.generator}${c.answers.template ? ` (${String(c.answers.template)})` : ""}: description`, async () => {
      const baseline = await render(c.generator, { ...c.answers, description: "plain words" });
      for (const value of HOSTILE) {
        const files = await render(c.generator, { ...c.answers, description: value });
        expect(Object.keys(files)).toEqual(Object.keys(baseline));
        for (const [file, text] of Object.entries(files)) {
          const doc = parseFile(file, text);
          const base = parseFile(file, baseline[file]!);
          const root = c.field.split(".")[0]!;
          if (value === "" || !(root in (doc as object))) continue;
          // Same keys as with a plain description: the answer added nothing and removed nothing.
          expect(keyPaths(doc), `${file} with ${JSON.stringify(value)}`).toEqual(keyPaths(base));
          const [, key] = c.field.split(".");
          // Answers are trimmed like any typed input; everything inside is kept.
          expect((doc as Record<string, Record<string, unknown>>)[root]![key!], file).toBe(value.trim());
          // A YAML 1.1 reader (Harness's server) must read the same string.
          if (file.endsWith(".yaml")) {
            expect((parseFile(file, text, "1.1") as Record<string, Record<string, unknown>>)[root]![key!]).toBe(value.trim());
          }
        }
      }
    });
  }

  it("tags keep hostile keys and values as strings", async () => {
    const tags = { "evil: true": 'x"\n  y: 1', "{{name}}": "支付", "- a": "" };
    const files = await render("pipeline", { template: "runtime-inputs", name: "p", identifier: "p", project: "x", tags });
    expect((parse(files["pipelines/p.yaml"]!) as { pipeline: { tags: unknown } }).pipeline.tags).toEqual(tags);
    const project = await render("project", { name: "p", identifier: "p", tags });
    expect(JSON.parse(project["project.json"]!).project.tags).toEqual(tags);
  });

  it("a multi-line test command stays one command string", async () => {
    const command = 'npm ci\nnpm test -- --grep "a: b"\necho "}" # done';
    const files = await render("pipeline", { template: "ci-build-push", name: "p", identifier: "p", project: "x", gitConnector: "g", dockerConnector: "d", image: "acme/x", testCommand: command });
    expect(files["pipelines/p.yaml"]).toBeDefined();
    const doc = parse(files["pipelines/p.yaml"]!) as { pipeline: { stages: Array<{ stage: { spec: { execution: { steps: Array<{ step: { spec: { command?: string } } }> } } } }> } };
    expect(doc.pipeline.stages[0]!.stage.spec.execution.steps[0]!.step.spec.command).toBe(command);
  });
});

async function refusal(generator: string, answers: Record<string, unknown>): Promise<{ code: string; message: string; written: boolean }> {
  const { dir, done } = tempDir("hs-refuse-");
  cleanup = done;
  try {
    await generate({ generator, answers, outDir: "out", cwd: dir });
  } catch (error) {
    if (!isKitError(error)) throw error;
    return { code: error.code, message: error.message, written: existsSync(path.join(dir, "out")) };
  }
  throw new Error(`expected ${JSON.stringify(answers)} to be refused`);
}

describe("identifiers and names are checked before anything is written", () => {
  const refusedIds = ["../x", "..", "a/b", "x.y", "1abc", "with space", "true", "class", "org", "stepGroup", "x".repeat(129), "ünï"];
  for (const identifier of refusedIds) {
    it(`refuses identifier ${JSON.stringify(identifier.length > 20 ? `${identifier.slice(0, 10)}…(${identifier.length})` : identifier)}`, async () => {
      const r = await refusal("connector", { type: "DockerRegistry", name: "d", identifier });
      expect(r.code).toBe("E_INPUT");
      expect(r.message).toMatch(/^identifier "/);
      expect(r.written).toBe(false);
    });
  }

  it("says a reserved word is a keyword, as Harness does", async () => {
    const r = await refusal("project", { name: "x", identifier: "null" });
    expect(r.message).toBe('identifier "null" is a keyword, so cannot be used');
  });

  it("accepts 128-character identifiers and 64-character connector names, refuses 65 (Harness's request-field limit)", async () => {
    const id = `a${"b".repeat(127)}`;
    const files = await render("connector", { type: "DockerRegistry", name: "n".repeat(64), identifier: id });
    expect(Object.keys(files)).toEqual([`connectors/${id}.json`]);
    expect(JSON.parse(files[`connectors/${id}.json`]!).connector.name).toHaveLength(64);
    const r = await refusal("connector", { type: "DockerRegistry", name: "n".repeat(65), identifier: "ok" });
    expect(r.message).toBe(`name "${"n".repeat(37)}..." is 65 characters; the limit is 64`);
  });

  it("from a 128-character service name derives identifiers and a project name that stay within 64 characters", async () => {
    const name = `${"Payments-".repeat(14)}AB`;
    const files = await render("service", { name, gitUrl: "https://github.com/acme/payments", image: "acme/payments" });
    const project = JSON.parse(files["project.json"]!).project as { identifier: string; name: string };
    expect(project.identifier).toMatch(/^[a-zA-Z_][0-9a-zA-Z_]{0,63}$/);
    expect(project.name).toBe(name.slice(0, 64));
    const ids = Object.keys(files).map((f) => f.split("/").at(-1)!.replace(/\.(json|yaml)$/, ""));
    expect(ids.filter((id) => id.length > 64)).toEqual([]);
  });

  for (const name of ['x"\n  evil: true', "a: b", "{{name}}", "Zürich", "../x"]) {
    it(`refuses name ${JSON.stringify(name)} (Harness's name rule)`, async () => {
      const r = await refusal("project", { name, identifier: "p" });
      expect(r.code).toBe("E_INPUT");
      expect(r.message).toMatch(/^name "/);
    });
  }

  it("refuses a path-like environment in the service bootstrap", async () => {
    const r = await refusal("service", { name: "s", gitUrl: "https://github.com/a/s", image: "a/s", environments: ["dev", "../prod"] });
    expect(r.message).toContain('environments item "../prod" is not an identifier');
  });

  it("never writes outside the out dir, whatever the identifier", async () => {
    const { dir, done } = tempDir("hs-escape-");
    cleanup = done;
    await expect(generate({ generator: "project", answers: { name: "x", identifier: "../../escape" }, outDir: "out", cwd: dir })).rejects.toThrow();
    expect(existsSync(path.join(dir, "escape.json"))).toBe(false);
  });
});
