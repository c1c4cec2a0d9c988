/**
 * `update --kit` end to end (in-process CLI, out dir in the system temp dir, outside any git
 * repository): a hand-written kit "golden" (a copy of the built-in kit) generates a service; its
 * v2 changes a timeout, adds a step, a variable per environment and a whole new pipeline; the
 * team's edits survive. Also file policies (once, enforced) and where the kit source is recorded.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SAMPLE_SERVICE_ANSWERS } from "../../src/index.js";
import type { RunResult } from "../helpers/cli.js";
import { repoRoot, runInProcess } from "../helpers/cli.js";
import { readTree } from "../generate/helpers.js";
import { TEAM_STEP, toV2Templates } from "./helpers.js";

const CD = "pipelines/payments_api_cd.yaml";
const NIGHTLY = "pipelines/payments_api_nightly.yaml";

let root: string;
const out = (): string => path.join(root, ".harness");
const run = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> =>
  runInProcess(args, { cwd: options.cwd ?? root, env: options.env ?? {} });
const read = (file: string): string => readFileSync(path.join(out(), file), "utf8");
const write = (file: string, text: string): void => writeFileSync(path.join(out(), file), text);
const manifestRun = (): { kit: { name: string; version: string; source: string }; files: string[]; policies?: Record<string, string> } =>
  (JSON.parse(read("harness-scaffold.json")) as { runs: Array<ReturnType<typeof manifestRun>> }).runs[0] as ReturnType<typeof manifestRun>;

/** Copies the built-in kit to kits/<folder> as kit "golden" at `version`, its kit.yaml edited by `edit`. */
function makeKit(folder: string, version: string, edit: (yaml: string) => string = (y) => y): string {
  const dir = path.join(root, "kits", folder);
  cpSync(path.join(repoRoot, "templates"), path.join(dir, "templates"), { recursive: true });
  const yaml = readFileSync(path.join(repoRoot, "generators/kit.yaml"), "utf8")
    .replace(/^# yaml-language-server.*\n/, "")
    .replace("name: harness-scaffold\nversion: 0.1.0", `name: golden\nversion: ${version}`);
  writeFileSync(path.join(dir, "kit.yaml"), edit(yaml));
  return dir;
}

/** v2's kit.yaml: a nightly pipeline (the CI template again) rendered before the CD one. */
function addNightly(yaml: string): string {
  const start = yaml.indexOf("      - template: pipeline/ci-build-push.yaml.hbs");
  // The CD pipeline's entry follows the CI one (its template name may be an expression).
  const end = yaml.indexOf("      - template: ", start + 1);
  const nightly = yaml.slice(start, end).replaceAll('"ci"', '"nightly"').replace("}} CI'", "}} nightly'");
  return yaml.slice(0, end) + nightly + yaml.slice(end);
}

function stepIds(text: string, stage: string): string[] {
  const doc = parse(text) as { pipeline: { stages: Array<{ stage: { identifier: string; spec: { execution: { steps: Array<{ step: { identifier: string } }> } } } }> } };
  return doc.pipeline.stages.find((s) => s.stage.identifier === stage)?.stage.spec.execution.steps.map((s) => s.step.identifier) ?? [];
}

function insideGit(dir: string): boolean {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, ".git"))) return true;
    if (path.dirname(d) === d) return false;
  }
}

