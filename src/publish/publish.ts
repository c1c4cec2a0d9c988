/**
 * `publish`: makes Harness match the files. Kind by kind in publish order (a pipeline never goes
 * before its connectors), each kind planned afresh and then written with bounded concurrency.
 * A kind with a failure ends the run; running publish again resumes it. Every create is journaled
 * the moment it is known, for `publish --rollback`.
 */
import path from "node:path";
import { isKitError } from "../errors.js";
import type { HarnessClient } from "../harness/client.js";
import type { EntityKind } from "../layout.js";
import { PUBLISH_ORDER } from "../layout.js";
import type { LocalEntity } from "../plan/local-entities.js";
import { mapLimit } from "../plan/map-limit.js";
import { aboutEntity, decide, fetchRemote, NewParents } from "../plan/plan-entity.js";
import type { ConnectOptions } from "../plan/session.js";
import { connect, DEFAULT_CONCURRENCY, interrupted, readValidated } from "../plan/session.js";
import { Journal, journalFile, stateDirFor } from "./journal.js";
import { writeOrder } from "./template-order.js";
import { checkWebhook, type WebhookResult, type WebhookStatusOptions } from "./webhook-status.js";
import { createEntity, markStable, updateEntity } from "./write-entity.js";
import type { PreparedSecret, RotateSecrets } from "./publish-secrets.js";
import { checkRotation, prepareSecrets, publishSecret } from "./publish-secrets.js";
import { addressKey } from "../plan/local-entities.js";
import { repositoryRoot } from "../secrets/value-source.js";
import type { ConnectionTest } from "./test-connections.js";
import { runConnectionTests } from "./test-connections.js";

export interface PublishOptions extends ConnectOptions {
  /** Take over entities that exist in Harness without the kit's tag (they are updated and tagged). */
  adopt?: boolean;
  /** Where journals live; default from HARNESS_SCAFFOLD_STATE_DIR / XDG_STATE_HOME / ~/.local/state. */
  stateDir?: string;
  onProgress?: (event: ProgressEvent) => void;
  /** How long to wait for a webhook trigger's registration result. */
  webhookStatus?: WebhookStatusOptions;
  /** Update the values of existing secrets: all of them (`true`) or those named. */
  rotateSecrets?: RotateSecrets;
  /** Asks for a `prompt` secret's value with hidden input; absent without a terminal. */
  promptSecret?: (question: string) => Promise<string>;
  /** After a successful run, test every connector's connection (`publish --test-connections`). */
  testConnections?: boolean;
}

export type PublishAction = "created" | "updated" | "unchanged" | "failed";

export interface PublishItem {
  kind: EntityKind;
  identifier: string;
  /** Templates: which version. */
  versionLabel?: string;
  action: PublishAction;
  file: string;
  error?: string;
  hint?: string;
  /** An update that took over an untagged entity (--adopt). */
  adopted?: boolean;
  /** A create whose answer was lost, settled by a GET. */
  recovered?: boolean;
  /** A webhook trigger created or updated: its registration with the Git provider. */
  webhook?: WebhookResult;
}

export type ProgressEvent =
  | { type: "kind"; kind: EntityKind; count: number }
  | { type: "start"; kind: EntityKind; identifier: string }
  | { type: "done"; item: PublishItem };

export interface PublishResult {
  ok: boolean;
  endpoint: string;
  account: string;
  results: PublishItem[];
  /** Not attempted because an earlier kind failed. */
  skipped: { kind: EntityKind; identifier: string }[];
  stoppedAt?: EntityKind;
  /** This run continued one that had failed. */
  resumed: boolean;
  journal: string;
  stats: ReturnType<HarnessClient["stats"]>;
  /** With `testConnections`: one result per connector. */
  connectionTests?: ConnectionTest[];
}

/**
 * Entities of one kind that may go in parallel, wave after wave: an SSHKey secret names the
 * secret holding its key, which Harness must already have (404 ENTITY_NOT_FOUND otherwise).
 */
