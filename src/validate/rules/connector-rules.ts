/**
 * Connector checks Harness makes when a connector is saved, beyond its schema
 * (shared/harness-api.md §1.3: messages seen from the live API in Harness's MCP server tests).
 */
import { words } from "../messages.js";
import { isRecord } from "../pointer.js";
import type { PointerIssue } from "../types.js";
import type { DocumentRule } from "./context.js";

export const connectorRules: DocumentRule = (doc) => {
  const connector = isRecord(doc) ? doc.connector : undefined;
  if (!isRecord(connector) || !isRecord(connector.spec)) return [];
  const spec = connector.spec;
  const issues: PointerIssue[] = [];
  const add = (path: string, code: string, message: string, severity: PointerIssue["severity"] = "error", at: PointerIssue["at"] = "key"): void => {
    issues.push({ path, code, message, severity, at });
  };
  const credential = isRecord(spec.credential) ? spec.credential : undefined;
  const noSelectors = !Array.isArray(spec.delegateSelectors) || spec.delegateSelectors.length === 0;
  if (connector.type === "K8sCluster" && credential?.type === "InheritFromDelegate") {
    if (noSelectors) add("/connector/spec/credential/type", "inherit-needs-selectors", words.inheritNeedsSelectors, "error", "value");
    if (credential.spec !== undefined && credential.spec !== null) add("/connector/spec/credential/spec", "inherit-has-spec", words.inheritHasSpec);
  }
  // Not confirmed for Aws: Harness's UI asks for selectors, the API behaviour is unknown, hence a warning.
  if (connector.type === "Aws" && credential?.type === "InheritFromDelegate" && noSelectors) {
    add("/connector/spec/credential/type", "inherit-needs-selectors", words.awsInheritNeedsSelectors, "warning", "value");
  }
  if (connector.type === "Github" && spec.type === "Account" && (typeof spec.validationRepo !== "string" || spec.validationRepo.trim() === "")) {
    add("/connector/spec/type", "github-validation-repo", words.githubAccountNeedsRepo, "error", "value");
  }
  if (typeof connector.projectIdentifier === "string" && connector.orgIdentifier === undefined) {
    add("/connector/projectIdentifier", "scope-incomplete", words.projectScopeMissing("the connector"));
  }
  return issues;
};
