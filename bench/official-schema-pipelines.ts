/**
 * Generated-like pipelines for the official-schema benchmark, built from Harness's API quickstart
 * pipeline: different identifiers, 1–5 shell steps, step groups, a second custom stage with an HTTP
 * step on every third, and every tenth made invalid (a mistyped step type) so the error path is timed
 * too. Deterministic, so every process builds the same documents.
 */
import { quickstartPipeline } from "../test/helpers/quickstart.js";

type Json = Record<string, unknown>;

function shellStep(id: string, script: string): Json {
  return {
    step: {
      name: id,
      identifier: id,
      type: "ShellScript",
      timeout: "10m",
      spec: {
        shell: "Bash",
        onDelegate: true,
        source: { type: "Inline", spec: { script } },
        environmentVariables: [],
        outputVariables: [],
      },
    },
  };
}

function customStage(i: number): Json {
  return {
    stage: {
      name: `smoke test ${i}`,
      identifier: `smoke_test_${i}`,
      type: "Custom",
      spec: {
        execution: {
          steps: [
            {
              step: {
                name: "ping",
                identifier: "ping",
                type: "Http",
                timeout: "1m",
                spec: { url: `https://svc-${i}.example.com/health`, method: "GET", assertion: "<+httpResponseCode> == 200" },
              },
            },
          ],
        },
      },
    },
  };
}

export function buildPipelines(count: number): Json[] {
  const base = quickstartPipeline();
  return Array.from({ length: count }, (_, i) => {
    const doc = structuredClone(base);
    const pipeline = doc.pipeline;
    pipeline.identifier = `pipeline_${i}`;
    pipeline.name = `pipeline ${i}`;
    const stages = pipeline.stages as { stage: Json & { spec: { execution: { steps: Json[] } } } }[];
    const stage = stages[0]!.stage;
    stage.identifier = `deploy_${i}`;
    stage.name = `deploy ${i}`;
    const steps = Array.from({ length: 1 + (i % 5) }, (_, j) => shellStep(`shell_${j}`, `echo ${i}-${j}`));
    if (i % 4 === 1) steps.push({ stepGroup: { name: "checks", identifier: "checks", steps: [shellStep("check", "true")] } });
    if (i % 10 === 9) (steps[0]!.step as Json).type = "ShellScripts";
    stage.spec.execution.steps = steps;
    if (i % 3 === 2) stages.push(customStage(i) as (typeof stages)[number]);
    return doc;
  });
}
