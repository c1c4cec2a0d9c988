/**
 * The record of what publish created, kept outside the files users commit: under
 * `$XDG_STATE_HOME/harness-scaffold` (default `~/.local/state/harness-scaffold`), one file per
 * endpoint + account + set of dirs. A run that fails is resumed by the next publish (same record),
 * so `publish --rollback` deletes what the last run (including its resumptions) created, and
 * nothing else. The file holds addresses only: no key, no entity bodies.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, realpath, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import type { EntityAddress } from "../harness/entity-api.js";

type Env = Readonly<Record<string, string | undefined>>;

export interface JournalEntry extends EntityAddress {
  createdAt: string;
}

export interface RunRecord {
  startedAt: string;
  finishedAt?: string;
  /** false while running and after a failure: the next publish resumes this record. */
  ok: boolean;
  created: JournalEntry[];
  rolledBackAt?: string;
}

export interface JournalData {
  version: 1;
  endpoint: string;
  account: string;
  dirs: string[];
  lastRun?: RunRecord;
}

/** The directory journals live in: explicit, HARNESS_SCAFFOLD_STATE_DIR, XDG_STATE_HOME, or ~/.local/state. */
export function stateDirFor(env: Env, explicit?: string): string {
  if (explicit) return explicit;
  if (env.HARNESS_SCAFFOLD_STATE_DIR) return env.HARNESS_SCAFFOLD_STATE_DIR;
  const home = env.HOME || env.USERPROFILE || homedir();
  return path.join(env.XDG_STATE_HOME || path.join(home, ".local", "state"), "harness-scaffold");
}

export async function journalFile(stateDir: string, endpoint: string, account: string, dirs: readonly string[]): Promise<{ file: string; dirs: string[] }> {
  const absolute = await Promise.all(dirs.map((d) => realpath(d).catch(() => path.resolve(d))));
  const sorted = [...new Set(absolute)].sort();
  const id = createHash("sha256").update([endpoint, account, ...sorted].join("\n")).digest("hex").slice(0, 16);
  return { file: path.join(stateDir, `journal-${id}.json`), dirs: sorted };
}

export class Journal {
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private data: JournalData,
  ) {}

  static async open(file: string, meta: Omit<JournalData, "version" | "lastRun">): Promise<Journal> {
    let data: JournalData = { version: 1, ...meta };
    try {
      const parsed = JSON.parse(await readFile(file, "utf8")) as JournalData;
      if (parsed.version === 1) data = { ...parsed, ...meta };
    } catch {
      // No journal yet (or an unreadable one): start afresh.
    }
    return new Journal(file, data);
  }

  get lastRun(): RunRecord | undefined {
    return this.data.lastRun;
  }

  /** Starts a run, or resumes the last one if it did not finish. */
  async begin(now = new Date()): Promise<{ resumed: boolean }> {
    const last = this.data.lastRun;
    const resumed = last !== undefined && !last.ok && last.rolledBackAt === undefined;
    if (!resumed) this.data.lastRun = { startedAt: now.toISOString(), ok: false, created: [] };
    else delete last.finishedAt;
    await this.save();
    return { resumed };
  }

  async created(address: EntityAddress, now = new Date()): Promise<void> {
    const { kind, identifier, org, project, environment } = address;
    this.data.lastRun?.created.push({ kind, identifier, org, project, environment, createdAt: now.toISOString() });
    await this.save();
  }

  async finish(ok: boolean, now = new Date()): Promise<void> {
    if (this.data.lastRun) Object.assign(this.data.lastRun, { ok, finishedAt: now.toISOString() });
    await this.save();
  }

  /** Rollback bookkeeping: forget an entry once it is deleted (or gone). */
  async forget(address: EntityAddress): Promise<void> {
    const run = this.data.lastRun;
    if (run === undefined) return;
    run.created = run.created.filter(
      (e) => !(e.kind === address.kind && e.identifier === address.identifier && e.org === address.org && e.project === address.project && e.environment === address.environment),
    );
    await this.save();
  }

  async rolledBack(now = new Date()): Promise<void> {
    if (this.data.lastRun) this.data.lastRun.rolledBackAt = now.toISOString();
    await this.save();
  }

  /** Writes are queued and atomic (temp file + rename), so a crash never leaves half a journal. */
  private save(): Promise<void> {
    const snapshot = `${JSON.stringify(this.data, null, 2)}\n`;
    this.writes = this.writes.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const temp = `${this.file}.${randomUUID().slice(0, 8)}.tmp`;
      await writeFile(temp, snapshot, { mode: 0o600 });
      await rename(temp, this.file);
    });
    return this.writes;
  }
}
