/**
 * Everything in one out dir belongs to one project: the org and project identifiers written in
 * each entity must be the project file's. Also, one identifier per kind: two files defining the
 * same connector would overwrite each other on publish.
 */
import { PROJECT_FILE } from "../../layout.js";
import { words } from "../messages.js";
import { isExpression } from "./context.js";
import type { FileIssue, SetRule } from "./cross-file.js";

export const projectScope: SetRule = (entities) => {
  const projects = entities.filter((e) => e.kind === "project" && e.body !== undefined);
  const project = projects[0];
  if (project?.body === undefined || projects.length > 1) return [];
  const expected: Record<string, unknown> = {
    orgIdentifier: project.body.orgIdentifier ?? "default",
    projectIdentifier: project.body.identifier,
  };
  const issues: FileIssue[] = [];
  for (const entity of entities) {
    if (entity.kind === "project" || entity.body === undefined) continue;
    for (const field of ["orgIdentifier", "projectIdentifier"]) {
      const value = entity.body[field];
      const want = expected[field];
      if (typeof value !== "string" || typeof want !== "string" || isExpression(value) || value === want) continue;
      issues.push({
        file: entity.file,
        path: `${entity.bodyPointer}/${field}`,
        severity: "error",
        code: "scope-mismatch",
        message: words.scopeMismatch(field, value, want, PROJECT_FILE),
      });
    }
  }
  return issues;
};

export const duplicateEntities: SetRule = (entities) => {
  const first = new Map<string, string>();
  const issues: FileIssue[] = [];
  for (const entity of entities) {
    if (entity.identifier === undefined) continue;
    // Identifiers are unique per project (projects per org): services in two projects may share them.
    const scope = entity.kind === "project" ? [entity.body?.orgIdentifier] : [entity.body?.orgIdentifier, entity.body?.projectIdentifier];
    // Triggers and input sets are unique per pipeline; versions of one template share its identifier.
    if (entity.pipeline !== undefined) scope.push(entity.pipeline);
    const version = entity.kind === "template" ? [String(entity.body?.versionLabel)] : [];
    const key = [entity.kind, ...scope.map((s) => (typeof s === "string" ? s : "")), entity.identifier, ...version].join("\u0000");
    const other = first.get(key);
    if (other === undefined) {
      first.set(key, entity.file);
      continue;
    }
    issues.push({
      file: entity.file,
      path: `${entity.bodyPointer}/identifier`,
      severity: "error",
      code: "duplicate-entity",
      message: words.duplicateEntity(entity.kind, entity.identifier, other),
    });
  }
  return issues;
};