async function generate(kitFolder: string): Promise<void> {
  const sets = Object.entries(SAMPLE_SERVICE_ANSWERS).flatMap(([k, v]) => ["--set", `${k}=${v}`]);
  const made = await run(["new", "service", "--kit", `kits/${kitFolder}`, "--yes", ...sets]);
  if (made.code !== 0) throw new Error(made.stderr);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "hs-kit-update-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("update --kit to a newer kit version, with team edits", () => {
  it("keeps every edit, applies every kit change (new pipeline too), validates, records v2, and is then up to date", async () => {
    expect(insideGit(root)).toBe(false);
    makeKit("golden-v1", "1.0.0");
    await generate("golden-v1");
    expect(manifestRun().kit).toEqual({ name: "golden", version: "1.0.0", source: "../kits/golden-v1" });

    // The team: its own step where v2 adds one, a comment, dev made a Production environment.
    write(CD, read(CD).replace("  stages:", "  # deploys go dev first, then prod\n  stages:").replace(/(identifier: rollingDeployment[\s\S]*?pruningEnabled: (?:true|false)\n)/, `$1${TEAM_STEP}`));
    write("environments/dev.yaml", read("environments/dev.yaml").replace("type: PreProduction", "type: Production"));

    const v2 = makeKit("golden-v2", "2.0.0", addNightly);
    toV2Templates(path.join(v2, "templates"));
    const check = await run(["update", "--kit", "kits/golden-v2", "--check", "--json"]);
    expect(check.code).toBe(1);
    const listed = JSON.parse(check.stdout) as { files: Array<{ path: string; action: string }> };
    expect(listed.files.filter((f) => f.action !== "unchanged").map((f) => `${f.action} ${f.path}`)).toEqual([
      "update environments/dev.yaml", "update environments/prod.yaml", `update ${CD}`, `create ${NIGHTLY}`,
    ]);
    // Each file says why: the kit moved from 1.0.0 to 2.0.0; the team edited dev.yaml and the CD pipeline.
    const why = listed.files.map((f) => f as { path: string; cause?: string; from?: string; to?: string; edited?: boolean });
    expect(why.map((f) => [f.path, f.cause, f.from, f.to, f.edited])).toEqual([
      ["environments/dev.yaml", "kit-version", "1.0.0", "2.0.0", true],
      ["environments/prod.yaml", "kit-version", "1.0.0", "2.0.0", false],
      [CD, "kit-version", "1.0.0", "2.0.0", true],
      [NIGHTLY, "kit-version", "1.0.0", "2.0.0", undefined],
    ]);
    const text = await run(["update", "--kit", "kits/golden-v2", "--check"]);
    expect(text.stdout).toContain("~ update  environments/prod.yaml  (kit 1.0.0 → 2.0.0)\n");
    expect(text.stdout).toContain("~ update  environments/dev.yaml  (kit 1.0.0 → 2.0.0; edited since generated)\n");

    const r = await run(["update", "--kit", "kits/golden-v2"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("~ stage deploy_dev › step rollingDeployment › timeout: 10m → 15m");
    expect(r.stdout).toContain(`+ create  ${NIGHTLY}`);
    const cd = read(CD);
    expect(cd).toContain("  # deploys go dev first, then prod\n  stages:");
    expect(stepIds(cd, "deploy_dev")).toEqual(["rollingDeployment", "teamCheck", "smokeTest"]);
    expect(stepIds(cd, "deploy_prod")).toEqual(["rollingDeployment", "smokeTest"]);
    expect(cd.match(/timeout: 15m/g)).toHaveLength(2);
    expect(read("environments/dev.yaml")).toContain("type: Production");
    expect(read("environments/dev.yaml")).toContain("- name: LOG_LEVEL");
    expect(read("environments/prod.yaml")).toContain("- name: LOG_LEVEL");
    expect(parse(read(NIGHTLY))).toMatchObject({ pipeline: { identifier: "payments_api_nightly", name: "payments-api nightly" } });
    expect(manifestRun().kit).toEqual({ name: "golden", version: "2.0.0", source: "../kits/golden-v2" });
    expect(manifestRun().files).toContain(NIGHTLY);

    expect((await run(["validate", ".harness"])).code).toBe(0);
    // The recorded kit is now v2: a plain check, from any folder, finds nothing to do.
    expect((await run(["update", "--check"])).code).toBe(0);
    expect((await run(["update", "--check", "--out", "."], { cwd: out() })).code).toBe(0);
    const before = readTree(out(), { withBases: true });
    expect((await run(["update"], { env: { HARNESS_SCAFFOLD_KIT: "kits/golden-v2" } })).code).toBe(0);
    expect(readTree(out(), { withBases: true })).toEqual(before);
  });

  it("HARNESS_SCAFFOLD_KIT stands for --kit; a kit that made none of the runs is refused, nothing written", async () => {
    makeKit("golden-v1", "1.0.0");
    await generate("golden-v1");
    makeKit("golden-v2", "2.0.0", addNightly);
    const other = makeKit("other", "1.0.0", (y) => y.replace("name: golden", "name: other"));
    const before = readTree(out(), { withBases: true });
    const refused = await run(["update", "--kit", other]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("kit other made none of the runs in .harness/harness-scaffold.json (they come from golden)");
    expect(readTree(out(), { withBases: true })).toEqual(before);

    const r = await run(["update"], { env: { HARNESS_SCAFFOLD_KIT: "kits/golden-v2" } });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(out(), NIGHTLY))).toBe(true);
    expect(manifestRun().kit.version).toBe("2.0.0");
  });
});

