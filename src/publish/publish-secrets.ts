/**
 * The secrets step of publish. Before anything is written, every secret is looked up in Harness
 * and the value of each one to create (or rotate) is read from its source; if any value is
 * missing the run stops there, naming each secret and variable, with nothing sent. Then, after
 * the project, each secret is created (existing ones are left alone unless rotated), waiting out
 * a new project's secret manager that Harness has not finished creating.
 */
import { isKitError, KitError } from "../errors.js";
import type { HarnessClient } from "../harness/client.js";
import { isManagerNotReady, secretSaveDenied, secretWriteRequest } from "../harness/secret-api.js";
import type { Secret } from "../harness/secret.js";
import type { LocalEntity } from "../plan/local-entities.js";
import { addressKey } from "../plan/local-entities.js";
import { mapLimit } from "../plan/map-limit.js";
import { withOwnership } from "../plan/ownership.js";
import { aboutEntity, fetchRemote } from "../plan/plan-entity.js";
import type { RemoteState } from "../plan/plan-entity.js";
import { secretWords } from "../secrets/messages.js";
import { readSecretValue } from "../secrets/value-source.js";
import type { SourceContext } from "../secrets/value-source.js";
import type { Journal } from "./journal.js";
import { createEntity } from "./write-entity.js";

/** `true`: rotate every secret; a list: those identifiers only. */
export type RotateSecrets = boolean | readonly string[];

export interface PreparedSecret {
  /** Undefined when the lookup failed (not for want of credentials): it is asked again when the secret's turn comes. */
  remote: RemoteState | undefined;
  rotate: boolean;
  value?: Secret;
}

/** At most this many backoff rounds (about 35 s with the default policy) for the new project's secret manager. */
const MANAGER_ATTEMPTS = 8;

const wantsRotation = (rotate: RotateSecrets | undefined, id: string): boolean => rotate === true || (Array.isArray(rotate) && rotate.includes(id));
const typeOf = (e: LocalEntity): unknown => (e.doc.secret as Record<string, unknown> | undefined)?.type;

/** Refuses `--rotate-secret ID` for an ID no secret file has. */
export function checkRotation(secrets: readonly LocalEntity[], rotate: RotateSecrets | undefined): void {
  if (!Array.isArray(rotate)) return;
  const known = new Set(secrets.map((s) => s.identifier));
  const unknown = rotate.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new KitError("E_USAGE", `--rotate-secret ${unknown.join(", ")}: no such secret in the files`, {
      hint: known.size > 0 ? `secrets in the files: ${[...known].join(", ")}` : "there are no secret files (secrets/<id>.yaml)",
    });
  }
}

/** Looks every secret up and reads the values needed; throws E_INPUT (nothing sent) when one is missing. */
export async function prepareSecrets(
  client: HarnessClient,
  secrets: readonly LocalEntity[],
  options: { sources: SourceContext; rotate?: RotateSecrets; concurrency: number; signal?: AbortSignal },
): Promise<Map<string, PreparedSecret>> {
  const remotes = await mapLimit(
    secrets,
    options.concurrency,
    // A secret of a project that does not exist yet reads as absent (Harness: "not found"). A lookup
    // that fails otherwise (network, 5xx) leaves it unknown: its value is read as for a create.
    (entity) =>
      fetchRemote(client, entity).catch((e: unknown) => {
        if (isKitError(e) && ![401, 403].includes(e.details?.status as number)) return undefined;
        return Promise.reject(aboutEntity(entity, e));
      }),
    options.signal,
  );
  const prepared = new Map<string, PreparedSecret>();
  const problems: string[] = [];
  // One at a time: a prompt must not interleave with another.
  for (const [i, entity] of secrets.entries()) {
    const remote = remotes[i];
    const rotate = wantsRotation(options.rotate, entity.identifier) && remote?.exists !== false;
    const item: PreparedSecret = { remote, rotate };
    if (typeOf(entity) !== "SSHKey" && (remote?.exists !== true || rotate)) {
      try {
        item.value = await readSecretValue(entity.identifier, (entity.doc.secret as Record<string, unknown>).valueSource, options.sources);
      } catch (error) {
        if (!isKitError(error)) throw error;
        problems.push(`  ${entity.file}: ${error.message}${error.hint ? ` (${error.hint})` : ""}`);
      }
    }
    prepared.set(addressKey(entity), item);
  }
  if (problems.length > 0) {
    throw new KitError("E_INPUT", `${secretWords.missingBeforePublish(problems.length)}\n${problems.join("\n")}`, { hint: secretWords.missingHint });
  }
  return prepared;
}

export type SecretOutcome = { action: "created"; recovered: boolean } | { action: "updated" | "unchanged" } | { action: "failed"; error: string; hint?: string };

/** Creates, rotates or leaves one secret, as prepared. */
export async function publishSecret(client: HarnessClient, entity: LocalEntity, prepared: PreparedSecret, adopt: boolean, journal: Journal): Promise<SecretOutcome> {
  const doc = withOwnership("secret", entity.doc);
  const remote = prepared.remote ?? (await fetchRemote(client, entity));
  if (remote.exists) {
    if (!prepared.rotate) return { action: "unchanged" };
    if (!remote.owned && !adopt) {
      return { action: "failed", error: "exists in Harness but was not created by harness-scaffold; not rotated", hint: "publish --adopt --rotate-secret takes it over" };
    }
    const denied = secretSaveDenied(await client.send(secretWriteRequest("PUT", entity, doc, prepared.value)));
    if (denied !== undefined) throw denied;
    return { action: "updated" };
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      const outcome = await createEntity(client, entity, secretWriteRequest("POST", entity, doc, prepared.value), secretSaveDenied);
      await journal.created(entity);
      return { action: "created", recovered: outcome.recovered };
    } catch (error) {
      if (!isKitError(error) || !isManagerNotReady(error.details) || attempt >= MANAGER_ATTEMPTS) throw error;
      await client.backoff(attempt);
    }
  }
}
