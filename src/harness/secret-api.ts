/**
 * Secret requests (shared/harness-api-secrets.md §1–§2): the kit's value-free secret file plus
 * the value read a moment ago become Harness's SecretRequestWrapper. SecretText and SSHKey go as
 * JSON to `/ng/api/v2/secrets`, SecretFile as multipart (`spec` JSON text + `file`) to
 * `/ng/api/v2/secrets/files`. The value travels only inside the request, listed in `secrets`
 * so that any error text is scrubbed of it.
 */
import type { HarnessRequest } from "./client.js";
import type { Doc, EntityAddress } from "./entity-api.js";
import type { Secret } from "./secret.js";
import { FormData } from "undici";
import { KitError } from "../errors.js";

export const HARNESS_SECRET_MANAGER = "harnessSecretManager";
const BASE = "/ng/api/v2/secrets";

const scopeQuery = (a: EntityAddress) => ({ orgIdentifier: a.org, projectIdentifier: a.project });

function sshSpec(ssh: Doc): Doc {
  const password = ssh.credentialType === "Password";
  const creds: Doc = password
    ? { userName: ssh.userName, password: ssh.passwordRef }
    : { userName: ssh.userName, key: ssh.keyRef, ...(ssh.passphraseRef === undefined ? {} : { encryptedPassphrase: ssh.passphraseRef }) };
  return { port: ssh.port ?? 22, auth: { type: "SSH", spec: { credentialType: password ? "Password" : "KeyReference", spec: creds } } };
}

/** The Secret DTO for `doc` (the file's document, ownership tag included); `value` only for SecretText. */
function secretDto(a: EntityAddress, doc: Doc, value: Secret | undefined): Doc {
  const s = (doc.secret ?? {}) as Doc;
  const manager = typeof s.secretManagerIdentifier === "string" ? s.secretManagerIdentifier : HARNESS_SECRET_MANAGER;
  let spec: Doc;
  if (s.type === "SSHKey") spec = sshSpec((s.ssh ?? {}) as Doc);
  else if (s.type === "SecretFile") spec = { secretManagerIdentifier: manager };
  else spec = { secretManagerIdentifier: manager, valueType: "Inline", ...(value === undefined ? {} : { value: value.reveal() }) };
  const dto: Doc = { type: s.type, name: s.name, identifier: a.identifier, orgIdentifier: a.org, projectIdentifier: a.project, description: s.description, tags: s.tags ?? {}, spec };
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
}

/** POST (create) or PUT (update, e.g. a rotation) of a secret. A PUT without value keeps Harness's. */
export function secretWriteRequest(method: "POST" | "PUT", a: EntityAddress, doc: Doc, value: Secret | undefined): HarnessRequest {
  const wrapper = { secret: secretDto(a, doc, value) };
  const secrets = value === undefined ? [] : [value];
  const id = encodeURIComponent(a.identifier);
  if (wrapper.secret.type === "SecretFile") {
    const form = new FormData();
    form.set("spec", JSON.stringify(wrapper));
    if (value !== undefined) form.set("file", new Blob([value.reveal()]), a.identifier);
    return { method, path: method === "POST" ? `${BASE}/files` : `${BASE}/files/${id}`, query: scopeQuery(a), form, secrets };
  }
  return { method, path: method === "POST" ? BASE : `${BASE}/${id}`, query: scopeQuery(a), json: wrapper, secrets };
}

/**
 * Harness creates each project's `harnessSecretManager` from an async event, so a secret sent
 * right after its project can be refused for a moment (§4): that refusal, and only it, is worth
 * waiting out.
 */
export function isManagerNotReady(details: Record<string, unknown> | undefined): boolean {
  if (details === undefined) return false;
  const message = typeof details.message === "string" ? details.message : "";
  if (details.code === "SECRET_MANAGEMENT_ERROR") return /secret manager/i.test(message);
  return details.code === "RESOURCE_NOT_FOUND_EXCEPTION" && message.includes(HARNESS_SECRET_MANAGER);
}

/**
 * A secret save that an OPA policy denied: Harness answers 200 without `data.secret`, with the
 * verdict in `governanceMetadata`, and saves nothing (shared/harness-api-secrets.md §1). A success
 * status is not a saved secret, so this is an error carrying the policy's words.
 */
export function secretSaveDenied(data: unknown): KitError | undefined {
  const d = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  if (typeof d.secret === "object" && d.secret !== null) return undefined;
  const governance = (d.governanceMetadata ?? {}) as Record<string, unknown>;
  const said = typeof governance.message === "string" && governance.message !== "" ? `: ${governance.message}` : "";
  return new KitError("E_HTTP", `Harness did not save the secret; a policy denied it${said}`, {
    hint: "see the policy evaluation in Harness (Project Settings › Policies), change the secret or the policy, then publish again",
    details: { status: 200, code: "POLICY_DENIED" },
  });
}
