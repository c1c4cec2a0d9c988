/**
 * `--state FILE`: every acknowledged change is on disk before its response leaves. Each save
 * writes the whole state to a temporary file in the same directory, fsyncs it, renames it over
 * the state file and fsyncs the directory, so a kill at any moment leaves either the old or the
 * new complete file. Saves are grouped: while one is being written, later changes wait for the
 * next save, which covers all of them (one write per burst, not one per request).
 */
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import path from "node:path";
import { KitError } from "../errors.js";
import type { EntityRecord, Reservation } from "./store.js";

const FORMAT = "harness-scaffold-emulator-state";

/** What a state file holds: the entities and the deleted identifiers that stay taken. */
export interface State {
  records: EntityRecord[];
  reserved: Reservation[];
}

interface StateDocument {
  format: typeof FORMAT;
  version: 1;
  records: EntityRecord[];
  /** Files written before reservations existed have none. */
  reserved?: Reservation[];
}

/** Reads the state file; an absent file is an empty state. Leftover temporary files are removed. */
export function loadState(file: string): State {
  const dir = path.dirname(file);
  const base = path.basename(file);
  try {
    for (const name of readdirSync(dir)) if (name.startsWith(`${base}.`) && name.endsWith(".tmp")) rmSync(path.join(dir, name), { force: true });
  } catch {
    // directory missing: nothing to clean, and the first save will report the problem
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { records: [], reserved: [] };
    throw new KitError("E_IO", `cannot read the emulator state file ${file}`, { cause: error });
  }
  let doc: Partial<StateDocument>;
  try {
    doc = JSON.parse(text) as Partial<StateDocument>;
  } catch (error) {
    throw new KitError("E_INPUT", `the emulator state file ${file} is not valid JSON`, {
      cause: error,
      hint: "Point --state at a new file, or delete this one to start empty.",
    });
  }
  if (doc.format !== FORMAT || !Array.isArray(doc.records) || !(doc.reserved === undefined || Array.isArray(doc.reserved))) {
    throw new KitError("E_INPUT", `${file} is not an emulator state file`, {
      hint: "Point --state at a new file, or at one the emulator wrote.",
    });
  }
  return { records: doc.records, reserved: doc.reserved ?? [] };
}

export class StateFile {
  private inFlight: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => State,
  ) {}

  /** Resolves once a save that includes every change made before this call is durable. */
  commit(): Promise<void> {
    if (this.queued !== undefined) return this.queued;
    if (this.inFlight !== undefined) {
      const queued = this.inFlight
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => {
          this.queued = undefined;
          return this.start();
        });
      this.queued = queued;
      return queued;
    }
    return this.start();
  }

  /** Waits for saves in progress (used on shutdown). */
  async idle(): Promise<void> {
    while (this.queued !== undefined || this.inFlight !== undefined) {
      await (this.queued ?? this.inFlight)?.catch(() => undefined);
    }
  }

  private start(): Promise<void> {
    // The snapshot is taken now, synchronously: it holds every change made so far.
    const doc: StateDocument = { format: FORMAT, version: 1, ...this.snapshot() };
    const promise: Promise<void> = writeAtomically(this.file, `${JSON.stringify(doc)}\n`).finally(() => {
      if (this.inFlight === promise) this.inFlight = undefined;
    });
    this.inFlight = promise;
    return promise;
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(temp, "w", 0o600);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  const dir = await open(path.dirname(file), "r");
  try {
    await dir.sync();
  } catch {
    // some file systems cannot fsync a directory; the rename itself is still atomic
  } finally {
    await dir.close();
  }
}
