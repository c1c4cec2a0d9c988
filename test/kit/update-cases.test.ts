/**
 * `kit test` update cases (tests/<case>/update/): the acme fixture's upgrade from 0.9.0 (base
 * files, team edits, --set) and its conflict case pass; a wrong expected file fails with its diff;
 * conflicts.txt is what the update must stop at; a recorded manifest in base/ is honoured;
 * `kit check` names every layout problem at its place.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkKit, generate, loadKit, testKit } from "../../src/index.js";
import { runInProcess } from "../helpers/cli.js";
import { tempDir } from "../generate/helpers.js";

const acme = path.resolve("test/fixtures/kits/acme");
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const done of cleanups) done();
  cleanups = [];
});
/** A copy of acme without its render case (these tests are about update cases). */
function acmeCopy(): { cwd: string; kit: string; upgrade: string; conflict: string } {
  const { dir, done } = tempDir("hs-kit-upd-");
  cleanups.push(done);
  const kit = path.join(dir, "acme");
  cpSync(acme, kit, { recursive: true });
  rmSync(path.join(kit, "tests/default"), { recursive: true });
  return { cwd: dir, kit, upgrade: path.join(kit, "tests/upgrade/update"), conflict: path.join(kit, "tests/conflict/update") };
}
const kitTest = (cwd: string, ...args: string[]) => runInProcess(["kit", "test", "acme", ...args], { cwd, env: {} });

