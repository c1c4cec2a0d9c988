/**
 * Triggers and input sets against their pipeline (what Harness leaves to run time): the folder
 * and the pipeline they name agree, inputSetRefs name input sets of that pipeline, every value
 * lands on a runtime input and fits it, and a trigger answers every runtime input the pipeline
 * has. Only pipelines in the validated set can be checked; others are Harness's (a warning from
 * the references rule).
 */
import { parseDocument } from "yaml";
import { valuesOf } from "../../util/yaml-values.js";
import { words } from "../messages.js";
import { childPointer, isRecord } from "../pointer.js";
import { isExpression } from "./context.js";
import type { Entity, FileIssue, SetRule } from "./cross-file.js";
import { fieldPath, matchInputs, neededFields, type InputFinding } from "./runtime-inputs.js";

interface Index {
  pipelines: Map<string, Entity>;
  /** Input sets by `<pipeline>/<identifier>`. */
  inputSets: Map<string, Entity>;
  /** Input sets by identifier alone, to tell "of another pipeline" from "nowhere". */
  inputSetsById: Map<string, Entity>;
}

export const runInputs: SetRule = (entities) => {
  const index: Index = { pipelines: new Map(), inputSets: new Map(), inputSetsById: new Map() };
  for (const e of entities) {
    if (e.identifier === undefined) continue;
    if (e.kind === "pipeline" && !index.pipelines.has(e.identifier)) index.pipelines.set(e.identifier, e);
    if (e.kind === "inputset" && e.pipeline !== undefined) {
      index.inputSets.set(`${e.pipeline}/${e.identifier}`, e);
      if (!index.inputSetsById.has(e.identifier)) index.inputSetsById.set(e.identifier, e);
    }
  }
  const issues: FileIssue[] = [];
  for (const entity of entities) {
    if (entity.kind === "trigger") issues.push(...checkTrigger(entity, index));
    if (entity.kind === "inputset") issues.push(...checkInputSet(entity, index));
  }
  return issues;
};

function folderIssue(entity: Entity, pointer: string): FileIssue[] {
  if (entity.folder === undefined || entity.pipeline === undefined || entity.folder === entity.pipeline) return [];
  const what = entity.kind === "trigger" ? "trigger" : "input set";
  return [{ file: entity.file, path: pointer, severity: "error", code: "wrong-pipeline-folder", message: words.wrongPipelineFolder(what, entity.pipeline, entity.folder) }];
}

/** Checks a list of input-set identifiers; returns the ones found (undefined when one could not be resolved). */
function resolveRefs(entity: Entity, refs: unknown, pointer: string, index: Index, issues: FileIssue[]): Entity[] | undefined {
  if (!Array.isArray(refs) || entity.pipeline === undefined) return isExpression(refs) ? undefined : [];
  const found: Entity[] = [];
  let complete = true;
  refs.forEach((ref, i) => {
    if (typeof ref !== "string" || isExpression(ref)) return void (complete = false);
    const at = childPointer(pointer, i);
    const own = index.inputSets.get(`${entity.pipeline as string}/${ref}`);
    if (own !== undefined) return void found.push(own);
    complete = false;
    const other = index.inputSetsById.get(ref);
    if (other !== undefined) {
      issues.push({ file: entity.file, path: at, severity: "error", code: "input-set-other-pipeline", message: words.inputSetOfOtherPipeline(ref, other.pipeline ?? "", entity.pipeline as string, other.file) });
    } else {
      issues.push({ file: entity.file, path: at, severity: "warning", code: "ref-not-found", message: words.refNotFound("input set", ref) });
    }
  });
  return complete ? found : undefined;
}

/** Pipeline pointers answered by an input set (through overlays too). */
function suppliedBy(set: Entity, index: Index, pipeline: Entity, seen = new Set<string>()): Set<string> | undefined {
  if (seen.has(set.file)) return new Set();
  seen.add(set.file);
  const body = set.body;
  if (body === undefined) return undefined;
  if (set.bodyPointer === "/overlayInputSet") {
    const all = new Set<string>();
    for (const ref of Array.isArray(body.inputSetReferences) ? body.inputSetReferences : []) {
      const inner = typeof ref === "string" ? index.inputSets.get(`${set.pipeline ?? ""}/${ref}`) : undefined;
      const answered = inner === undefined ? undefined : suppliedBy(inner, index, pipeline, seen);
      if (answered === undefined) return undefined;
      for (const p of answered) all.add(p);
    }
    return all;
  }
  const pipelineBody = isRecord(pipeline.value) ? pipeline.value.pipeline : undefined;
  return supplied(matchInputs(pipelineBody, body.pipeline));
}

/** Runtime inputs given a value (one that does not fit is reported as such, not as missing too). */
function supplied(findings: readonly InputFinding[]): Set<string> {
  return new Set(findings.flatMap((f) => (f.kind === "not-runtime" ? [] : [f.field.pointer])));
}

