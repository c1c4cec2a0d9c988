/**
 * Layer 2: Harness's published v0 pipeline schema. Loading (repair, download, on-disk cache) lives
 * in ./official/ and is imported only when `--official-schema` is given, so plain runs never pay
 * for it (a dynamic import). Its raw Ajv errors go through the same reducer as the kit's own.
 */
import { words } from "./messages.js";
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
