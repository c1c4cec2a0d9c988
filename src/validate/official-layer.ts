/**
 * Layer 2: Harness's published v0 pipeline schema. Loading (repair, download, on-disk cache) lives
 * in ./official/ and is imported only when `--official-schema` is given, so plain runs never pay
 * for it (a dynamic import). Its raw Ajv errors go through the same reducer as the kit's own.
 */
import { words } from "./messages.js";
import { isRecord, valueAt } from "./pointer.js";
import { reduceErrors } from "./reduce.js";
import { FAILURE_ACTION_TYPES } from "./schemas/flow.js";
import { STAGE_TYPES, STEP_TYPES } from "./schemas/step-types.js";
import type { OfficialSchema, PointerIssue } from "./types.js";

export interface OfficialLoadOptions {
  cwd: string;
  cacheDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
}

export async function loadOfficial(source: string, options: OfficialLoadOptions): Promise<OfficialSchema> {
  const { loadOfficialSchema } = await import("./official/load-official-schema.js");
  return loadOfficialSchema(source, {
    cwd: options.cwd,
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
}

/** Types the official schema picks a `oneOf` branch by (all of them are in the kit's catalogue). */
const KNOWN_TYPES: ReadonlySet<string> = new Set([...STEP_TYPES, ...STAGE_TYPES, ...FAILURE_ACTION_TYPES]);

/** Issues the official schema finds in one pipeline document, coded `official-schema`. */
export function officialIssues(official: OfficialSchema, value: unknown): PointerIssue[] {
  return reduceErrors(official.validate(value), value, { knownValues: KNOWN_TYPES }).map((issue) => ({
    ...issue,
    code: "official-schema",
    message: words.official(issue.message),
  }));
}

const STAGE_IN_PIPELINE = "/pipeline/stages/0/stage";

/**
 * Harness publishes no v0 template schema small enough to use; a Stage template's spec is a stage,
 * so it is checked as the one stage of a pipeline and the findings are moved back into the
 * template. Runtime inputs are allowed anywhere in a template, so findings on them are dropped.
 */
export function officialTemplateIssues(official: OfficialSchema, value: unknown): PointerIssue[] {
  const template = isRecord(value) ? value.template : undefined;
  if (!isRecord(template) || template.type !== "Stage" || !isRecord(template.spec)) return [];
  const wrapped = { pipeline: { name: "template", identifier: "template", stages: [{ stage: { name: "template", identifier: "template", ...template.spec } }] } };
  return officialIssues(official, wrapped)
    .filter((issue) => issue.path.startsWith(`${STAGE_IN_PIPELINE}/`))
    .map((issue) => ({ ...issue, path: `/template/spec${issue.path.slice(STAGE_IN_PIPELINE.length)}` }))
    .filter((issue) => !(typeof valueAt(value, issue.path) === "string" && String(valueAt(value, issue.path)).trim().startsWith("<+input>")));
}