function waves(kind: EntityKind, ofKind: LocalEntity[]): LocalEntity[][] {
  if (kind !== "secret") return [ofKind];
  const isSsh = (e: LocalEntity): boolean => (e.doc.secret as { type?: unknown } | undefined)?.type === "SSHKey";
  return [ofKind.filter((e) => !isSsh(e)), ofKind.filter(isSsh)].filter((w) => w.length > 0);
}

/** 401/403 concern every entity alike: stop at once with the server's word instead of repeating it per entity. */
const isFatal = (error: unknown): boolean => isKitError(error) && [401, 403].includes(error.details?.status as number);

/**
 * One at a time: triggers (webhooks for one repository registered in parallel may be duplicated;
 * Terraform waits 5 s) and templates (versions in writeOrder, a template's first version before the others).
 */
const concurrencyOf = (kind: EntityKind, wanted: number): number => (kind === "trigger" || kind === "template" ? 1 : wanted);

/** After a write: a webhook trigger's registration result, or the failure it is. */
async function withWebhook(client: HarnessClient, entity: LocalEntity, item: PublishItem, options: WebhookStatusOptions | undefined): Promise<PublishItem> {
  if (entity.kind !== "trigger") return item;
  try {
    const webhook = await checkWebhook(client, entity, options);
    return webhook === undefined ? item : { ...item, webhook };
  } catch (error) {
    if (!isKitError(error) || isFatal(error)) throw error;
    return { ...item, action: "failed", error: error.message, hint: error.hint, webhook: error.details?.webhook as WebhookResult | undefined };
  }
}

/** What one entity's publish needs beyond the entity: its webhook wait (triggers), its prepared value (secrets). */
interface OneOptions {
  webhook?: WebhookStatusOptions;
  secret?: PreparedSecret;
}

async function publishOne(client: HarnessClient, entity: LocalEntity, parentIsNew: boolean, adopt: boolean, journal: Journal, { webhook, secret }: OneOptions): Promise<PublishItem> {
  const item = await writeOne(client, entity, parentIsNew, adopt, journal, secret);
  const written = item.action === "created" || item.action === "updated" ? withWebhook(client, entity, item, webhook) : retryRegistration(client, entity, item, webhook);
  return written.catch((e: unknown) => {
    throw aboutEntity(entity, e);
  });
}

/**
 * An unchanged webhook trigger whose registration failed earlier (say the connector had no API
 * access then) is saved again: Harness retries a registration only on an update.
 */
async function retryRegistration(client: HarnessClient, entity: LocalEntity, item: PublishItem, options: WebhookStatusOptions | undefined): Promise<PublishItem> {
  if (entity.kind !== "trigger" || item.action !== "unchanged") return item;
  const before = await withWebhook(client, entity, item, { ...options, reads: 1 });
  if (before.action !== "failed") return before;
  await updateEntity(client, entity);
  return withWebhook(client, entity, { ...item, action: "updated" }, options);
}

async function writeOne(client: HarnessClient, entity: LocalEntity, parentIsNew: boolean, adopt: boolean, journal: Journal, secret?: PreparedSecret): Promise<PublishItem> {
  const base = { kind: entity.kind, identifier: entity.identifier, file: entity.file, ...(entity.versionLabel === undefined ? {} : { versionLabel: entity.versionLabel }) };
  try {
    if (secret !== undefined) {
      const outcome = await publishSecret(client, entity, secret, adopt, journal);
      return { ...base, ...outcome };
    }
    const remote = parentIsNew ? { exists: false, owned: false } : await fetchRemote(client, entity);
    switch (decide(entity, remote).action) {
      case "unchanged":
        return { ...base, action: "unchanged" };
      case "update":
        await updateEntity(client, entity);
        return { ...base, action: "updated" };
      case "exists":
        return { ...base, action: "unchanged" };
      case "conflict":
        if (!adopt) {
          return { ...base, action: "failed", error: "exists in Harness but was not created by harness-scaffold; left alone", hint: "publish --adopt takes it over (updates it and tags it as managed)" };
        }
        await updateEntity(client, entity);
        return { ...base, action: "updated", adopted: true };
      case "create": {
        const outcome = await createEntity(client, entity);
        await journal.created(entity);
        await markStable(client, entity);
        return { ...base, action: "created", recovered: outcome.recovered };
      }
    }
  } catch (error) {
    if (isFatal(error) || !isKitError(error)) throw aboutEntity(entity, error);
    return { ...base, action: "failed", error: error.message, hint: error.hint };
  }
}

