/**
 * Pipelines to compare two official-schema validators on: the quickstart's, a generated service's,
 * the warm-up ones, every stage and step type, and broken copies of the real ones (each value made
 * wrong, each key dropped, an unknown key added). Most are invalid, and they reach most of the code.
 */
import { WARM_UP_PIPELINES } from "../../src/validate/official/warm-up.js";
import { STAGE_TYPES, STEP_TYPES } from "../../src/validate/schemas/step-types.js";
import { quickstartPipeline } from "../helpers/quickstart.js";

type Json = Record<string, unknown>;

export const step = (type: string, spec: unknown) => ({ step: { type, name: type, identifier: "s", timeout: "10m", spec } });

export function stageWith(stageType: string, steps: unknown[]): Json {
  const spec = stageType === "Deployment" ? { deploymentType: "Kubernetes", service: { serviceRef: "svc" }, environment: { environmentRef: "env", infrastructureDefinitions: [{ identifier: "i" }] }, execution: { steps } } : { execution: { steps } };
  return { pipeline: { name: "p", identifier: "p", stages: [{ stage: { name: "st", identifier: "st", type: stageType, spec } }] } };
}

/** Each value in `doc` replaced by a wrong one, each object key dropped, an unknown key added to each object. */
export function brokenCopies(doc: unknown): unknown[] {
  const copies: unknown[] = [];
  const walk = (node: unknown, rebuild: (value: unknown) => unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, (v) => rebuild(node.map((x, j) => (j === i ? v : x)))));
      return;
    }
    if (typeof node !== "object" || node === null) {
      copies.push(rebuild(typeof node === "number" ? "many" : 12), rebuild([node]));
      return;
    }
    const entries = Object.entries(node);
    copies.push(rebuild({ ...node, zzUnknown: true }), rebuild("text"));
    for (const [key, value] of entries) {
      copies.push(rebuild(Object.fromEntries(entries.filter(([k]) => k !== key))));
      walk(value, (v) => rebuild({ ...node, [key]: v }));
    }
  };
  walk(doc, (v) => v);
  return copies;
}

/** The whole corpus, given the generated service's pipelines. */
export function pipelineCorpus(generated: readonly unknown[]): unknown[] {
  return [
    quickstartPipeline(),
    ...generated,
    ...WARM_UP_PIPELINES,
    ...STAGE_TYPES.map((type) => stageWith(type, [])),
    ...STEP_TYPES.flatMap((type) => [stageWith("Custom", [step(type, {})]), stageWith(type.length % 2 ? "CI" : "Deployment", [step(type, { zz: [1] })])]),
    ...[quickstartPipeline(), ...generated].flatMap(brokenCopies),
  ];
}
