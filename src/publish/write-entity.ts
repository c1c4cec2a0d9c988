/**
 * The two writes publish makes, with the care each needs. A PUT is a full replace, so sending it
 * twice is harmless and the client retries it freely. A POST is not: when its answer is lost
 * (reset, timeout, 5xx, cut-off body) the entity may exist, so the next step is a GET, never a
 * second POST. It counts as created if it now exists with our tag; only if it is still absent is
 * the POST sent again. A "duplicate" refusal is checked the same way. No duplicates, however
 * faulty the network.
 */
import { isKitError, KitError } from "../errors.js";
import type { HarnessClient, HarnessRequest } from "../harness/client.js";
import { isDuplicate, stableRequest, writeRequest } from "../harness/entity-api.js";
import type { LocalEntity } from "../plan/local-entities.js";
import { scopedDoc } from "../plan/local-entities.js";
import { withOwnership, yamlWithOwnership } from "../plan/ownership.js";
import { fetchRemote, isMarkedStable } from "../plan/plan-entity.js";

/** The request for `entity`, with the ownership tag added to what is sent (never to the file). */
function request(method: "POST" | "PUT", entity: LocalEntity) {
  const yamlText = entity.file.endsWith(".json") ? "" : yamlWithOwnership(entity.kind, entity.text);
  return writeRequest(method, entity, withOwnership(entity.kind, scopedDoc(entity)), yamlText);
}

export async function updateEntity(client: HarnessClient, entity: LocalEntity): Promise<void> {
  await client.send(request("PUT", entity));
  await markStable(client, entity);
}

/**
 * A template version tagged stable becomes Harness's stable version. The first version of a
 * template is stable on its own; setting it again is harmless (the PUT is idempotent).
 */
export async function markStable(client: HarnessClient, entity: LocalEntity): Promise<void> {
  if (isMarkedStable(entity)) await client.send(stableRequest(entity));
}

export interface CreateOutcome {
  /** True when a lost answer had to be settled by a GET (the entity was there). */
  recovered: boolean;
  /** POSTs sent for this entity. */
  posts: number;
}

/**
 * `post` replaces the usual request (secrets build theirs with the value read a moment ago);
 * `refused` reads a success answer that still saved nothing (a secret a policy denied).
 */
export async function createEntity(
  client: HarnessClient,
  entity: LocalEntity,
  post: HarnessRequest = request("POST", entity),
  refused: (data: unknown) => Error | undefined = () => undefined,
): Promise<CreateOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const problem = refused(await client.send(post));
      if (problem !== undefined) throw problem;
      return { recovered: false, posts: attempt };
    } catch (error) {
      const unknown = isKitError(error) && error.details?.outcomeUnknown === true;
      const duplicate = isDuplicate(error);
      if (!unknown && !duplicate) throw error;
      const remote = await fetchRemote(client, entity);
      if (remote.exists && remote.owned) return { recovered: true, posts: attempt };
      if (remote.exists) {
        throw new KitError("E_CONFLICT", `exists in Harness but was not created by harness-scaffold (someone created it meanwhile)`, {
          hint: "publish --adopt takes it over",
        });
      }
      if (duplicate) throw reservedIdentifier(error, entity);
      if (attempt >= client.policy.maxAttempts) throw error;
      await client.backoff(attempt);
    }
  }
}

/**
 * Refused as a duplicate, yet not there: Harness keeps the identifier of a deleted project,
 * organization, pipeline or trigger reserved ("… or was deleted"), so only another one will do.
 */
function reservedIdentifier(error: unknown, entity: LocalEntity): unknown {
  if (!isKitError(error)) return error;
  return new KitError(error.code, error.message, {
    cause: error,
    ...(error.details === undefined ? {} : { details: error.details }),
    hint: `no ${entity.kind} "${entity.identifier}" is there to take over: Harness keeps the identifiers of deleted ones reserved, so give it another identifier (or restore the deleted one in Harness)`,
  });
}
