/**
 * `publish --rollback`: deletes what the last publish run created, newest kind first (pipelines
 * before the connectors they use, the project last), read from the journal. Only entities that
 * still carry the kit's tag are deleted; one that is gone already counts as done, one that lost
 * the tag (someone took it over) is kept. The files are not read: they may have changed since.
 */
import path from "node:path";
import { isKitError } from "../errors.js";
import type { HarnessClient } from "../harness/client.js";
import { deleteRequest, isNotFound } from "../harness/entity-api.js";
import type { EntityKind } from "../layout.js";
import { DEFAULT_OUT_DIR, PUBLISH_ORDER } from "../layout.js";
import { mapLimit } from "../plan/map-limit.js";
import type { Doc } from "../harness/entity-api.js";
import type { RemoteState } from "../plan/plan-entity.js";
import { fetchRemote } from "../plan/plan-entity.js";
import { deleteOrder } from "./template-order.js";
import type { ConnectOptions } from "../plan/session.js";
import { connect, DEFAULT_CONCURRENCY, interrupted } from "../plan/session.js";
import type { JournalEntry } from "./journal.js";
import { Journal, journalFile, stateDirFor } from "./journal.js";

export interface RollbackOptions extends ConnectOptions {
  stateDir?: string;
  onProgress?: (item: RollbackItem) => void;
}

export interface RollbackItem {
  kind: EntityKind;
  identifier: string;
  /** Templates: which version. */
  versionLabel?: string;
  /** `kept`: it exists but no longer carries the kit's tag, so it is not ours to delete. */
  action: "deleted" | "missing" | "kept" | "failed";
  error?: string;
}

export interface RollbackResult {
  ok: boolean;
  endpoint: string;
  account: string;
  results: RollbackItem[];
  /** When the run being undone started; undefined if there was none to undo. */
  runStartedAt?: string;
  journal: string;
}

/** About 15 s with the default backoff. */
const REFERENCE_ATTEMPTS = 6;

const isStillReferenced = (error: unknown): boolean => isKitError(error) && error.details?.code === "ENTITY_REFERENCE_EXCEPTION";

async function undo(client: HarnessClient, entry: JournalEntry, known?: RemoteState): Promise<RollbackItem> {
  const base = { kind: entry.kind, identifier: entry.identifier, ...(entry.versionLabel === undefined ? {} : { versionLabel: entry.versionLabel }) };
  try {
    const remote = known ?? (await fetchRemote(client, entry));
    if (!remote.exists) return { ...base, action: "missing" };
    if (!remote.owned) return { ...base, action: "kept", error: "no longer tagged as managed by harness-scaffold; left in place" };
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.send(deleteRequest(entry));
        break;
      } catch (error) {
        // A retried DELETE may find its first try already did the job.
        if (isNotFound(error)) break;
        // Harness clears a deleted connector's use of a secret by an async event: wait that out briefly.
        if (!isStillReferenced(error) || attempt >= REFERENCE_ATTEMPTS) throw error;
        await client.backoff(attempt);
      }
    }
    return { ...base, action: "deleted" };
  } catch (error) {
    if (!isKitError(error)) throw error;
    return { ...base, action: "failed", error: error.message };
  }
}

/**
 * Template versions one at a time, in an order Harness accepts (template-order.ts): each is read
 * first to learn whether it is stable and which templates it uses.
 */
async function undoTemplates(client: HarnessClient, entries: readonly JournalEntry[], journal: Journal, options: RollbackOptions): Promise<RollbackItem[]> {
  const read: (JournalEntry & { remote?: RemoteState; doc?: Doc; stable?: boolean })[] = [];
  for (const entry of entries) {
    options.signal?.throwIfAborted();
    const remote = await fetchRemote(client, entry).catch(() => undefined);
    read.push({ ...entry, remote, doc: remote?.doc, stable: remote?.stable });
  }
  const items: RollbackItem[] = [];
  for (const entry of deleteOrder(read)) {
    options.signal?.throwIfAborted();
    const item = await undo(client, entry, entry.remote);
    if (item.action !== "failed") await journal.forget(entry);
    options.onProgress?.(item);
    items.push(item);
  }
  return items;
}

export async function rollback(options: RollbackOptions): Promise<RollbackResult> {
  const dirs = options.dirs !== undefined && options.dirs.length > 0 ? options.dirs : [DEFAULT_OUT_DIR];
  const session = await connect(options, dirs);
  const { client } = session;
  const where = await journalFile(stateDirFor(options.env ?? {}, options.stateDir), client.endpoint, client.account, dirs.map((d) => path.resolve(options.cwd, d)));
  const journal = await Journal.open(where.file, { endpoint: client.endpoint, account: client.account, dirs: where.dirs });
  const run = journal.lastRun;
  const results: RollbackItem[] = [];
  const base = { endpoint: client.endpoint, account: client.account, journal: journal.file };
  try {
    if (run === undefined || run.rolledBackAt !== undefined || run.created.length === 0) return { ...base, ok: true, results, runStartedAt: run?.startedAt };
    for (const kind of [...PUBLISH_ORDER].reverse()) {
      const entries = run.created.filter((e) => e.kind === kind).reverse();
      if (kind === "template") {
        const done = await undoTemplates(client, entries, journal, options);
        results.push(...done);
        if (done.some((d) => d.action === "failed")) return { ...base, ok: false, results, runStartedAt: run.startedAt };
        continue;
      }
      const done = await mapLimit(entries, options.concurrency ?? DEFAULT_CONCURRENCY, async (entry) => {
        const item = await undo(client, entry);
        if (item.action !== "failed") await journal.forget(entry);
        options.onProgress?.(item);
        return item;
      }, options.signal);
      results.push(...done);
      if (done.some((d) => d.action === "failed")) return { ...base, ok: false, results, runStartedAt: run.startedAt };
    }
    await journal.rolledBack();
    return { ...base, ok: true, results, runStartedAt: run.startedAt };
  } catch (error) {
    throw interrupted(options.signal, error, 'run "harness-scaffold publish --rollback" again to finish');
  } finally {
    await session.close();
  }
}
