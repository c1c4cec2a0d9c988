/**
 * Three-way merge of one Harness file (YAML or JSON) given as three texts. The result keeps the
 * team's file byte for byte when nothing changes; otherwise YAML is printed from the team's own
 * Document (their comments, key order, quoting and blank lines stay) with the indentation found in
 * their file, and JSON is printed with the team's indentation.
 */
import type { Document } from "yaml";
import { LineCounter, parseDocument } from "yaml";
import { KitError } from "../errors.js";
import { valuesOf } from "../util/yaml-values.js";
import { diffData } from "./diff.js";
import { mergeValue } from "./merge3.js";
import type { MergeContext } from "./merge3.js";
import type { Change, Conflict, Resolver } from "./types.js";
import { ABSENT } from "./types.js";

export interface MergeInput {
  /** Shown in conflicts, e.g. `.harness/pipelines/payments_cd.yaml`. */
  file: string;
  /** What was rendered last time; undefined when the file is new on both sides. */
  base: string | undefined;
  ours: string;
  theirs: string;
  resolve?: Resolver;
}

export interface MergeResult {
  text: string;
  changed: boolean;
  changes: Change[];
  /** Every conflict found; those with `resolved` were settled by the resolver. */
  conflicts: Conflict[];
}

export function mergeFile(input: MergeInput): MergeResult {
  const json = input.file.endsWith(".json");
  const lines = new LineCounter();
  const ours = parse(input.ours, input.file, "your file", lines);
  const theirs = parse(input.theirs, input.file, "the new render");
  const base = input.base === undefined ? ABSENT : parse(input.base, input.file, "the recorded base").toJS();
  const ctx: MergeContext = { file: input.file, ours, theirs, lines, conflicts: [], changes: [], resolve: input.resolve };
  ours.contents = mergeValue(ctx, { segments: [] }, base, ours.contents, theirs.contents) as Document["contents"];
  const changed = ctx.changes.length > 0;
  if (!changed) return { text: input.ours, changed, changes: [], conflicts: ctx.conflicts };
  const text = json ? jsonText(ours, input.ours) : yamlText(ours, input.ours);
  return { text, changed: text !== input.ours, changes: ctx.changes, conflicts: ctx.conflicts };
}

/** Throws the merge's own error when the team's file does not parse (or is an alias bomb). */
export function checkParses(file: string, ours: string): void {
  parse(ours, file, "your file", new LineCounter());
}

/** The changes from one version of a file to another, by Harness path (as a merge lists them). */
export function diffTexts(file: string, before: string, after: string): Change[] {
  return diffData(parse(before, file, "the recorded base").toJS(), parse(after, file, "the new render").toJS());
}

function parse(text: string, file: string, what: string, lineCounter?: LineCounter): Document {
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: true, ...(lineCounter ? { lineCounter } : {}) });
  const error = doc.errors[0];
  const where = (offset: number): string => {
    const at = lineCounter?.linePos(offset);
    return at ? `:${at.line}:${at.col}` : "";
  };
  if (error !== undefined) {
    throw new KitError("E_INPUT", `${file}${where(error.pos[0])}: ${what} does not parse: ${error.message.split("\n")[0]}`, {
      hint: "fix the file so it parses (harness-scaffold validate shows the spot), then run update again",
    });
  }
  // The merge reads values node by node; an alias bomb must stop here, as bad input.
  const values = valuesOf(doc);
  if (!values.ok) throw new KitError("E_INPUT", `${file}${where(values.problem.offset)}: ${what}: ${values.problem.message}`);
  return doc;
}

/** Indent width and whether block sequences are indented under their key, as the team's file has them. */
function detectStyle(text: string): { indent: number; indentSeq: boolean } {
  const lines = text.split("\n");
  let indent = 2;
  const first = lines.find((l) => /^ +\S/.test(l));
  if (first !== undefined) indent = Math.max(1, first.length - first.trimStart().length);
  let indentSeq = true;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const prev = lines[i - 1] as string;
    if (/^\s*- /.test(line) && /:\s*$/.test(prev)) {
      indentSeq = line.length - line.trimStart().length > prev.length - prev.trimStart().length;
      break;
    }
  }
  return { indent, indentSeq };
}

function yamlText(doc: Document, original: string): string {
  const text = doc.toString({ ...detectStyle(original), lineWidth: 0, minContentWidth: 0 });
  return original.endsWith("\n") ? text : text.replace(/\n$/, "");
}

function jsonText(doc: Document, original: string): string {
  const indent = /\n( +)"/.exec(original)?.[1]?.length ?? 2;
  const text = JSON.stringify(doc.toJS(), null, indent);
  return original.endsWith("\n") ? `${text}\n` : text;
}
