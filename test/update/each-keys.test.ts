/**
 * A kit's `each` files keep their identity by element key on update, also when the path does not
 * name the element (`infrastructures/k8s_{{index}}.yaml`): removing the first environment moves
 * every later environment's file, with the team's edits, to its new path instead of merging
 * qa's file into dev's; an element put in front starts fresh; a removed element's edited file
 * whose path another element now takes is a conflict.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generate, loadKit } from "../../src/index.js";
import { update } from "../../src/update/update.js";
import { repoRoot } from "../helpers/cli.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "hs-each-keys-"));
  const kit = path.join(root, "kit");
  cpSync(path.join(repoRoot, "test/fixtures/kits/acme"), kit, { recursive: true });
  rmSync(path.join(kit, "tests"), { recursive: true });
  // Infrastructures by position: k8s_0, k8s_1, … (the element key stays the environment).
  const yaml = path.join(kit, "kit.yaml");
  writeFileSync(yaml, readFileSync(yaml, "utf8").replace('path: "infrastructures/{{suffixed item \\"k8s\\"}}.yaml"', 'path: "infrastructures/k8s_{{index}}.yaml"'));
  const template = path.join(kit, "templates/infrastructure.yaml.hbs");
  writeFileSync(template, readFileSync(template, "utf8").replace('identifier: {{yaml (suffixed item "k8s")}}', 'identifier: {{yaml (concat "k8s_" index)}}'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const out = (file: string): string => path.join(root, "out", file);
const read = (file: string): string => readFileSync(out(file), "utf8");
const edit = (file: string, from: string, to: string): void => writeFileSync(out(file), read(file).replace(from, to));
async function generated(environments: string[]): Promise<void> {
  const kit = loadKit(path.join(root, "kit"), { cwd: root });
  await generate({ kit, generator: "web-service", answers: { name: "orders-web", environments }, outDir: "out", cwd: root });
  expect(read("infrastructures/k8s_1.yaml")).toContain(`environmentRef: ${environments[1] ?? ""}\n`);
}
const updated = (environments: string, resolve: string[] = []) => update({ cwd: root, outDir: "out", set: { environments }, resolve });

describe("each files keep their identity by key", () => {
  it("removing the first environment moves qa's and prod's files, with the team's edits, up one place", async () => {
    await generated(["dev", "qa", "prod"]);
    edit("infrastructures/k8s_1.yaml", "namespace: orders-web-qa", "namespace: qa-sandbox");
    edit("infrastructures/k8s_2.yaml", "  deploymentType:", "  # prod: ask #orders first\n  deploymentType:");
    const r = await updated("qa,prod");
    expect(r.conflicts).toEqual([]);
    const first = read("infrastructures/k8s_0.yaml");
    expect(first).toContain("identifier: k8s_0\n");
    expect(first).toContain("environmentRef: qa\n");
    expect(first).toContain("namespace: qa-sandbox\n");
    const second = read("infrastructures/k8s_1.yaml");
    expect(second).toContain("identifier: k8s_1\n");
    expect(second).toContain("environmentRef: prod\n");
    expect(second).toContain("  # prod: ask #orders first\n  deploymentType:");
    expect(second).toContain("namespace: orders-web-prod\n");
    expect(existsSync(out("infrastructures/k8s_2.yaml"))).toBe(false);
    expect(existsSync(out("environments/dev.yaml"))).toBe(false);
    expect(r.notes).toContain("out/infrastructures/k8s_0.yaml: moved from infrastructures/k8s_1.yaml (the same element's file; its path changed)");
    const manifest = JSON.parse(read("harness-scaffold.json")) as { runs: Array<{ keys: Record<string, string> }> };
    expect(manifest.runs[0]?.keys).toMatchObject({ "infrastructures/k8s_0.yaml": "qa", "infrastructures/k8s_1.yaml": "prod" });
    const again = await updated("qa,prod");
    expect(again.changed).toBe(false);
  });

  it("an environment put in front starts from the kit's render; the others keep their edits", async () => {
    await generated(["dev", "prod"]);
    edit("infrastructures/k8s_0.yaml", "namespace: orders-web-dev", "namespace: dev-sandbox");
    const r = await updated("qa,dev,prod");
    expect(r.conflicts).toEqual([]);
    expect(read("infrastructures/k8s_0.yaml")).toContain("environmentRef: qa\n");
    expect(read("infrastructures/k8s_0.yaml")).toContain("namespace: orders-web-qa\n");
    expect(read("infrastructures/k8s_1.yaml")).toMatch(/environmentRef: dev\n[\s\S]*namespace: dev-sandbox\n/);
    expect(read("infrastructures/k8s_2.yaml")).toContain("environmentRef: prod\n");
  });

  it("a removed environment whose edited file another takes is a conflict; --resolve FILE=theirs drops the edits", async () => {
    await generated(["dev", "qa"]);
    edit("infrastructures/k8s_0.yaml", "namespace: orders-web-dev", "namespace: dev-sandbox");
    const before = read("infrastructures/k8s_0.yaml");
    const stopped = await updated("qa");
    expect(stopped.written).toBe(false);
    expect(stopped.conflicts).toMatchObject([{ file: "out/infrastructures/k8s_0.yaml", path: "element dev", reason: expect.stringContaining("element dev is no longer rendered and element qa's file now takes this path") as unknown }]);
    expect(read("infrastructures/k8s_0.yaml")).toBe(before);
    const settled = await updated("qa", ["infrastructures/k8s_0.yaml=theirs"]);
    expect(settled.written).toBe(true);
    expect(read("infrastructures/k8s_0.yaml")).toContain("environmentRef: qa\n");
    expect(existsSync(out("infrastructures/k8s_1.yaml"))).toBe(false);
  });
});
