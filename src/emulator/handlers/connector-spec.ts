/**
 * Connector types and the required parts of the specs the kit renders (shared/harness-api.md §1.3,
 * from Harness's live connector schema). Other types are accepted with any object as `spec`.
 */
import { isObject } from "../fields.js";
import type { FieldChecker, Json } from "../fields.js";
import { invalidRequest } from "../route.js";

/** Checks `spec` for the connector `type`; adds field errors to `check`, throws for rule errors. */
export function checkSpec(type: string, spec: Json, check: FieldChecker): void {
  const nested = (obj: Json, field: string, at: string): Json | undefined => {
    const value = obj[field];
    if (value === undefined || value === null) return void check.add(`${at}.${field}`, "must not be null");
    if (!isObject(value)) return void check.add(`${at}.${field}`, "must be an object");
    return value;
  };
  const sub = (prefix: string) => new SubChecker(check, prefix);
  switch (type) {
    case "DockerRegistry": {
      sub("spec").required(spec, "dockerRegistryUrl");
      sub("spec").oneOf(spec, "providerType", ["DockerHub", "Harbor", "Quay", "Other"]);
      const auth = nested(spec, "auth", "spec");
      const authType = auth && sub("spec.auth").oneOf(auth, "type", ["UsernamePassword", "Anonymous"]);
      if (auth && authType === "UsernamePassword") {
        const creds = nested(auth, "spec", "spec.auth");
        if (creds) {
          sub("spec.auth.spec").required(creds, "passwordRef");
          if (creds.username === undefined && creds.usernameRef === undefined) check.add("spec.auth.spec.username", "must not be null");
        }
      }
      return;
    }
    case "Github":
    case "Gitlab":
    case "Bitbucket": {
      sub("spec").required(spec, "url");
      sub("spec").oneOf(spec, "type", ["Account", "Repo", "Project"]);
      const authentication = nested(spec, "authentication", "spec");
      if (authentication) sub("spec.authentication").oneOf(authentication, "type", ["Http", "Ssh"]);
      return;
    }
    case "K8sCluster": {
      const credential = nested(spec, "credential", "spec");
      const kind = credential && sub("spec.credential").oneOf(credential, "type", ["InheritFromDelegate", "ManualConfig"]);
      if (credential && kind === "InheritFromDelegate") {
        // Server-side rules (seen in captured 400 INVALID_REQUEST answers), not bean validation.
        const selectors = spec.delegateSelectors;
        if (!Array.isArray(selectors) || selectors.length === 0) {
          throw invalidRequest("Delegate Selector cannot be null for inherit from delegate credential type");
        }
        if (credential.spec !== undefined && credential.spec !== null) {
          throw invalidRequest("No spec should be provided with the inherit from delegate type");
        }
      }
      if (credential && kind === "ManualConfig") {
        const manual = nested(credential, "spec", "spec.credential");
        if (manual) sub("spec.credential.spec").required(manual, "masterUrl");
        const auth = manual && nested(manual, "auth", "spec.credential.spec");
        if (auth) sub("spec.credential.spec.auth").required(auth, "type");
      }
      return;
    }
    case "Aws": {
      const credential = nested(spec, "credential", "spec");
      if (credential) {
        sub("spec.credential").oneOf(credential, "type", ["InheritFromDelegate", "ManualConfig", "Irsa", "OidcAuthentication", "CredentialBroker"]);
      }
      return;
    }
    default:
      return;
  }
}

/** A FieldChecker view that prefixes paths (errors land in the parent checker). */
class SubChecker {
  constructor(
    private readonly parent: FieldChecker,
    private readonly prefix: string,
  ) {}

  required(obj: Json, field: string): string | undefined {
    const value = obj[field];
    if (value === undefined || value === null) return void this.parent.add(`${this.prefix}.${field}`, "must not be null");
    if (typeof value !== "string") return void this.parent.add(`${this.prefix}.${field}`, "must be a string");
    return value;
  }

  oneOf(obj: Json, field: string, allowed: readonly string[]): string | undefined {
    const value = this.required(obj, field);
    if (value !== undefined && !allowed.includes(value)) this.parent.add(`${this.prefix}.${field}`, `must be one of ${allowed.join(", ")}`);
    return value;
  }
}
