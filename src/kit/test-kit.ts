/**
 * `kit test`: a kit's own CI. For each tests/<case>/answers.yaml it renders the case (the real
 * render → validate → write, into a temp dir), compares the files with tests/<case>/expected/
 * (a unified diff per difference; `update` rewrites them), publishes them to an in-process
 * emulator and plans again, expecting every entity unchanged. Each tests/<case>/update/ is an
 * update case (test-update.ts).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { loadAnswersFile } from "../answers/load.js";
import { generate } from "../generate/generate.js";
import { MANIFEST_FILE } from "../layout.js";
import { BASE_DIR } from "../write/base-store.js";
import { parseValueSource } from "../secrets/value-source.js";
import { runInScratch } from "./scratch-case.js";
import type { Kit } from "./types.js";
import { readTree, TESTS_DIR, UPDATE_DIR } from "./update-case.js";

export { readTree, TESTS_DIR } from "./update-case.js";

/** The out dir's own folder (`.harness-scaffold/`), where update keeps its base store. */
const STATE_FOLDER = BASE_DIR.split("/")[0] ?? BASE_DIR;

export interface KitTestCase {
  name: string;
  generator: string;
  passed: boolean;
  /** One sentence per failure; diffs are separate. */
  problems: string[];
  /** Unified diffs, expected → rendered. */
  diffs: string[];
  /** Expected files rewritten (with update). */
  updated: boolean;
}

/** The case's generator: the kit's only one, or the longest generator name the case name starts with. */
export function generatorFor(kit: Kit, name: string): string | undefined {
  const names = kit.specs.map((g) => g.name);
  if (names.length === 1) return names[0];
  return names.filter((g) => name === g || name.startsWith(`${g}-`)).sort((a, b) => b.length - a.length)[0];
}

export interface TestKitOptions {
  /** Rewrite each case's expected/ from what renders now. */
  update?: boolean;
  /** Publish to an in-process emulator and plan again (default true). */
  publish?: boolean;
}

export async function testKit(kit: Kit, options: TestKitOptions = {}): Promise<KitTestCase[]> {
  const root = path.join(kit.origin.dir, TESTS_DIR);
  const names = existsSync(root) ? readdirSync(root).sort() : [];
  const cases: KitTestCase[] = [];
  for (const name of names) {
    if (existsSync(path.join(root, name, "answers.yaml"))) cases.push(await runCase(kit, path.join(root, name), name, options));
    if (!existsSync(path.join(root, name, UPDATE_DIR))) continue;
    // Loaded on demand: update's merge and validation are only needed by kits with update cases.
    const { runUpdateCase } = await import("./test-update.js");
    cases.push(await runUpdateCase(kit, path.join(root, name, UPDATE_DIR), name, options));
  }
  return cases;
}

async function runCase(kit: Kit, dir: string, name: string, options: TestKitOptions): Promise<KitTestCase> {
  const generator = generatorFor(kit, name) ?? "";
  const result: KitTestCase = { name, generator, passed: false, problems: [], diffs: [], updated: false };
  if (generator === "") {
    result.problems.push(`no generator for case "${name}": name the case after its generator (e.g. ${kit.specs[0]?.name ?? "web-service"}-${name})`);
    return result;
  }
  return runInScratch("hs-kit-test-", result, async (scratch) => {
    const answers = await loadAnswersFile(path.join(dir, "answers.yaml"), scratch);
    await generate({ kit, generator, answers: answers.values, outDir: "out", cwd: scratch, useDefaults: true });
    const out = path.join(scratch, "out");
    const rendered = entityFiles(readTree(out));
    const expectedDir = path.join(dir, "expected");
    if (options.update === true) {
      rmSync(expectedDir, { recursive: true, force: true });
      for (const [file, text] of Object.entries(rendered)) {
        mkdirSync(path.dirname(path.join(expectedDir, file)), { recursive: true });
        writeFileSync(path.join(expectedDir, file), text);
      }
      result.updated = true;
    } else {
      await compareTrees(readTree(expectedDir), rendered, result);
    }
    if (options.publish !== false) await publishAndPlan(scratch, stubSecretValues(scratch, rendered), result);
  });
}

/** Only the entity files are a kit's output: not the manifest, nor update's base store. */
export function entityFiles(tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).filter(([file]) => file !== MANIFEST_FILE && !file.startsWith(`${STATE_FOLDER}/`)));
}

export async function compareTrees(expected: Record<string, string>, rendered: Record<string, string>, result: KitTestCase, side = "rendered"): Promise<void> {
  const { createTwoFilesPatch } = await import("diff");
  for (const file of Object.keys(expected)) if (!(file in rendered)) result.problems.push(`expected/${file} is not among the ${side} files`);
  for (const [file, text] of Object.entries(rendered)) {
    const before = expected[file];
    if (before === undefined) result.problems.push(`${file} was ${side} but is not in expected/ (run kit test --update to accept it)`);
    else if (before !== text) result.diffs.push(createTwoFilesPatch(`expected/${file}`, `${side}/${file}`, before, text));
  }
}

/**
 * Stand-in values for the secret files a case renders (a kit test never needs the real ones):
 * an environment variable per `env:` source, a scratch file per `file:` source inside the scratch
 * folder (which is publish's root: it holds no .git), and an answer for `prompt`.
 */
function stubSecretValues(scratch: string, rendered: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [file, text] of Object.entries(rendered)) {
    if (!file.startsWith("secrets/")) continue;
    const doc = parseYaml(text) as { secret?: { valueSource?: unknown } } | null;
    const source = parseValueSource(doc?.secret?.valueSource);
    if (source?.kind === "env") env[source.variable] = "kit-test-placeholder";
    const target = source?.kind === "file" ? path.resolve(scratch, source.path) : undefined;
    if (target !== undefined && !path.relative(scratch, target).startsWith("..") && !existsSync(target)) {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, "kit-test-placeholder");
    }
  }
  return env;
}

/** Publishes the rendered files to a fresh emulator, then plans: everything must be unchanged. */
async function publishAndPlan(scratch: string, secretEnv: Record<string, string>, result: KitTestCase): Promise<void> {
  const [{ startEmulator }, { publish }, { plan }] = await Promise.all([
    import("../emulator/server.js"),
    import("../publish/publish.js"),
    import("../plan/plan.js"),
  ]);
  const emulator = await startEmulator({ port: 0, rateLimit: false });
  try {
    const connect = { cwd: scratch, dirs: ["out"], endpoint: emulator.url, env: { ...secretEnv, HARNESS_PLATFORM_API_KEY: emulator.token } };
    const published = await publish({ ...connect, stateDir: path.join(scratch, "state"), promptSecret: () => Promise.resolve("kit-test-placeholder") });
    for (const item of published.results.filter((r) => r.action === "failed")) {
      result.problems.push(`publish to the emulator failed for ${item.kind} ${item.identifier}: ${item.error ?? "no reason given"}`);
    }
    if (!published.ok) return;
    const again = await plan(connect);
    // A secret's value is never read back, so a published secret plans as "exists": nothing to do.
    for (const item of again.plan.filter((p) => p.action !== "unchanged" && p.action !== "exists")) {
      result.problems.push(`after publishing, plan says ${item.action} for ${item.kind} ${item.identifier} (expected unchanged)`);
    }
  } finally {
    await emulator.close();
  }
}