describe("file policies in update", () => {
  it("once: never touched again; enforced: the kit's render wins over team edits; both reported; policies recomputed", async () => {
    const withPolicies = (y: string): string =>
      y.replace('        path: "services/{{identifier}}.yaml"\n', '        path: "services/{{identifier}}.yaml"\n        policy: once\n')
        .replace("        path: \"infrastructures/{{suffixed item \\\"k8s\\\"}}.yaml\"\n", "        path: \"infrastructures/{{suffixed item \\\"k8s\\\"}}.yaml\"\n        policy: enforced\n");
    makeKit("golden-v1", "1.0.0", withPolicies);
    await generate("golden-v1");
    expect(manifestRun().policies).toEqual({ "infrastructures/dev_k8s.yaml": "enforced", "infrastructures/prod_k8s.yaml": "enforced", "services/payments_api.yaml": "once" });
    write("services/payments_api.yaml", `# ours now\n${read("services/payments_api.yaml")}`);
    write("infrastructures/dev_k8s.yaml", `# team note\n${read("infrastructures/dev_k8s.yaml")}`);
    const service = read("services/payments_api.yaml");

    // v2 changes both templates, and enforces project.json too.
    const v2 = makeKit("golden-v2", "2.0.0", (y) => withPolicies(y).replace("        path: project.json\n        identifier: \"{{project}}\"\n", "        path: project.json\n        identifier: \"{{project}}\"\n        policy: enforced\n"));
    for (const [file, from, to] of [["service/service.yaml.hbs", "service:\n", "service:\n  # kit v2\n"], ["service/infrastructure.yaml.hbs", "infrastructureDefinition:\n", "infrastructureDefinition:\n  # kit v2\n"]] as const) {
      const t = path.join(v2, "templates", file);
      writeFileSync(t, readFileSync(t, "utf8").replace(from, to));
    }
    const r = await run(["update", "--kit", "kits/golden-v2"]);
    expect(r.code, r.stderr).toBe(0);
    expect(read("services/payments_api.yaml")).toBe(service);
    expect(r.stdout).toContain("services/payments_api.yaml: written once, now yours; the kit's changes to it were not applied");
    expect(read("infrastructures/dev_k8s.yaml")).not.toContain("# team note");
    expect(read("infrastructures/dev_k8s.yaml")).toContain("# kit v2");
    expect(r.stdout).toContain("infrastructures/dev_k8s.yaml: enforced by the kit; your edits were replaced by its render");
    expect(manifestRun().policies).toEqual({
      "infrastructures/dev_k8s.yaml": "enforced", "infrastructures/prod_k8s.yaml": "enforced", "project.json": "enforced", "services/payments_api.yaml": "once",
    });
  });
});

describe("kit migrations in update", () => {
  it("renames recorded answers and moves the team's files (and their bases) before merging", async () => {
    const acme = path.join(repoRoot, "test/fixtures/kits/acme");
    cpSync(acme, path.join(root, "kits/acme-v1"), { recursive: true });
    const made = await run(["new", "web-service", "--kit", "kits/acme-v1", "--yes", "--set", "name=orders-web", "--set", "team=payments"]);
    expect(made.code, made.stderr).toBe(0);
    write("infrastructures/dev_k8s.yaml", read("infrastructures/dev_k8s.yaml").replace("  deploymentType:", "  # pinned by the orders team\n  deploymentType:"));

    // v2 renames the answer team → owner and the infrastructures *_k8s → *_cluster, and says so.
    const v2 = path.join(root, "kits/acme-v2");
    cpSync(acme, v2, { recursive: true });
    const edit = (file: string, f: (t: string) => string): void => writeFileSync(path.join(v2, file), f(readFileSync(path.join(v2, file), "utf8")));
    edit("kit.yaml", (t) => `${t.replace("version: 1.0.0", "version: 2.0.0").replace("key: team", "key: owner").replace("concat team", "concat owner").replace('suffixed item \\"k8s\\"', 'suffixed item \\"cluster\\"')}
migrations:
  - version: 1.5.0
    renameAnswers: { team: owner }
  - version: 2.0.0
    moveFiles:
      infrastructures/dev_k8s.yaml: infrastructures/dev_cluster.yaml
      infrastructures/prod_k8s.yaml: infrastructures/prod_cluster.yaml
`);
    for (const t of ["environment.yaml.hbs", "service.yaml.hbs", "project.json.hbs"]) edit(`templates/${t}`, (x) => x.replaceAll("team}}", "owner}}").replace("concat team", "concat owner"));
    edit("templates/infrastructure.yaml.hbs", (x) => x.replaceAll('"k8s"', '"cluster"').replace('" k8s"', '" cluster"'));
    const check = await run(["kit", "check", "kits/acme-v2"]);
    expect(check.stdout).toBe("kit acme-golden-paths: no problems found.\n");

    const r = await run(["update", "--kit", "kits/acme-v2"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(".harness/infrastructures/dev_cluster.yaml: moved from infrastructures/dev_k8s.yaml (the kit's migrations)");
    expect(existsSync(path.join(out(), "infrastructures/dev_k8s.yaml"))).toBe(false);
    const dev = read("infrastructures/dev_cluster.yaml");
    expect(dev).toContain("  # pinned by the orders team\n  deploymentType:");
    expect(dev).toContain("identifier: dev_cluster");
    expect(read("services/orders_web.yaml")).toContain("team: payments");
    const recorded = JSON.parse(read("harness-scaffold.json")) as { runs: Array<{ answers: Record<string, unknown>; files: string[] }> };
    expect(recorded.runs[0]?.answers.owner).toBe("payments");
    expect(recorded.runs[0]?.answers.team).toBeUndefined();
    expect(recorded.runs[0]?.files).toContain("infrastructures/prod_cluster.yaml");
    expect((await run(["validate", ".harness"])).code).toBe(0);
    expect((await run(["update", "--check"])).code).toBe(0);
  });
});
