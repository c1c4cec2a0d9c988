/**
 * The record of what publish created, kept outside the files users commit: under
 * `$XDG_STATE_HOME/harness-scaffold` (default `~/.local/state/harness-scaffold`), one file per
 * endpoint + account + set of dirs. A run that fails is resumed by the next publish (same record),
 * so `publish --rollback` deletes what the last run (including its resumptions) created, and
 * nothing else. The file holds addresses only: no key, no entity bodies.
 *
 * It is an append-only log of JSON lines (a header, then one event per line), so recording a
 * create costs one small append however many entities came before; a new run compacts it.
 * A torn last line (a crash mid-append) is ignored when the log is read back.
 */
import { createHash, randomUUID } from "node:crypto";
import { appendFile, mkdir, readFile, realpath, rename, writeFile } from "node:fs/promises";
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
  return { file: path.join(stateDir, `journal-${id}.jsonl`), dirs: sorted };
}

type Event =
  | { op: "begin"; at: string }
  | { op: "resume" }
  | ({ op: "created" } & JournalEntry)
  | ({ op: "forget" } & EntityAddress)
  | { op: "finish"; ok: boolean; at: string }
  | { op: "rolledBack"; at: string };

const sameAddress = (a: EntityAddress, b: EntityAddress): boolean =>
  a.kind === b.kind && a.identifier === b.identifier && a.org === b.org && a.project === b.project && a.environment === b.environment &&
  a.pipeline === b.pipeline && a.versionLabel === b.versionLabel;

/** Folds one logged event into the journal's state. */
function apply(data: JournalData, event: Event): void {
  const run = data.lastRun;
  switch (event.op) {
    case "begin":
      data.lastRun = { startedAt: event.at, ok: false, created: [] };
      return;
    case "resume":
      if (run) delete run.finishedAt;
      return;
    case "created": {
      const { op: _op, ...entry } = event;
      run?.created.push(entry);
      return;
    }
    case "forget":
      if (run) run.created = run.created.filter((e) => !sameAddress(e, event));
      return;
    case "finish":
      if (run) Object.assign(run, { ok: event.ok, finishedAt: event.at });
      return;
    case "rolledBack":
      if (run) run.rolledBackAt = event.at;
      return;
  }
}

export class Journal {
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private data: JournalData,
    /** The log ends in a torn line: the next append must start on a line of its own. */
    private torn = false,
  ) {}

  static async open(file: string, meta: Omit<JournalData, "version" | "lastRun">): Promise<Journal> {
    const data: JournalData = { version: 1, ...meta };
    let text = "";
    try {
      text = await readFile(file, "utf8");
    } catch {
      // No journal yet: start afresh.
    }
    const [first, ...events] = text.split("\n").map(parseLine);
    if ((first as { journal?: unknown } | undefined)?.journal === 1) {
      for (const event of events) if (event !== undefined) apply(data, event as Event);
    }
    return new Journal(file, data, text !== "" && !text.endsWith("\n"));
  }

  get lastRun(): RunRecord | undefined {
    return this.data.lastRun;
  }

  /** Starts a run (compacting the log to just this run), or resumes the last one if it did not finish. */
  async begin(now = new Date()): Promise<{ resumed: boolean }> {
    const last = this.data.lastRun;
    const resumed = last !== undefined && !last.ok && last.rolledBackAt === undefined;
    if (resumed) {
      await this.append({ op: "resume" });
    } else {
      const begin: Event = { op: "begin", at: now.toISOString() };
      apply(this.data, begin);
      const { endpoint, account, dirs } = this.data;
      await this.rewrite([{ journal: 1, endpoint, account, dirs }, begin]);
    }
    return { resumed };
  }

  created(address: EntityAddress, now = new Date()): Promise<void> {
    const { kind, identifier, org, project, environment, pipeline, overlay, versionLabel } = address;
    return this.append({ op: "created", kind, identifier, org, project, environment, pipeline, overlay, versionLabel, createdAt: now.toISOString() });
  }

  finish(ok: boolean, now = new Date()): Promise<void> {
    return this.append({ op: "finish", ok, at: now.toISOString() });
  }

  /** Rollback bookkeeping: forget an entry once it is deleted (or gone). */
  forget(address: EntityAddress): Promise<void> {
    const { kind, identifier, org, project, environment, pipeline, overlay, versionLabel } = address;
    return this.append({ op: "forget", kind, identifier, org, project, environment, pipeline, overlay, versionLabel });
  }

  rolledBack(now = new Date()): Promise<void> {
    return this.append({ op: "rolledBack", at: now.toISOString() });
  }

  /** Applies an event in memory and queues its line; writes happen one at a time, in order. */
  private append(event: Event): Promise<void> {
    apply(this.data, event);
    const line = `${this.torn ? "\n" : ""}${JSON.stringify(event)}\n`;
    this.torn = false;
    this.writes = this.writes.then(() => appendFile(this.file, line, { mode: 0o600 }));
    return this.writes;
  }

  /** Replaces the whole log atomically (temp file + rename): a crash leaves the old log or the new one. */
  private rewrite(records: readonly unknown[]): Promise<void> {
    const text = records.map((r) => `${JSON.stringify(r)}\n`).join("");
    this.torn = false;
    this.writes = this.writes.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const temp = `${this.file}.${randomUUID().slice(0, 8)}.tmp`;
      await writeFile(temp, text, { mode: 0o600 });
      await rename(temp, this.file);
    });
    return this.writes;
  }
}

function parseLine(line: string): unknown {
  try {
    return line.trim() === "" ? undefined : JSON.parse(line);
  } catch {
    return undefined;
  }
}
