/**
 * The emulator's entities, in memory. Every mutation is synchronous, so a check ("does it exist?")
 * and the change that follows it can never interleave with another request: concurrent clients
 * are serialised by construction. `changes` counts mutations so the server knows when a request
 * has something to persist before it answers.
 *
 * With `reserveDeleted` (EmulatorOptions.reserveDeletedIdentifiers) a deleted organization,
 * project, pipeline or trigger leaves a reservation behind: its address stays `taken`. Those are
 * the kinds whose duplicate messages say "or was deleted" / "or is soft deleted".
 */
import type { Json } from "./fields.js";

export type StoredKind =
  | "organization" | "project" | "connector" | "pipeline" | "service" | "environment" | "infrastructure" | "template" | "secret" | "inputset" | "trigger";

export interface Scope {
  account: string;
  org: string | null;
  project: string | null;
}

export interface EntityRecord extends Scope {
  kind: StoredKind;
  /** The environment of an infrastructure, the versionLabel of a template, the pipeline of a trigger or input set; null for every other kind. */
  parent: string | null;
  identifier: string;
  createdAt: number;
  lastModifiedAt: number;
  version: number;
  /** The entity as Harness returns it (the kind's DTO fields), tags kept exactly as sent. */
  entity: Json;
  /** Secrets only: `salt:sha256(salt+value)`, never the value (it is never returned either). */
  valueDigest?: string;
  /** Connectors only: the result of the last connection test, shown by GET. */
  connectivity?: Json;
}

export interface RecordAddress extends Scope {
  kind: StoredKind;
  parent?: string | null;
  identifier: string;
}

/** The address of a deleted entity whose identifier stays taken. */
export interface Reservation extends Scope {
  kind: StoredKind;
  parent: string | null;
  identifier: string;
}

const RESERVABLE: ReadonlySet<StoredKind> = new Set(["organization", "project", "pipeline", "trigger"]);

function keyOf(a: RecordAddress): string {
  return JSON.stringify([a.kind, a.account, a.org, a.project, a.parent ?? null, a.identifier]);
}

export class Store {
  private readonly records = new Map<string, EntityRecord>();
  /** Loaded and saved whatever the switch; added to and consulted only when it is on. */
  private readonly reserved = new Map<string, Reservation>();
  /** Incremented by every mutation. */
  changes = 0;

  constructor(private readonly reserveDeleted = false) {}

  get(address: RecordAddress): EntityRecord | undefined {
    return this.records.get(keyOf(address));
  }

  /** A create of this address is a duplicate: the entity exists, or its delete left a reservation and reservations are on. */
  taken(address: RecordAddress): boolean {
    const key = keyOf(address);
    return this.records.has(key) || (this.reserveDeleted && this.reserved.has(key));
  }

  /** Records of a kind in exactly this scope (and parent), oldest first. */
  list(kind: StoredKind, scope: Scope, parent: string | null = null): EntityRecord[] {
    return [...this.records.values()].filter(
      (r) =>
        r.kind === kind && r.account === scope.account && r.org === scope.org && r.project === scope.project && r.parent === parent,
    );
  }

  /** Inserts or replaces; callers decide beforehand whether that is allowed. */
  put(record: EntityRecord): void {
    this.records.set(keyOf(record), record);
    this.changes++;
  }

  /** Takes a record out without deleting it for good (an update that moves it keeps nothing reserved). */
  remove(address: RecordAddress): boolean {
    const removed = this.records.delete(keyOf(address));
    if (removed) this.changes++;
    return removed;
  }

  /** Removes an entity a client deleted; with reservations on, a reservable kind's address stays taken. */
  delete(address: RecordAddress): boolean {
    const removed = this.remove(address);
    if (removed && this.reserveDeleted && RESERVABLE.has(address.kind)) {
      const { kind, account, org, project, parent = null, identifier } = address;
      this.reserved.set(keyOf(address), { kind, account, org, project, parent, identifier });
    }
    return removed;
  }

  /** Deletes everything that lives inside a project (its connectors, pipelines, services, ...). */
  removeChildrenOf(project: Scope & { project: string }): void {
    for (const r of [...this.records.values()]) {
      if (r.kind !== "project" && r.account === project.account && r.org === project.org && r.project === project.project) this.delete(r);
    }
  }

  /** Deletes a pipeline's input sets and triggers (Harness does when the pipeline is deleted). */
  removePipelineChildren(scope: Scope, pipeline: string): void {
    for (const kind of ["inputset", "trigger"] as const) for (const r of this.list(kind, scope, pipeline)) this.delete(r);
  }

  /** Removes an environment's infrastructures. */
  removeInfrastructuresOf(scope: Scope, environment: string): void {
    for (const r of this.list("infrastructure", scope, environment)) this.remove(r);
  }

  snapshot(): EntityRecord[] {
    return [...this.records.values()];
  }

  reservations(): Reservation[] {
    return [...this.reserved.values()];
  }

  load(records: readonly EntityRecord[], reservations: readonly Reservation[] = []): void {
    this.records.clear();
    for (const r of records) this.records.set(keyOf(r), r);
    this.reserved.clear();
    for (const r of reservations) this.reserved.set(keyOf(r), r);
  }
}
