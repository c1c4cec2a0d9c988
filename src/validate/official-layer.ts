/**
 * Layer 2: Harness's published v0 pipeline schema. Loading (repair, download, on-disk cache) lives
 * in ./official/ and is imported only when `--official-schema` is given, so plain runs never pay
 * for it (a dynamic import). Its raw Ajv errors go through the same reducer as the kit's own.
 * validatePaths starts loading it first and checks pipelines against it after the kit's own checks,
 * so that loading (in a worker thread) and those checks run side by side.
 */
import os from "node:os";
import type { ErrorObject } from "ajv";
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

/** Layer 2 as validateSources uses it: possibly still loading, possibly in another thread. */
export interface OfficialHandle {
  /** Ajv's errors for a pipeline document. */
  errors(doc: unknown): Promise<ErrorObject[]>;
  /** Settles when loading is done; rejects with the error it met (so a bad schema is reported even with no pipelines). */
  ready: Promise<unknown>;
  close(): Promise<void>;
}

export function officialHandle(official: OfficialSchema | Promise<OfficialSchema>): OfficialHandle {
  const loaded = Promise.resolve(official);
  loaded.catch(() => undefined); // awaited through `ready`
  return { errors: async (doc) => (await loaded).validate(doc), ready: loaded, close: async () => undefined };
}

/**
 * When a worker thread pays off: it costs ~150 ms of CPU of its own (starting a Node environment
 * and loading the modules again), so it only saves time when another core is idle to run it.
 * HARNESS_SCAFFOLD_OFFICIAL_WORKER=always|never overrides the guess (`auto`).
 */
function useWorker(env: Readonly<Record<string, string | undefined>> | undefined): boolean {
  const mode = env?.HARNESS_SCAFFOLD_OFFICIAL_WORKER ?? "auto";
  if (mode === "always" || mode === "never") return mode === "always";
  const cores = os.availableParallelism();
  return cores >= 2 && (os.loadavg()[0] ?? 0) < cores - 1;
}

/**
 * Starts loading the official schema without waiting for it: in a worker thread when the kit runs
 * built (official/official-in-worker.ts) and a core is idle, so the kit's own checks run meanwhile;
 * else in this thread.
 */
export async function startOfficial(source: string, options: OfficialLoadOptions): Promise<OfficialHandle> {
  const worker = useWorker(options.env)
    ? (await import("./official/official-in-worker.js")).officialInWorker({
        source,
        cwd: options.cwd,
        ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
        ...(options.env === undefined ? {} : { env: options.env }),
      })
    : undefined;
  if (worker === undefined) return officialHandle(loadOfficial(source, options));
  options.signal?.addEventListener("abort", () => void worker.close(), { once: true });
  return {
    errors: (doc) => (options.signal?.throwIfAborted(), worker.validate(doc)),
    ready: worker.ready,
    close: () => worker.close(),
  };
}

/** Types the official schema picks a `oneOf` branch by (all of them are in the kit's catalogue). */
const KNOWN_TYPES: ReadonlySet<string> = new Set([...STEP_TYPES, ...STAGE_TYPES, ...FAILURE_ACTION_TYPES]);

/** Issues the official schema finds in one pipeline document, coded `official-schema`. */
export function officialIssues(official: OfficialSchema, value: unknown): PointerIssue[] {
  return issuesOf(official.validate(value), value);
}

function issuesOf(errors: ErrorObject[], value: unknown): PointerIssue[] {
  return reduceErrors(errors, value, { knownValues: KNOWN_TYPES }).map((issue) => ({
    ...issue,
    code: "official-schema",
    message: words.official(issue.message),
  }));
}

const STAGE_IN_PIPELINE = "/pipeline/stages/0/stage";

/** What the official schema finds in a pipeline, or in a Stage template (see templateAsPipeline). */
export async function officialIssuesOf(official: OfficialHandle, kind: "pipeline" | "template", value: unknown): Promise<PointerIssue[]> {
  if (kind === "pipeline") return issuesOf(await official.errors(value), value);
  const wrapped = templateAsPipeline(value);
  return wrapped === undefined ? [] : backInTemplate(issuesOf(await official.errors(wrapped), wrapped), value);
}

/**
 * Harness publishes no v0 template schema small enough to use; a Stage template's spec is a stage,
 * so it is checked as the one stage of a pipeline and the findings are moved back into the
 * template. Runtime inputs are allowed anywhere in a template, so findings on them are dropped.
 */
export function officialTemplateIssues(official: OfficialSchema, value: unknown): PointerIssue[] {
  const wrapped = templateAsPipeline(value);
  return wrapped === undefined ? [] : backInTemplate(officialIssues(official, wrapped), value);
}

function templateAsPipeline(value: unknown): unknown {
  const template = isRecord(value) ? value.template : undefined;
  if (!isRecord(template) || template.type !== "Stage" || !isRecord(template.spec)) return undefined;
  return { pipeline: { name: "template", identifier: "template", stages: [{ stage: { name: "template", identifier: "template", ...template.spec } }] } };
}

function backInTemplate(issues: PointerIssue[], value: unknown): PointerIssue[] {
  return issues
    .filter((issue) => issue.path.startsWith(`${STAGE_IN_PIPELINE}/`))
    .map((issue) => ({ ...issue, path: `/template/spec${issue.path.slice(STAGE_IN_PIPELINE.length)}` }))
    .filter((issue) => !(typeof valueAt(value, issue.path) === "string" && String(valueAt(value, issue.path)).trim().startsWith("<+input>")));
}