export async function publish(options: PublishOptions): Promise<PublishResult> {
  const { dirs, entities } = await readValidated(options);
  const secrets = entities.filter((e) => e.kind === "secret");
  checkRotation(secrets, options.rotateSecrets);
  const session = await connect(options, dirs);
  const { client } = session;
  const env = options.env ?? {};
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  let prepared: Map<string, PreparedSecret>;
  try {
    const root = await repositoryRoot(path.resolve(options.cwd, dirs[0] ?? "."), options.cwd);
    const sources = { env, root, promptSecret: options.promptSecret };
    prepared = await prepareSecrets(client, secrets, { sources, rotate: options.rotateSecrets, concurrency, signal: options.signal });
  } catch (error) {
    await session.close();
    throw interrupted(options.signal, error, "nothing was changed; run publish again");
  }
  const where = await journalFile(stateDirFor(env, options.stateDir), client.endpoint, client.account, dirs.map((d) => path.resolve(options.cwd, d)));
  const journal = await Journal.open(where.file, { endpoint: client.endpoint, account: client.account, dirs: where.dirs });
  const { resumed } = await journal.begin();
  const results: PublishItem[] = [];
  const newParents = new NewParents();
  let stoppedAt: EntityKind | undefined;
  try {
    for (const kind of PUBLISH_ORDER) {
      let ofKind = entities.filter((e) => e.kind === kind);
      if (ofKind.length === 0) continue;
      // Template versions go one at a time, used ones first (Harness resolves them on save).
      if (kind === "template") ofKind = writeOrder(ofKind);
      options.onProgress?.({ type: "kind", kind, count: ofKind.length });
      const done: PublishItem[] = [];
      for (const wave of waves(kind, ofKind)) {
        done.push(...(await mapLimit(
          wave,
          concurrencyOf(kind, concurrency),
          async (entity) => {
            options.onProgress?.({ type: "start", kind, identifier: entity.identifier });
            const parentIsNew = newParents.contains(entity);
            const item = await publishOne(client, entity, parentIsNew, options.adopt === true, journal, {
              webhook: options.webhookStatus,
              secret: prepared.get(addressKey(entity)),
            });
            if (item.action === "created") newParents.add(entity);
            options.onProgress?.({ type: "done", item });
            return item;
          },
          options.signal,
        )));
      }
      results.push(...done);
      if (done.some((r) => r.action === "failed")) {
        stoppedAt = kind;
        break;
      }
    }
  } catch (error) {
    await journal.finish(false);
    await session.close();
    throw interrupted(options.signal, error, `${results.length} of ${entities.length} entities were done; run "harness-scaffold publish" again to finish (or --rollback to undo)`);
  }
  let connectionTests: ConnectionTest[] | undefined;
  try {
    await journal.finish(stoppedAt === undefined && results.length === entities.length);
    if (options.testConnections === true && stoppedAt === undefined) {
      connectionTests = await runConnectionTests(client, entities.filter((e) => e.kind === "connector"), { concurrency, signal: options.signal });
    }
  } finally {
    await session.close();
  }
  const attempted = new Set(results.map((r) => `${r.kind}/${r.file}`));
  const skipped = entities.filter((e) => !attempted.has(`${e.kind}/${e.file}`)).map((e) => ({ kind: e.kind, identifier: e.identifier }));
  return {
    ok: stoppedAt === undefined && (connectionTests ?? []).every((t) => t.status === "SUCCESS"),
    connectionTests,
    endpoint: client.endpoint,
    account: client.account,
    results,
    skipped,
    stoppedAt,
    resumed,
    journal: journal.file,
    stats: client.stats(),
  };
}