function findingIssues(
  entity: Entity,
  pipeline: Entity,
  inputDoc: unknown,
  findings: readonly InputFinding[],
  place: (pointer: string) => Pick<FileIssue, "path" | "innerPath">,
): FileIssue[] {
  const issues: FileIssue[] = [];
  for (const f of findings) {
    if (f.kind === "supplied") continue;
    const where = place(f.inputPointer);
    const field = fieldPath(inputDoc, f.inputPointer).replace(/^inputSet\./, "");
    if (f.kind === "not-runtime") {
      issues.push({ file: entity.file, ...where, severity: "error", code: "input-not-runtime", message: words.inputNotRuntime(field, pipeline.identifier ?? "", pipeline.file) });
    } else {
      issues.push({ file: entity.file, ...where, severity: "error", code: "input-invalid-value", message: words.inputBadValue(fieldPath(pipeline.value, f.field.pointer), f.expected, f.field.spec) });
    }
  }
  return issues;
}

function checkInputSet(entity: Entity, index: Index): FileIssue[] {
  const body = entity.body;
  if (body === undefined) return [];
  const overlay = entity.bodyPointer === "/overlayInputSet";
  const issues = folderIssue(entity, overlay ? "/overlayInputSet/pipelineIdentifier" : "/inputSet/pipeline/identifier");
  const pipeline = entity.pipeline === undefined ? undefined : index.pipelines.get(entity.pipeline);
  if (overlay) {
    resolveRefs(entity, body.inputSetReferences, "/overlayInputSet/inputSetReferences", index, issues);
    return issues;
  }
  if (entity.pipeline !== undefined && pipeline === undefined) {
    issues.push({ file: entity.file, path: "/inputSet/pipeline/identifier", severity: "warning", code: "ref-not-found", message: words.refNotFound("pipeline", entity.pipeline) });
  }
  if (pipeline === undefined) return issues;
  const pipelineBody = isRecord(pipeline.value) ? pipeline.value.pipeline : undefined;
  const findings = matchInputs(pipelineBody, body.pipeline, "/pipeline", "/inputSet/pipeline");
  issues.push(...findingIssues(entity, pipeline, entity.value, findings, (pointer) => ({ path: pointer })));
  return issues;
}

function checkTrigger(entity: Entity, index: Index): FileIssue[] {
  const body = entity.body;
  if (body === undefined) return [];
  const issues = folderIssue(entity, "/trigger/pipelineIdentifier");
  const pipeline = entity.pipeline === undefined ? undefined : index.pipelines.get(entity.pipeline);
  const refs = resolveRefs(entity, body.inputSetRefs, "/trigger/inputSetRefs", index, issues);
  if (pipeline === undefined) return issues;
  const pipelineBody = isRecord(pipeline.value) ? pipeline.value.pipeline : undefined;
  const answered = new Set<string>();
  let known = refs !== undefined;
  for (const set of refs ?? []) {
    const fromSet = suppliedBy(set, index, pipeline);
    if (fromSet === undefined) known = false;
    for (const p of fromSet ?? []) answered.add(p);
  }
  const inputYaml = body.inputYaml;
  if (typeof inputYaml === "string" && inputYaml.trim() !== "") {
    const parsed = parseDocument(inputYaml, { prettyErrors: false });
    const first = parsed.errors[0];
    if (first !== undefined) {
      issues.push({ file: entity.file, path: "/trigger/inputYaml", severity: "error", code: "input-yaml-syntax", message: words.inputYamlSyntax(first.message.split("\n")[0] ?? "") });
      return issues;
    }
    const read = valuesOf(parsed);
    if (!read.ok) {
      issues.push({ file: entity.file, path: "/trigger/inputYaml", severity: "error", code: "input-yaml-syntax", message: words.inputYamlSyntax(read.problem.message) });
      return issues;
    }
    const values = read.value;
    const root = isRecord(values) ? values.pipeline : undefined;
    if (!isRecord(root)) {
      issues.push({ file: entity.file, path: "/trigger/inputYaml", severity: "error", code: "input-yaml-syntax", message: words.inputYamlRoot });
      return issues;
    }
    if (typeof root.identifier === "string" && root.identifier !== pipeline.identifier) {
      issues.push({ file: entity.file, path: "/trigger/inputYaml", innerPath: "/pipeline/identifier", severity: "error", code: "input-wrong-pipeline", message: words.inputWrongPipeline(root.identifier, pipeline.identifier ?? "") });
      return issues;
    }
    const findings = matchInputs(pipelineBody, root);
    issues.push(...findingIssues(entity, pipeline, values, findings, (pointer) => ({ path: "/trigger/inputYaml", innerPath: pointer })));
    for (const p of supplied(findings)) answered.add(p);
  }
  if (!known) return issues;
  const missing = neededFields(pipeline.value).filter((f) => !answered.has(f.pointer));
  if (missing.length > 0) {
    const at = typeof inputYaml === "string" ? "/trigger/inputYaml" : "/trigger/pipelineIdentifier";
    const fields = missing.map((f) => fieldPath(pipeline.value, f.pointer));
    issues.push({ file: entity.file, path: at, at: "key", severity: "error", code: "input-missing", message: words.inputMissing(pipeline.identifier ?? "", fields) });
  }
  return issues;
}
