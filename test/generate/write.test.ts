/** Writing: conflicts, unchanged files, dry runs, the shared manifest, symlinks, all-or-nothing. */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generate, isKitError } from "../../src/index.js";
import { commitChanges } from "../../src/write/commit.js";
import type { FileChange } from "../../src/write/changes.js";
import { readTree, tempDir } from "./helpers.js";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());
function scratch(): string {
  const { dir, done } = tempDir("hs-write-");
  cleanup = done;
  return dir;
}

const project = (name: string) => ({ generator: "project", answers: { name, identifier: "payments" }, outDir: "out" });

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; hint?: string }> {
  try {
    await promise;
  } catch (error) {
    if (isKitError(error)) return { code: error.code, message: error.message, hint: error.hint };
    throw error;
  }
  throw new Error("expected a failure");
}

describe("writing files", () => {
  it("refuses to overwrite other content without force, listing the files, then overwrites with force", async () => {
    const cwd = scratch();
    await generate({ ...project("Payments"), cwd });
    const before = readFileSync(path.join(cwd, "out/project.json"), "utf8");
    const f = await failure(generate({ ...project("Payments Two"), cwd }));
    expect(f.code).toBe("E_CONFLICT");
    expect(f.message).toBe("a file already exists with other content:\n  out/project.json");
    expect(f.hint).toContain("--force");
    expect(readFileSync(path.join(cwd, "out/project.json"), "utf8")).toBe(before);
    const forced = await generate({ ...project("Payments Two"), cwd, force: true });
    expect(forced.files.map((x) => [x.path, x.action])).toEqual([["project.json", "update"], ["harness-scaffold.json", "update"]]);
    expect(JSON.parse(readFileSync(path.join(cwd, "out/project.json"), "utf8")).project.name).toBe("Payments Two");
  });

  it("reports identical files as unchanged and writes nothing new", async () => {
    const cwd = scratch();
    await generate({ ...project("Payments"), cwd });
    const again = await generate({ ...project("Payments"), cwd });
    expect(again.files.every((x) => x.action === "unchanged")).toBe(true);
  });

  it("dry run: returns diffs against the disk and writes nothing", async () => {
    const cwd = scratch();
    const fresh = await generate({ ...project("Payments"), cwd, dryRun: true });
    expect(existsSync(path.join(cwd, "out"))).toBe(false);
    expect(fresh.files[0]).toMatchObject({ path: "project.json", action: "create" });
    expect(fresh.files[0]!.diff).toContain('+    "name": "Payments",');
    expect(fresh.files[0]!.diff).toContain("--- /dev/null");
    await generate({ ...project("Payments"), cwd });
    const changed = await generate({ ...project("Payments Two"), cwd, dryRun: true });
    expect(changed.files[0]!.diff).toContain('-    "name": "Payments",');
    expect(changed.files[0]!.diff).toContain('+    "name": "Payments Two",');
    expect(JSON.parse(readFileSync(path.join(cwd, "out/project.json"), "utf8")).project.name).toBe("Payments");
  });

  it("merges the manifest across runs that share an out dir", async () => {
    const cwd = scratch();
    await generate({ ...project("Payments"), cwd });
    await generate({ generator: "connector", answers: { type: "K8sCluster", name: "cluster", project: "payments", delegateSelectors: ["d"] }, outDir: "out", cwd });
    await generate({ ...project("Payments Two"), cwd, force: true });
    const manifest = JSON.parse(readFileSync(path.join(cwd, "out/harness-scaffold.json"), "utf8"));
    expect(manifest.runs.map((r: { generator: string; identifier: string }) => `${r.generator}:${r.identifier}`)).toEqual(["project:payments", "connector:cluster"]);
    expect(manifest.runs[0].answers.name).toBe("Payments Two");
    expect(Object.keys(manifest.files)).toEqual(["connectors/cluster.json", "project.json"]);
    expect(manifest.files["project.json"].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses to replace a file that is not a manifest unless forced", async () => {
    const cwd = scratch();
    mkdirSync(path.join(cwd, "out"));
    writeFileSync(path.join(cwd, "out/harness-scaffold.json"), "my notes");
    const f = await failure(generate({ ...project("Payments"), cwd }));
    expect(f).toMatchObject({ code: "E_CONFLICT", message: "out/harness-scaffold.json is not a harness-scaffold manifest; refusing to replace it" });
    expect(existsSync(path.join(cwd, "out/project.json"))).toBe(false);
    await generate({ ...project("Payments"), cwd, force: true });
    expect(JSON.parse(readFileSync(path.join(cwd, "out/harness-scaffold.json"), "utf8")).kit).toBe("harness-scaffold");
  });

  it("never follows a symlinked folder out of the out dir, and writes none of the run's files", async () => {
    const cwd = scratch();
    const outside = path.join(cwd, "outside");
    mkdirSync(outside);
    mkdirSync(path.join(cwd, "out"));
    symlinkSync(outside, path.join(cwd, "out/connectors"));
    const f = await failure(generate({ generator: "service", answers: { name: "svc", gitUrl: "https://github.com/a/svc", image: "a/svc" }, outDir: "out", cwd }));
    expect(f.code).toBe("E_IO");
    expect(f.message).toMatch(/^refusing to write out\/connectors\/\w+\.json: connectors is a symlink to .*outside, outside the out dir$/);
    expect(readdirSync(outside)).toEqual([]);
    expect(Object.keys(readTree(path.join(cwd, "out")))).toEqual([]);
  });

  it("refuses to write through a symlink at the target itself", async () => {
    const cwd = scratch();
    mkdirSync(path.join(cwd, "out"));
    writeFileSync(path.join(cwd, "elsewhere.json"), "{}");
    symlinkSync(path.join(cwd, "elsewhere.json"), path.join(cwd, "out/project.json"));
    const f = await failure(generate({ ...project("Payments"), cwd }));
    expect(f.message).toContain("refusing to write out/project.json: it is a symlink");
    expect(readFileSync(path.join(cwd, "elsewhere.json"), "utf8")).toBe("{}");
  });
});

describe("all-or-nothing commits", () => {
  const change = (dir: string, rel: string, text: string, before?: string): FileChange => ({
    path: rel,
    absolute: path.join(dir, rel),
    text,
    before,
    action: before === undefined ? "create" : "update",
  });

  it("removes what it created when a later file cannot be written", async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "blocker"), "a file where a folder should be");
    const f = await failure(commitChanges([change(dir, "a/one.json", "1"), change(dir, "blocker/two.json", "2")], "out"));
    expect(f.code).toBe("E_IO");
    expect(f.message).toMatch(/nothing was changed$/);
    expect(readdirSync(dir)).toEqual(["blocker"]);
  });

  it("puts old content back when a rename fails midway", async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "one.json"), "old");
    mkdirSync(path.join(dir, "two.json"));
    writeFileSync(path.join(dir, "two.json", "keep"), "x");
    const f = await failure(commitChanges([change(dir, "one.json", "new", "old"), change(dir, "two.json", "2"), change(dir, "three.json", "3")], "out"));
    expect(f.code).toBe("E_IO");
    expect(readFileSync(path.join(dir, "one.json"), "utf8")).toBe("old");
    expect(readdirSync(dir).sort()).toEqual(["one.json", "two.json"]);
  });
});
