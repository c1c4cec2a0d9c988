/** What `kit check`, `kit test` and `kit init` print. */
import type { KitIssue } from "./kit-yaml.js";
import type { KitTestCase } from "./test-kit.js";

export function formatCheck(kit: string, issues: readonly KitIssue[]): string {
  if (issues.length === 0) return `kit ${kit}: no problems found.\n`;
  const lines = issues.map((i) => `${i.at}: ${i.message}`);
  return `${lines.join("\n")}\nkit ${kit}: ${issues.length} problem${issues.length === 1 ? "" : "s"}.\n`;
}

export function formatTest(kit: string, cases: readonly KitTestCase[]): string {
  if (cases.length === 0) return `kit ${kit}: no test cases (add tests/<case>/answers.yaml).\n`;
  const out: string[] = [];
  for (const c of cases) {
    const state = c.passed ? (c.updated ? "updated" : "pass") : "FAIL";
    out.push(`${state.padEnd(7)} ${c.name}${c.generator === "" ? "" : ` (${c.generator})`}`);
    for (const p of c.problems) out.push(`          ${p.split("\n").join("\n          ")}`);
    for (const d of c.diffs) out.push(d.trimEnd());
  }
  const failed = cases.filter((c) => !c.passed).length;
  out.push(failed === 0 ? `kit ${kit}: ${cases.length} case${cases.length === 1 ? "" : "s"} passed.` : `kit ${kit}: ${failed} of ${cases.length} cases failed.`);
  return `${out.join("\n")}\n`;
}

export function formatInit(dir: string, files: readonly string[]): string {
  return `${files.map((f) => `  create     ${dir}/${f}`).join("\n")}
Starter kit written to ${dir}. Next:
  harness-scaffold kit check ${dir}
  harness-scaffold kit test ${dir}
  harness-scaffold new web-service --kit ${dir}
`;
}
