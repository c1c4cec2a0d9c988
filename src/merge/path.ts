/**
 * Harness paths: where in an entity a change or conflict sits, as a person reads it —
 * `stage deploy_prod › step rollingDeployment › timeout` rather than
 * `pipeline.stages[1].stage.spec.execution.steps[0].step.timeout`. Shared by merge, update and plan.
 */
import { KEYED_LISTS } from "./keys.js";

export type Segment =
  | { key: string }
  | { label: string; id: string; elementKey: string; wrapper?: string; list: string };

export const SEPARATOR = " › ";

const LIST_KEYS = new Map(KEYED_LISTS.map((k) => [k.list, k]));
/** Plain keys that only lead the way to the next element (`stage x › spec › execution › steps › step y`). */
const PASSAGE_KEYS: ReadonlySet<string> = new Set(["spec", "execution"]);

const isElement = (s: Segment): s is Extract<Segment, { label: string }> => "label" in s;

/** The path as text. The entity's root key, element wrappers and passage keys before an element are left out. */
export function renderPath(segments: readonly Segment[]): string {
  const words: string[] = [];
  segments.forEach((segment, i) => {
    if (isElement(segment)) {
      words.push(`${segment.label} ${segment.id}`);
      return;
    }
    const previous = segments[i - 1];
    if (i === 0 && segments.length > 1) return; // the root key: every file holds one entity
    if (previous !== undefined && isElement(previous) && previous.wrapper === segment.key) return;
    const elementFollows = segments.slice(i + 1).some(isElement);
    if (elementFollows && PASSAGE_KEYS.has(segment.key)) return;
    const next = segments[i + 1];
    if (next !== undefined && isElement(next) && LIST_KEYS.get(segment.key)?.shown !== true) return;
    words.push(segment.key);
  });
  return words.length === 0 ? "(whole file)" : words.join(SEPARATOR);
}

/** Accepts a path typed on a command line: `›` or `>` between parts, spaces around them optional. */
export function normalizePathText(text: string): string {
  return text
    .split(/\s*(?:›|>)\s*/)
    .map((p) => p.trim().replace(/\s+/g, " "))
    .filter((p) => p !== "")
    .join(SEPARATOR);
}
