/**
 * `update` of a run generated with a kit that includes another (in-process CLI, out dir in the
 * system temp dir): the kit is loaded again as it is now, its includes too, so a newer platform kit
 * pinned by a newer team kit rolls out, team edits kept; a stale pin is refused with nothing written.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunResult } from "../helpers/cli.js";
import { repoRoot, runInProcess } from "../helpers/cli.js";
import { readTree, tempDir } from "../generate/helpers.js";

const PIPELINE = "pipelines/orders_ci.yaml";
let root: string;
let done: () => void;
beforeEach(() => {
  ({ dir: root, done } = tempDir("hs-include-update-"));
  cpSync(path.join(repoRoot, "test/fixtures/kits/include"), root, { recursive: true });
});
afterEach(() => done());

const run = (args: string[]): Promise<RunResult> => runInProcess(args, { cwd: root, env: {} });
const read = (file: string): string => readFileSync(path.join(root, ".harness", file), "utf8");
const edit = (file: string, change: (text: string) => string): void => writeFileSync(file, change(readFileSync(file, "utf8")));
const manifestKit = (): unknown => (JSON.parse(read("harness-scaffold.json")) as { runs: Array<{ kit: unknown }> }).runs[0]?.kit;

describe("update of a run from an including kit", () => {
  it("re-renders through the included kit as it is now, keeping the team's edits", async () => {
    const made = await run(["new", "pipeline", "--kit", "team", "--yes", "--set", "name=orders ci", "--set", "template=build"]);
    expect(made.code, made.stderr).toBe(0);
    expect(manifestKit()).toEqual({ name: "acme-payments", version: "0.3.0", source: "../team" });
    expect((await run(["update", "--check"])).code).toBe(0);

    edit(path.join(root, ".harness", PIPELINE), (t) => t.replace("script: echo build", "script: echo build && make test"));
    // The platform's 1.3.0 changes the build pipeline; the team's 0.4.0 pins it.
    edit(path.join(root, "platform-base/templates/pipeline/build.yaml.hbs"), (t) => t.replace("timeout: 10m", "timeout: 15m"));
    edit(path.join(root, "platform-base/kit.yaml"), (t) => t.replace("version: 1.2.0", "version: 1.3.0"));
    edit(path.join(root, "team/kit.yaml"), (t) => t.replace("version: 0.3.0", "version: 0.4.0").replace("version: 1.2.0", "version: 1.3.0"));

    const r = await run(["update"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`~ update  ${PIPELINE}`);
    const pipeline = read(PIPELINE);
    expect(pipeline).toContain("timeout: 15m");
    expect(pipeline).toContain("script: echo build && make test");
    expect(manifestKit()).toEqual({ name: "acme-payments", version: "0.4.0", source: "../team" });
    expect((await run(["update", "--check"])).code).toBe(0);
  });

  it("refuses when the including kit pins an older version than the included kit now has; nothing written", async () => {
    expect((await run(["new", "service", "--kit", "team", "--yes", "--set", "name=payments-api"])).code).toBe(0);
    edit(path.join(root, "platform-base/kit.yaml"), (t) => t.replace("version: 1.2.0", "version: 1.3.0"));
    const before = readTree(path.join(root, ".harness"), { withBases: true });
    const r = await run(["update"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('team/kit.yaml:8:14: include "../platform-base" pins version 1.2.0, but the kit there is acme-platform 1.3.0');
    expect(readTree(path.join(root, ".harness"), { withBases: true })).toEqual(before);
  });
});
