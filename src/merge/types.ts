/** What merges and diffs report: changes and conflicts, as data the CLI words and `--json` prints. */
import type { Segment } from "./path.js";

export type ChangeOp = "add" | "remove" | "change" | "move";

export interface Change {
  /** Rendered Harness path (see path.ts). */
  path: string;
  op: ChangeOp;
  /** Value before (absent for add). */
  before?: unknown;
  /** Value after (absent for remove). */
  after?: unknown;
  /** For an added list element: the element it follows (its `label id`), or "start". */
  position?: string;
  /** For an added list element: its `type`, shown as `(ShellScript)`. */
  type?: string;
  /** Machine form of the path. */
  segments: Segment[];
}

export interface Conflict {
  file: string;
  line: number;
  col: number;
  path: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
  /** Why it conflicts, in words ("changed on both sides", "removed here, changed in the new render"). */
  reason: string;
  /** Set when --resolve settled it. */
  resolved?: "ours" | "theirs";
}

/** Absent (not the same as null): the key or element is not there. */
export const ABSENT: unique symbol = Symbol("absent");
export type Maybe<T> = T | typeof ABSENT;

/** Settles a conflict by its path or file, or for every conflict; undefined: leave it a conflict. */
export type Resolver = (conflict: Omit<Conflict, "resolved">) => "ours" | "theirs" | undefined;
