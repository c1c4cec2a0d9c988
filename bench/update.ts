/**
 * Benchmark: `update` of many generated services, each edited by its team (own step next to the
 * rolling deployment, a comment, an environment made Production), to a v2 copy of the built-in
 * templates (longer timeout, a smoke-test step, a variable per environment).
 * Baseline, same run: re-rendering the same services with `new --force` and the v2 templates
 * (what a team does today, losing its edits), timed service by service in turn with the updates.
 * Reported: time per service for both and the ratio; target ≤ 2×. BENCH_SMOKE=1: 5 services.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generate } from "../src/index.js";
import { update } from "../src/update/update.js";
import { repoRoot, round, smoke, writeResult } from "./lib.js";
import { renderService, serviceAnswers } from "./services.js";

const count = smoke ? 5 : 100;
const TEAM_STEP = `              - step:
                  name: Team check
                  identifier: teamCheck
                  type: ShellScript
                  timeout: 2m
                  spec:
                    shell: Bash
                    onDelegate: true
                    source:
                      type: Inline
                      spec:
                        script: ./check.sh
`;

const scratch = mkdtempSync(path.join(os.tmpdir(), "hs-bench-update-"));
try {
  const v2 = path.join(scratch, "kit-v2");
  cpSync(path.join(repoRoot, "templates"), v2, { recursive: true });
  const cd = path.join(v2, "pipeline/cd-kubernetes.yaml.hbs");
  writeFileSync(cd, readFileSync(cd, "utf8")
    .replace("type: K8sRollingDeploy\n                  timeout: {{yaml ../timeout}}", "type: K8sRollingDeploy\n                  timeout: 15m")
    .replace("            rollbackSteps:", `${TEAM_STEP.replace("Team check", "Smoke test").replace("teamCheck", "smokeTest")}            rollbackSteps:`));
  const env = path.join(v2, "service/environment.yaml.hbs");
  writeFileSync(env, readFileSync(env, "utf8").replace("  variables: []", "  variables:\n    - name: LOG_LEVEL\n      type: String\n      value: info"));

  for (let i = 0; i < count; i++) {
    await renderService(scratch, `u${i}`, i);
    const dir = path.join(scratch, `u${i}`);
    const file = path.join(dir, "pipelines", readFileSync(path.join(dir, "harness-scaffold.json"), "utf8").match(/pipelines\/([^"]+_cd\.yaml)/)?.[1] ?? "");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("  stages:", "  # edited by the team\n  stages:").replace(/(pruningEnabled: false\n)/, `$1${TEAM_STEP}`));
    cpSync(dir, path.join(scratch, `f${i}`), { recursive: true });
  }
  // Warm both paths once (module loading, template compilation) outside the timings.
  await generate({ generator: "service", answers: serviceAnswers(0), outDir: "warm", cwd: scratch, templatesDir: v2, force: true });
  await update({ cwd: scratch, outDir: "warm", templatesDir: v2 });

  // Interleaved, service by service: on a shared machine the load drifts over a minute, and
  // timing all re-renders first and all updates after would put the drift into the ratio.
  let forceMs = 0;
  let updateMs = 0;
  let conflicts = 0;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await generate({ generator: "service", answers: serviceAnswers(i), outDir: `f${i}`, cwd: scratch, templatesDir: v2, force: true, useDefaults: true });
    const t1 = performance.now();
    const r = await update({ cwd: scratch, outDir: `u${i}`, templatesDir: v2 });
    updateMs += performance.now() - t1;
    forceMs += t1 - t0;
    conflicts += r.conflicts.length;
    if (!r.written) throw new Error(`service ${i} was not updated`);
  }
  if (conflicts > 0) throw new Error(`${conflicts} conflicts`);
  // The edits survived: the team's step is still there.
  if (!readFileSync(path.join(scratch, "u0/pipelines", readdirCd(path.join(scratch, "u0"))), "utf8").includes("teamCheck")) throw new Error("team step lost");

  const ratio = round(updateMs / forceMs);
  const result = {
    services: count,
    updateMsPerService: round(updateMs / count),
    newForceMsPerService: round(forceMs / count),
    ratio,
    target: 2,
    met: ratio <= 2,
  };
  writeResult("update", result);
  console.log(`  update: ${result.updateMsPerService} ms/service, new --force: ${result.newForceMsPerService} ms/service, ratio ${ratio} (target ≤ 2)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function readdirCd(dir: string): string {
  return readFileSync(path.join(dir, "harness-scaffold.json"), "utf8").match(/pipelines\/([^"]+_cd\.yaml)/)?.[1] ?? "";
}
