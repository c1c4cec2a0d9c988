/**
 * `plan --diff`: a unified diff in the local file's own layout. Harness's version is rebuilt from
 * the local file by applying, through the merge, the changes that lead from the file to Harness;
 * so the diff shows only the lines that differ, with the file's comments, order and indentation
 * as context, instead of a key-sorted dump of both sides.
 */
import { createTwoFilesPatch } from "diff";
import { parse, stringify } from "yaml";
import { applyChanges } from "../merge/apply.js";
import { diffData } from "../merge/diff.js";
import { mergeFile } from "../merge/merge-file.js";

/** undefined when the file cannot be re-laid out (the caller falls back to the normalised diff). */
export function layoutDiff(localText: string, localName: string, local: unknown, remote: unknown): string | undefined {
  try {
    const isJson = localName.endsWith(".json");
    const raw: unknown = isJson ? JSON.parse(localText) : parse(localText);
    const remoteShaped = applyChanges(raw, diffData(local, remote));
    const theirs = isJson ? `${JSON.stringify(remoteShaped, null, 2)}\n` : stringify(remoteShaped, { lineWidth: 0 });
    const harnessText = mergeFile({ file: localName, base: localText, ours: localText, theirs }).text;
    if (harnessText === localText) return undefined;
    const patch = createTwoFilesPatch("harness", localName, harnessText, localText, undefined, undefined, { context: 3 });
    return patch
      .split("\n")
      .filter((line) => !/^(Index:|={5,})/.test(line))
      .join("\n")
      .trimEnd();
  } catch {
    return undefined;
  }
}
