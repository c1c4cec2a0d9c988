/**
 * A template version's file is `templates/<identifier>/<versionLabel>.yaml`: a file whose place
 * and content disagree (v2 saved over v1.yaml, a copied folder) would publish something other than
 * its name says, so the mismatch is pointed out.
 */
import path from "node:path";
import { kindFromPath } from "../../layout.js";
import { words } from "../messages.js";
import type { FileIssue, SetRule } from "./cross-file.js";

export const templatePlace: SetRule = (entities) => {
  const issues: FileIssue[] = [];
  for (const entity of entities) {
    if (entity.kind !== "template" || kindFromPath(entity.file) !== "template") continue;
    const parts = entity.file.split(/[\\/]+/);
    const label = path.basename(parts.at(-1) ?? "", path.extname(parts.at(-1) ?? ""));
    const folder = parts.at(-2);
    const checks: [string, unknown, string | undefined][] = [
      ["identifier", entity.body?.identifier, folder],
      ["versionLabel", entity.body?.versionLabel, label],
    ];
    for (const [field, value, expected] of checks) {
      // A label or identifier that breaks its own rule is reported as that already.
      if (typeof value !== "string" || expected === undefined || value === expected || !/^[0-9a-zA-Z_][^\s/&]*$/.test(value)) continue;
      issues.push({ file: entity.file, path: `/template/${field}`, severity: "warning", code: "template-file-misplaced", message: words.templateMisplaced(field, value, expected) });
    }
  }
  return issues;
};
