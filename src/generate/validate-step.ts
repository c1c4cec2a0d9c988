/**
 * The validate step between rendering and writing. The rendered files are checked together with
 * the entity files already in the out dir (so references to a project or connector written by an
 * earlier run resolve); only errors in the files this run writes stop it.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { KitError } from "../errors.js";
import { PUBLISH_ORDER } from "../layout.js";
import { kindFiles } from "../layout-files.js";
import type { RenderedFile } from "../render/render.js";
import type { Issue, SourceFile } from "../validate/types.js";
import { validateSources } from "../validate/validate.js";

/** Returns the warnings about the rendered files; throws E_INVALID when any of them has an error. */
export async function validateRendered(rendered: ReadonlyArray<Pick<RenderedFile, "path" | "text">>, outDir: string, shownOut: string): Promise<Issue[]> {
  const ours = new Map(rendered.map((f) => [`${shownOut}/${f.path}`, f.text]));
  const existing = await existingEntityFiles(outDir, shownOut);
  const sources: SourceFile[] = [
    ...existing.filter((f) => !ours.has(f.path)),
    ...[...ours].map(([file, text]) => ({ path: file, text })),
  ];
  const result = await validateSources(sources);
  const mine = result.issues.filter((issue) => ours.has(issue.file));
  const errors = mine.filter((issue) => issue.severity === "error");
  if (errors.length > 0) {
    throw new KitError("E_INVALID", `the rendered files do not pass validation; nothing was written:\n${errors.map(formatIssue).join("\n")}`, {
      hint: "change the answers named above (or the template given with --templates) and run again",
      details: { issues: errors },
    });
  }
  return mine;
}

export function formatIssue(issue: Issue): string {
  return `  ${issue.file}:${issue.line}:${issue.column}: ${issue.severity} ${issue.code}: ${issue.message}`;
}

/** Entity files already in the out dir, in the layout's folders only. */
async function existingEntityFiles(outDir: string, shownOut: string): Promise<SourceFile[]> {
  // Listed and read all at once (in publish order): the reads overlap instead of queueing.
  const lists = await Promise.all(PUBLISH_ORDER.map((kind) => kindFiles(outDir, kind)));
  const texts = await Promise.all(lists.flat().map(async (relative) => {
    const text = await readFile(path.join(outDir, relative), "utf8").catch(() => undefined);
    return text === undefined ? [] : [{ path: `${shownOut}/${relative}`, text }];
  }));
  return texts.flat();
}
