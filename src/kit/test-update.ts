/**
 * `kit test`'s update cases (layout: update-case.ts). In a scratch folder: the out dir as the
 * older kit left it (base/ files, their base store entries and a manifest recording `from`),
 * the team's edits over it, then the real `update` with the kit under test. The out dir's files
 * must equal expected/, and the conflicts met must be those conflicts.txt lists. `--update`
 * rewrites both from what happens now.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AnswerValue } from "../answers/spec.js";
import { KitError } from "../errors.js";
import { MANIFEST_FILE } from "../layout.js";
import { kitVersion } from "../paths.js";
import { baseEntries } from "../write/base-store.js";
import type { Manifest, ManifestRun } from "../write/manifest.js";
import { manifestText, mergeManifest, readManifest } from "../write/manifest.js";
import { describeConflict } from "../merge/describe.js";
import { kitRecord } from "./record.js";
import { renderRun } from "./render-run.js";
import { runInScratch } from "./scratch-case.js";
import type { KitTestCase, TestKitOptions } from "./test-kit.js";
import { compareTrees, entityFiles, generatorFor } from "./test-kit.js";
import type { Kit } from "./types.js";
import type { UpdateCase } from "./update-case.js";
import { readTree, readUpdateCase, TESTS_DIR, UPDATE_DIR } from "./update-case.js";

export async function runUpdateCase(kit: Kit, dir: string, name: string, options: TestKitOptions): Promise<KitTestCase> {
  const shown = `${TESTS_DIR}/${name}/${UPDATE_DIR}`;
  const result: KitTestCase = { name: `${name}/${UPDATE_DIR}`, generator: "", passed: false, problems: [], diffs: [], updated: false };
  const { value, issues } = readUpdateCase(dir, shown, { version: kit.version, generators: kit.specs.map((g) => g.name) });
  if (issues.length > 0) {
    result.problems.push(...issues.map((i) => `${i.at}: ${i.message}`));
    return result;
  }
  return runInScratch("hs-kit-update-", result, async (scratch) => {
    const out = path.join(scratch, "out");
    const { manifest, base } = baseOutDir(kit, value, name, shown, out);
    result.generator = manifest.runs.map((r) => r.generator).join(", ");
    const store = Object.fromEntries(baseEntries(Object.values(base).map((text) => ({ text }))).map((b) => [b.path, b.text]));
    const files: Record<string, string> = { ...base, ...value.edited, ...store, [MANIFEST_FILE]: manifestText(manifest) };
    for (const d of value.deleted) delete files[d];
    writeTree(out, files);

    const { update } = await import("../update/update.js");
    const updated = await update({ cwd: scratch, outDir: "out", kit, set: value.set, resolve: value.resolve });
    const met = updated.conflicts.map((c) => `${c.file.replace(/^out\//, "")}: ${c.path}`);
    const after = entityFiles(readTree(out));
    if (options.update === true) {
      rmSync(path.join(dir, "expected"), { recursive: true, force: true });
      writeTree(path.join(dir, "expected"), after);
      rmSync(path.join(dir, "conflicts.txt"), { force: true });
      if (met.length > 0) writeFileSync(path.join(dir, "conflicts.txt"), `${met.join("\n")}\n`);
      result.updated = true;
    } else {
      await compareTrees(readTree(path.join(dir, "expected")), after, result, "updated");
      const expected = value.conflicts ?? [];
      if (expected.join("\n") !== met.join("\n")) {
        const unexpected = updated.conflicts.filter((c, i) => !expected.includes(met[i] ?? ""));
        result.problems.push(met.length === 0
          ? `the update met none of the conflicts ${shown}/conflicts.txt lists`
          : `the update met other conflicts than ${shown}/conflicts.txt lists${unexpected.length === 0 ? "" : `:\n${unexpected.map((c) => describeConflict(c)).join("\n")}`}`);
        const { createTwoFilesPatch } = await import("diff");
        result.diffs.push(createTwoFilesPatch(`${shown}/conflicts.txt`, "met/conflicts.txt", lines(expected), lines(met)));
      }
    }
  });
}

const lines = (items: readonly string[]): string => (items.length === 0 ? "" : `${items.join("\n")}\n`);

function writeTree(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

/**
 * The out dir the older kit wrote: base/ files (else what the kit under test renders from
 * answers.yaml) and the manifest: base/harness-scaffold.json as recorded (its runs of this kit now
 * pointing at the kit under test), else one run made from answers.yaml, recording `from`. The kit
 * under test resolves those answers and names the policies and element keys of base/'s files (the
 * older kit is not at hand; a case that needs the exact record carries the manifest).
 */
function baseOutDir(kit: Kit, c: UpdateCase, name: string, shown: string, out: string): { manifest: Manifest; base: Record<string, string> } {
  const source = kit.origin.dir;
  if (c.manifest !== undefined) {
    const recorded = readManifest(c.manifest, `${shown}/base/${MANIFEST_FILE}`, true);
    if (recorded === undefined) {
      throw new KitError("E_INPUT", `${shown}/base/${MANIFEST_FILE} is not a harness-scaffold manifest (it does not parse, or has no runs and files)`, {
        hint: "copy the harness-scaffold.json the older kit wrote, or leave it out and give answers.yaml",
      });
    }
    const runs = recorded.runs.map((r) => (r.kit?.name === kit.name ? { ...r, kit: { ...r.kit, source } } : r));
    return { manifest: { ...recorded, runs }, base: c.base ?? {} };
  }
  const generator = c.generator ?? generatorFor(kit, name);
  if (generator === undefined) {
    throw new KitError("E_INPUT", `${shown}: no generator for this case: name the case after its generator or give generator in case.yaml`);
  }
  const rendered = renderRun(kit, generator, c.answers ?? {});
  const base = c.base ?? Object.fromEntries(rendered.files.map((f) => [f.path, f.text]));
  const answers = Object.fromEntries(
    rendered.spec.answers.filter((a) => a.sensitive !== true && rendered.answers[a.key] !== undefined).map((a) => [a.key, rendered.answers[a.key] as AnswerValue]),
  );
  const run: ManifestRun = {
    generator, identifier: String(rendered.answers.identifier ?? ""), answers, files: Object.keys(base),
    ...kitRecord(kit, rendered.files.filter((f) => f.path in base), out), kit: { name: kit.name, version: c.from ?? kit.version, source },
  };
  const manifest = mergeManifest(undefined, kitVersion(), run, Object.entries(base).map(([p, text]) => ({ path: p, text })));
  return { manifest, base };
}