describe("kit test update cases", { timeout: 60_000 }, () => {
  it("the acme upgrade case holds the kit's changes, the team's edits and the --set environment", async () => {
    const expected = path.join(acme, "tests/upgrade/update/expected");
    const prod = readFileSync(path.join(expected, "infrastructures/prod_k8s.yaml"), "utf8");
    expect(prod).toContain("    namespace: orders-web-prod\n    releaseName: release-<+INFRA_KEY_SHORT_ID>\n  allowSimultaneousDeployments: true\n");
    expect(readFileSync(path.join(expected, "services/orders_web.yaml"), "utf8")).toContain("    team: payments\n    # on call: #orders-oncall\n    owner: orders-team\n");
    expect(existsSync(path.join(expected, "infrastructures/qa_k8s.yaml"))).toBe(true);
    const { cwd } = acmeCopy();
    const r = await kitTest(cwd);
    expect([r.code, r.stdout]).toEqual([0, "pass    conflict/update (web-service)\npass    upgrade/update (web-service)\nkit acme-golden-paths: 2 cases passed.\n"]);
  });

  it("fails with the diff when the result differs from expected/, and --update accepts it", async () => {
    const { cwd, upgrade } = acmeCopy();
    const file = path.join(upgrade, "expected/infrastructures/prod_k8s.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("allowSimultaneousDeployments: true", "allowSimultaneousDeployments: false"));
    const failed = await kitTest(cwd);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("FAIL    upgrade/update (web-service)");
    expect(failed.stdout).toContain("--- expected/infrastructures/prod_k8s.yaml\n+++ updated/infrastructures/prod_k8s.yaml");
    expect(failed.stdout).toContain("-  allowSimultaneousDeployments: false\n+  allowSimultaneousDeployments: true");
    expect(failed.stdout).toContain("kit acme-golden-paths: 1 of 2 cases failed.");
    expect((await kitTest(cwd, "--update")).code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("allowSimultaneousDeployments: true");
    expect((await kitTest(cwd)).code).toBe(0);
  });

  it("a conflict the case does not list fails, showing base, ours and theirs; one it lists passes", async () => {
    const { cwd, conflict } = acmeCopy();
    expect(readFileSync(path.join(conflict, "conflicts.txt"), "utf8")).toBe("infrastructures/dev_k8s.yaml: spec › namespace\n");
    // Nothing was written: expected/ holds the team's file as it was.
    expect(readFileSync(path.join(conflict, "expected/infrastructures/dev_k8s.yaml"), "utf8")).toContain("namespace: orders-sandbox\n");
    rmSync(path.join(conflict, "conflicts.txt"));
    const failed = await kitTest(cwd);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("FAIL    conflict/update (web-service)");
    expect(failed.stdout).toContain("the update met other conflicts than tests/conflict/update/conflicts.txt lists:");
    expect(failed.stdout).toMatch(/spec › namespace.*orders-web.*orders-sandbox.*orders-web-dev/s);
    expect(failed.stdout).toContain("+infrastructures/dev_k8s.yaml: spec › namespace");
    // Settled with resolve: ours, the case passes with the team's namespace and the kit's releaseName.
    writeFileSync(path.join(conflict, "case.yaml"), "from: 0.9.0\nresolve: ours\n");
    expect((await kitTest(cwd, "--update")).code).toBe(0);
    expect(readFileSync(path.join(conflict, "expected/infrastructures/dev_k8s.yaml"), "utf8")).toContain("    namespace: orders-sandbox\n    releaseName: release-<+INFRA_KEY_SHORT_ID>\n");
    expect((await kitTest(cwd)).code).toBe(0);
  });

  it("an expected conflict that does not happen fails the case", async () => {
    const { cwd, upgrade } = acmeCopy();
    writeFileSync(path.join(upgrade, "conflicts.txt"), "services/orders_web.yaml: tags › team\n");
    const failed = await kitTest(cwd);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("the update met none of the conflicts tests/upgrade/update/conflicts.txt lists");
  });

  it("uses the manifest base/ carries (as the older kit wrote it) instead of answers.yaml", async () => {
    const { cwd, kit } = acmeCopy();
    const old = loadKit(kit, { cwd });
    await generate({ kit: old, generator: "web-service", answers: { name: "orders-web", environments: ["dev"] }, outDir: "base-out", cwd });
    const dir = path.join(kit, "tests/recorded/update");
    cpSync(path.join(cwd, "base-out"), path.join(dir, "base"), { recursive: true, filter: (src) => !src.includes(".harness-scaffold") });
    // The team edited project.json, a `once` file: the kit leaves it alone.
    const project = path.join(dir, "base/project.json");
    cpSync(project, path.join(dir, "edited/project.json"));
    writeFileSync(path.join(dir, "edited/project.json"), readFileSync(project, "utf8").replace('"#0063F7"', '"#FF0000"'));
    writeFileSync(path.join(kit, "templates/project.json.hbs"), readFileSync(path.join(kit, "templates/project.json.hbs"), "utf8").replace('"#0063F7"', '"#00AA00"'));
    const [accepted] = (await testKit(loadKit(kit, { cwd }), { update: true })).filter((c) => c.name === "recorded/update");
    expect(accepted?.problems).toEqual([]);
    expect(readFileSync(path.join(dir, "expected/project.json"), "utf8")).toContain('"#FF0000"');
    expect(readFileSync(path.join(dir, "expected/environments/dev.yaml"), "utf8")).toContain("identifier: dev");
    expect(existsSync(path.join(dir, "expected/environments/prod.yaml"))).toBe(false);
  });

  it("kit check names each layout problem of an update case", () => {
    const { cwd, upgrade, conflict } = acmeCopy();
    writeFileSync(path.join(upgrade, "case.yaml"), "from: 2.0.0\nsett: {}\ngenerator: web\n");
    writeFileSync(path.join(upgrade, "notes.md"), "x");
    renameSync(path.join(conflict, "answers.yaml"), path.join(conflict, "answers.yml"));
    writeFileSync(path.join(conflict, "edited/pipelines.yaml"), "x: 1\n");
    const shown = (p: string): string => `acme/tests/${p}`;
    expect(checkKit("acme", { cwd }).issues).toEqual([
      { at: shown("conflict/update/answers.yml"), message: "not part of an update case (it holds answers.yaml, case.yaml, conflicts.txt, base, edited, expected)" },
      { at: shown("conflict/update"), message: "an update case needs answers.yaml (the answers the service was first generated with) or base/harness-scaffold.json" },
      { at: shown("conflict/update/edited/pipelines.yaml"), message: expect.stringContaining("not an entity file of the out dir: it is not a place in the layout") as unknown as string },
      { at: shown("upgrade/update/notes.md"), message: "not part of an update case (it holds answers.yaml, case.yaml, conflicts.txt, base, edited, expected)" },
      { at: shown("upgrade/update/case.yaml:2:1"), message: 'unknown field "sett" (fields: from, generator, set, resolve, deleted)' },
      { at: shown("upgrade/update/case.yaml:1:7"), message: "from 2.0.0 is newer than the kit under test (1.0.0)" },
      { at: shown("upgrade/update/case.yaml:3:12"), message: 'generator "web" is not one of the kit\'s (web-service)' },
    ]);
  });

  it("a file where a folder belongs (or the reverse) is a problem, not a crash", async () => {
    const { cwd, upgrade, conflict } = acmeCopy();
    rmSync(path.join(upgrade, "edited"), { recursive: true });
    writeFileSync(path.join(upgrade, "edited"), "x");
    rmSync(path.join(conflict, "conflicts.txt"));
    mkdirSync(path.join(conflict, "conflicts.txt"));
    expect(checkKit("acme", { cwd }).issues).toEqual([
      { at: "acme/tests/conflict/update/conflicts.txt", message: "must be a file" },
      { at: "acme/tests/upgrade/update/edited", message: "must be a folder" },
    ]);
    const r = await kitTest(cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("FAIL    upgrade/update\n          tests/upgrade/update/edited: must be a folder");
  });
});
