/** `new` and `list` as users run them: the built binary in a temp dir (run `npm run build` first). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runBin } from "../helpers/cli.js";
import { tempDir } from "./helpers.js";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
function scratch(): string {
  const { dir, done } = tempDir("hs-cli-");
  cleanup = done;
  return dir;
}
const SERVICE = ["--set", "name=payments-api", "--set", "gitUrl=https://github.com/acme/payments-api", "--set", "image=acme/payments-api"];
const read = (cwd: string, file: string): string => readFileSync(path.join(cwd, file), "utf8");

describe("harness-scaffold new", { timeout: 60_000 }, () => {
  it("--yes renders the service into .harness, shows derived answers, exit 0", async () => {
    const cwd = scratch();
    const r = await runBin(["new", "service", "--yes", ...SERVICE], { cwd });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  identifier: payments_api (derived; set identifier=… to choose another)\n");
    expect(r.stdout).toContain("  create     .harness/services/payments_api.yaml\n");
    expect(r.stdout).toMatch(/service: wrote 18 files to \.harness\.\n$/);
    expect(read(cwd, ".harness/pipelines/payments_api_cd.yaml")).toContain("serviceRef: payments_api");
  });

  it("without a terminal and without --yes, a missing required answer names the key, exit 2", async () => {
    const r = await runBin(["new", "project", "--out", "out"], { cwd: scratch() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'harness-scaffold: error: missing required answer "name" (Project name)\n' +
        '  hint: see every answer key with "harness-scaffold list project"; pass answers with --set key=value or --answers FILE\n',
    );
  });

  it("--answers reads YAML, --set wins over it", async () => {
    const cwd = scratch();
    writeFileSync(path.join(cwd, "answers.yaml"), "name: From File\ncolor: '#111111'\nmodules: [CD]\n");
    const r = await runBin(["new", "project", "--answers", "answers.yaml", "--set", "name=From Flag", "--out", "out"], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(read(cwd, "out/project.json")).project).toMatchObject({ name: "From Flag", identifier: "From_Flag", color: "#111111", modules: ["CD"] });
  });

  it("points at the answers file line of a bad answer, exit 2, nothing written", async () => {
    const cwd = scratch();
    writeFileSync(path.join(cwd, "answers.json"), '{\n  "name": "ok",\n  "identifier": "../x"\n}\n');
    const r = await runBin(["new", "project", "--answers", "answers.json", "--out", "out"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('harness-scaffold: error: answers.json:3:3: identifier "../x" may only contain letters, digits and _, and must not start with a digit\n');
    expect(existsSync(path.join(cwd, "out"))).toBe(false);
  });

  it("reports a missing answers file, exit 2", async () => {
    const r = await runBin(["new", "project", "--answers", "nope.yaml"], { cwd: scratch() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("harness-scaffold: error: cannot read answers file nope.yaml: no such file\n");
  });

  it("--dry-run prints a diff and writes nothing", async () => {
    const cwd = scratch();
    const r = await runBin(["new", "project", "--yes", "--set", "name=Payments", "--out", "out", "--dry-run"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  would create     out/project.json\n");
    expect(r.stdout).toContain("+++ b/out/project.json");
    expect(r.stdout).toContain('+    "name": "Payments",');
    expect(r.stdout).toContain("nothing was written.");
    expect(existsSync(path.join(cwd, "out"))).toBe(false);
  });

  it("refuses to overwrite other content (exit 1, files listed), shows it with --dry-run, overwrites with --force", async () => {
    const cwd = scratch();
    expect((await runBin(["new", "project", "--yes", "--set", "name=Payments", "--set", "identifier=pay", "--out", "out"], { cwd })).code).toBe(0);
    const args = ["new", "project", "--yes", "--set", "name=Payments Two", "--set", "identifier=pay", "--out", "out"];
    const refused = await runBin(args, { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      "harness-scaffold: error: a file already exists with other content:\n  out/project.json\n" +
        "  hint: re-run with --force to overwrite, or --dry-run to see the differences\n",
    );
    const dry = await runBin([...args, "--dry-run"], { cwd });
    expect(dry.stdout).toContain("  would update     out/project.json  (needs --force)\n");
    expect(dry.stdout).toContain('-    "name": "Payments",\n+    "name": "Payments Two",');
    const forced = await runBin([...args, "--force"], { cwd });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("  update     out/project.json\n");
    expect(JSON.parse(read(cwd, "out/project.json")).project.name).toBe("Payments Two");
    const again = await runBin(args, { cwd });
    expect(again.stdout).toContain("  unchanged  out/project.json\n");
  });

  it("--json prints what was written", async () => {
    const cwd = scratch();
    const r = await runBin(["new", "project", "--json", "--set", "name=payments-api", "--out", "out"], { cwd });
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ generator: "project", outDir: path.join(cwd, "out"), dryRun: false, derived: [{ key: "identifier", value: "payments_api" }] });
    expect(result.files).toEqual([{ path: "project.json", action: "create" }, { path: "harness-scaffold.json", action: "create" }]);
  });

  it("bad usage exits 2 with a suggestion", async () => {
    const unknown = await runBin(["new", "servcie", "--yes"], { cwd: scratch() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('harness-scaffold: error: unknown generator "servcie" (did you mean "service"?)');
    const none = await runBin(["new"], { cwd: scratch() });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("harness-scaffold: error: new needs a generator: project, connector, pipeline, service");
    const badSet = await runBin(["new", "project", "--set", "name"], { cwd: scratch() });
    expect(badSet.stderr).toContain('harness-scaffold: error: --set "name" is not key=value');
    expect(badSet.code).toBe(2);
  });

  it("a broken --templates override is a template error naming it, exit 1", async () => {
    const cwd = scratch();
    mkdirSync(path.join(cwd, "tpl/project"), { recursive: true });
    writeFileSync(path.join(cwd, "tpl/project/project.json.hbs"), '{ "project": {{json name}} ');
    const r = await runBin(["new", "project", "--yes", "--set", "name=p", "--templates", "tpl"], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^harness-scaffold: error: template tpl\/project\/project\.json\.hbs rendered JSON that does not parse/);
    expect(existsSync(path.join(cwd, ".harness"))).toBe(false);
  });

  it("--help describes every option", async () => {
    const r = await runBin(["new", "--help"]);
    expect(r.code).toBe(0);
    for (const flag of ["--answers", "--set", "--yes", "--out", "--templates", "--force", "--dry-run", "--json"]) expect(r.stdout).toContain(flag);
  });
});

describe("harness-scaffold list", () => {
  it("lists every generator with its answer keys", async () => {
    const r = await runBin(["list"]);
    expect(r.code).toBe(0);
    for (const name of ["project", "connector", "pipeline", "service", "stage-template"]) expect(r.stdout).toMatch(new RegExp(`^${name} — `, "m"));
    expect(r.stdout).toContain("  providerType            Registry provider [default DockerHub; one of DockerHub|Harbor|Quay|Other; when type is DockerRegistry]");
    expect(r.stdout).toContain("  gitUrl                  Git repository URL (https) [required]");
  });

  it("--json gives the keys with defaults, choices and conditions", async () => {
    const r = await runBin(["list", "pipeline", "--json"]);
    const { generators } = JSON.parse(r.stdout) as { generators: Array<{ name: string; answers: Array<Record<string, unknown>> }> };
    expect(generators.map((g) => g.name)).toEqual(["pipeline"]);
    expect(generators[0]!.answers.find((a) => a.key === "template")).toEqual({
      key: "template", kind: "choice", description: "Pipeline template", required: true, prompted: true,
      choices: ["cd-kubernetes", "ci-build-push", "runtime-inputs"],
    });
  });
});
