/**
 * Secret files hold no value, only where the value comes from. Checks the schema cannot word well:
 * a `value:` key (refused outright), a source that fits the type, a `file:` path that stays inside
 * the repository, an SSHKey that names its key or password secret.
 */
import path from "node:path";
import { words } from "../messages.js";
import { isRecord } from "../pointer.js";
import type { PointerIssue } from "../types.js";
import type { DocumentRule } from "./context.js";

export const secretRules: DocumentRule = (doc) => {
  const secret = isRecord(doc) ? doc.secret : undefined;
  if (!isRecord(secret)) return [];
  const issues: PointerIssue[] = [];
  const add = (key: string, code: string, message: string, at: PointerIssue["at"] = "key"): void => {
    issues.push({ path: key === "" ? "/secret" : `/secret/${key}`, code, message, severity: "error", at });
  };
  // The value itself is never echoed: the message names the key only.
  if ("value" in secret) add("value", "secret-value-in-file", words.secretValueInFile);
  const source = secret.valueSource;
  if (secret.type === "SSHKey") {
    if (source !== undefined) add("valueSource", "secret-source-unused", words.sshKeyHasNoSource);
    const ssh = isRecord(secret.ssh) ? secret.ssh : undefined;
    if (ssh === undefined) add("", "ssh-key-missing", words.sshKeyMissing, "key");
    else if ((ssh.credentialType ?? "KeyReference") === "KeyReference" && !nonEmpty(ssh.keyRef)) add("ssh", "ssh-key-missing", words.sshKeyMissing);
    else if (ssh.credentialType === "Password" && !nonEmpty(ssh.passwordRef)) add("ssh", "ssh-key-missing", words.sshPasswordMissing);
  } else if (secret.type === "SecretText" || secret.type === "SecretFile") {
    if (source === undefined) add("", "secret-source-missing", words.secretSourceMissing, "key");
    if (secret.type === "SecretFile" && typeof source === "string" && !source.startsWith("file:")) {
      add("valueSource", "secret-source-type", words.secretFileNeedsFile, "value");
    }
    if (secret.ssh !== undefined) add("ssh", "secret-ssh-unused", words.sshOnlyForSshKey);
  }
  if (typeof source === "string" && source.startsWith("file:")) {
    const file = source.slice("file:".length);
    const normal = path.posix.normalize(file.replaceAll("\\", "/"));
    if (path.posix.isAbsolute(normal) || path.win32.isAbsolute(file) || normal === ".." || normal.startsWith("../")) {
      add("valueSource", "secret-file-outside", words.secretFileOutside(file), "value");
    }
  }
  return issues;
};

const nonEmpty = (v: unknown): boolean => typeof v === "string" && v.trim() !== "";
