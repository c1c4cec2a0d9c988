/**
 * Render step: templates + answers → file texts, every one parsed before anything is written.
 * JSON files are re-printed canonically (2-space indent); YAML keeps the template's layout.
 */
import { LineCounter, parseDocument } from "yaml";
import { valuesOf } from "../util/yaml-values.js";
import { KitError } from "../errors.js";
import type { RenderJob } from "../generate/spec.js";
import type { EntityKind } from "../layout.js";
import { entityPath, groupIn, KIND_LOCATION, NESTED_KEY, rootKeyIn } from "../layout.js";
import type { CompiledTemplate } from "./handlebars.js";
import { compileTemplate } from "./handlebars.js";
import type { TemplateSet, TemplateSource } from "./templates.js";

export interface RenderedFile {
  /** Relative POSIX path inside the out dir. */
  path: string;
  kind: EntityKind;
  identifier: string;
  template: string;
  text: string;
  /** The parsed document (for checks and tests). */
  doc: unknown;
  policy?: "managed" | "once" | "enforced";
  key?: string;
}

export function renderJobs(jobs: readonly RenderJob[], templates: TemplateSet): RenderedFile[] {
  return jobs.map((job) => renderJob(job, templates));
}

function renderJob(job: RenderJob, templates: TemplateSet): RenderedFile {
  const source = templates.read(job.template);
  const template = compiled(source);
  const first = template.problems[0];
  if (first !== undefined) fail(source, `${first.line}:${first.column}: ${first.message}`);
  let output: string;
  try {
    output = template.render(job.data);
  } catch (cause) {
    fail(source, `cannot render: ${firstLine(cause)}`, cause);
  }
  const isJson = KIND_LOCATION[job.kind].ext === ".json";
  const { text, doc } = isJson ? parseJson(source, output) : parseYaml(source, output);
  const identifier = checkShape(source, job, doc);
  const file: RenderedFile = { path: entityPath(job.kind, identifier, job.group), kind: job.kind, identifier, template: job.template, text, doc };
  if (job.policy !== undefined) file.policy = job.policy;
  if (job.key !== undefined) file.key = job.key;
  return file;
}

function compiled(source: TemplateSource): CompiledTemplate {
  try {
    return compileTemplate(source.text);
  } catch (cause) {
    fail(source, `is not valid Handlebars${describeParseError(cause)}`, cause);
  }
}

/** Handlebars parse errors: "Parse error on line N:\n<text>\n----^\nExpecting …, got 'X'". */
function describeParseError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const m = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n.*got '([^']+)'/.exec(text);
  if (m === null) return `: ${firstLine(error)}`;
  const [, line, snippet, dashes, got] = m;
  return ` (line ${line}:${(dashes ?? "").length + 1}): unexpected ${got}\n    ${snippet}\n    ${dashes}^`;
}

function parseJson(source: TemplateSource, output: string): { text: string; doc: unknown } {
  try {
    const doc: unknown = JSON.parse(output);
    return { text: `${JSON.stringify(doc, null, 2)}\n`, doc };
  } catch (cause) {
    fail(source, `rendered JSON that does not parse: ${firstLine(cause)}`, cause);
  }
}

function parseYaml(source: TemplateSource, output: string): { text: string; doc: unknown } {
  const lines = new LineCounter();
  const parsed = parseDocument(output, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problem = parsed.errors[0] ?? parsed.warnings[0];
  if (problem !== undefined) {
    const { line, col } = lines.linePos(problem.pos[0]);
    fail(source, `rendered YAML that does not parse (output line ${line}:${col}): ${firstLine(problem)}`);
  }
  const text = `${output.replace(/[ \t]+$/gm, "").replace(/\n+$/, "")}\n`;
  const values = valuesOf(parsed);
  if (!values.ok) {
    const { line, col } = lines.linePos(values.problem.offset);
    fail(source, `rendered YAML that cannot be read (output line ${line}:${col}): ${values.problem.message}`);
  }
  return { text, doc: values.value };
}

/**
 * The file must hold the entity its path promises: the right root key and identifier (and a
 * nested kind's second key: a template version's versionLabel, a trigger's pipelineIdentifier). A kit's
 * project.json names no identifier in its path (empty): the document's own is taken.
 */
function checkShape(source: TemplateSource, job: RenderJob, doc: unknown): string {
  const root = rootKeyIn(job.kind, doc);
  const body = typeof doc === "object" && doc !== null ? (doc as Record<string, unknown>)[root] : undefined;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    fail(source, `must render a document with a "${root}" mapping at the root`);
  }
  const id = (body as Record<string, unknown>).identifier;
  if (job.kind === "project" && job.identifier === "" && typeof id === "string" && id !== "") return id;
  if (id !== job.identifier) {
    fail(source, `rendered identifier ${JSON.stringify(id)} but the file is for "${job.identifier}"`);
  }
  // A nested kind's path names a second key (a template's versionLabel, a trigger's pipeline): the document must agree.
  const nested = NESTED_KEY[job.kind];
  const second = groupIn(job.kind, body as Record<string, unknown>);
  if (nested !== undefined && job.group !== undefined && second !== job.group) {
    fail(source, `rendered ${nested.field} ${JSON.stringify(second)} but the file is for ${nested.noun} "${job.group}"`);
  }
  return job.identifier;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}

function fail(source: TemplateSource, message: string, cause?: unknown): never {
  throw new KitError("E_TEMPLATE", `template ${source.shown} ${message}`, {
    hint: source.hint ?? (source.shown.startsWith("templates/")
      ? "this is a bug in a built-in template; please report it with the answers you used"
      : "fix the template given with --templates, or remove it to use the built-in one"),
    cause,
  });
}
