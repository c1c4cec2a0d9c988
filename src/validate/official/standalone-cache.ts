/**
 * Compiled validators on disk, split (split-standalone.ts) so that a run reads and deserialises only
 * the functions generated pipelines reach: ~7 of the ~20 MB of Ajv's standalone code for the v0
 * bundle. The hot script is loaded through node:vm with a V8 code cache saved beside it.
 *
 * Layout under `<cacheDir>/official-schema/validators/`:
 *   `<key>.js`     — the hot script between a header and a trailer naming the key (a truncated or
 *                    foreign file is recognised without hashing it), the header followed by a line
 *                    giving the size of the chunks file and where each chunk is in it;
 *   `<key>.chunks` — a header naming the key, then the cold chunks; read a chunk at a time, on use;
 *   `<key>.v8`     — V8's code cache for the hot script; V8 rejects one from another Node version.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import type { ErrorObject } from "ajv";
import { KitError } from "../../errors.js";
import { writeFileAtomic } from "./cache-dir.js";
import { runSplit, wrapHot } from "./split-runtime.js";
import type { SplitValidator } from "./split-runtime.js";
import type { SplitStandalone } from "./split-standalone.js";

/** An Ajv validate function as standalone code exports it. */
export type StandaloneValidate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export type LoadedStandalone = SplitValidator;

export function standalonePath(cacheDir: string, key: string): string {
  return path.join(cacheDir, "official-schema", "validators", `${key}.js`);
}

const codeCachePath = (file: string): string => file.replace(/\.js$/, ".v8");
const chunksPath = (file: string): string => file.replace(/\.js$/, ".chunks");

const header = (key: string) => `// harness-scaffold: compiled Harness v0 pipeline schema ${key}\n`;
const trailer = (key: string) => `\n// end of ${key}\n`;
const chunksHeader = (key: string) => `// harness-scaffold: cold chunks of ${key}\n`;
const CHUNK_START = "(function (scope) {";
const CHUNK_END = "})";

/** Non-ASCII can only sit in string literals: as \u escapes, a file is read back as latin1 (one byte a character, fast to decode). */
const ascii = (code: string): string => code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

interface ChunkTable {
  size: number;
  /** [offset, length] of each chunk in the chunks file. */
  chunks: [number, number][];
}

/** Writes the chunks first: a hot script on disk always has its chunks complete beside it. */
export async function writeStandalone(file: string, key: string, split: SplitStandalone): Promise<void> {
  const table: ChunkTable = { size: 0, chunks: [] };
  const parts = [chunksHeader(key)];
  let offset = parts[0]!.length;
  for (const chunk of split.chunks.map(ascii)) {
    table.chunks.push([offset, chunk.length]);
    parts.push(chunk, "\n");
    offset += chunk.length + 1;
  }
  table.size = offset;
  await writeFileAtomic(chunksPath(file), parts.join(""));
  await writeFileAtomic(file, `${header(key)}// chunks ${JSON.stringify(table)}\n${ascii(wrapHot(split.hot))}${trailer(key)}`);
}

/**
 * The whole file in one read (fs/promises' readFile reads 512 KB at a time and, given an encoding,
 * decodes each piece into a string of many parts that V8 then has to flatten).
 */
async function readWhole(file: string): Promise<Buffer | undefined> {
  const handle = await open(file).catch(() => undefined);
  if (handle === undefined) return undefined;
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(buffer, read, size - read, read);
      if (bytesRead === 0) return undefined;
      read += bytesRead;
    }
    return buffer;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** The chunk table and the hot script, when `bytes` is a whole hot file for `key`. */
function readHotFile(bytes: Buffer, key: string): { table: ChunkTable; wrappedHot: string } | undefined {
  const [head, tail] = [header(key), trailer(key)];
  if (bytes.toString("latin1", 0, head.length) !== head || bytes.toString("latin1", bytes.length - tail.length) !== tail) return undefined;
  const tableEnd = bytes.indexOf(10, head.length);
  const tableLine = bytes.toString("latin1", head.length, tableEnd);
  if (tableEnd < 0 || !tableLine.startsWith("// chunks ")) return undefined;
  try {
    const table = JSON.parse(tableLine.slice("// chunks ".length)) as ChunkTable;
    return { table, wrappedHot: bytes.toString("latin1", tableEnd + 1, bytes.length - tail.length) };
  } catch {
    return undefined;
  }
}

/** True when the chunks file is the one the table describes: the right header and size. */
async function chunksMatch(file: string, key: string, table: ChunkTable): Promise<boolean> {
  const handle = await open(chunksPath(file)).catch(() => undefined);
  if (handle === undefined) return false;
  try {
    const expected = chunksHeader(key);
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(expected.length), 0, expected.length, 0);
    return bytesRead === expected.length && buffer.toString("latin1") === expected && (await handle.stat()).size === table.size;
  } finally {
    await handle.close();
  }
}

/** Synchronous: a stub asks for its chunk in the middle of a validate call. */
function chunkReader(file: string, table: ChunkTable): (index: number) => string {
  return (index) => {
    const damaged = (why: string) =>
      new KitError("E_IO", `the cached official-schema validator ${chunksPath(file)} ${why}`, {
        hint: `delete ${path.dirname(file)} and run again: the schema is then compiled anew`,
      });
    const [offset, length] = table.chunks[index] ?? [0, 0];
    const buffer = Buffer.alloc(length);
    let fd: number;
    try {
      fd = openSync(chunksPath(file), "r");
    } catch (error) {
      throw damaged(`cannot be read (${(error as Error).message})`);
    }
    try {
      if (readSync(fd, buffer, 0, length, offset) !== length) throw damaged("is shorter than its index says");
    } finally {
      closeSync(fd);
    }
    const text = buffer.toString("latin1");
    if (!text.startsWith(CHUNK_START) || !text.endsWith(CHUNK_END)) throw damaged(`has a damaged chunk ${index}`);
    return text;
  };
}

/** The validator in `file`, or undefined when it is missing, truncated, foreign or does not run. */
export async function loadStandalone(file: string, key: string): Promise<LoadedStandalone | undefined> {
  // Read both at once: the disk works on one while the other is decoded.
  const [bytes, cachedData] = await Promise.all([readWhole(file), readWhole(codeCachePath(file))]);
  const read = bytes === undefined ? undefined : readHotFile(bytes, key);
  if (read === undefined || !(await chunksMatch(file, key, read.table))) return undefined;
  try {
    return runSplit({ wrappedHot: read.wrappedHot, readChunk: chunkReader(file, read.table), filename: file, ...(cachedData ? { cachedData } : {}) });
  } catch {
    return undefined;
  }
}

/**
 * Runs `samples` through the validator so V8 compiles the functions they reach, then saves the code
 * cache, which includes every function compiled so far.
 */
export async function saveCodeCache(file: string, loaded: LoadedStandalone, samples: readonly unknown[]): Promise<void> {
  for (const sample of samples) loaded.validate(sample);
  await writeFileAtomic(codeCachePath(file), loaded.script.createCachedData());
}
