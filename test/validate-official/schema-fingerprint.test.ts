import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { rememberedSha256, rememberSha256, statBeforeRead } from "../../src/validate/official/schema-fingerprint.js";

let dir: string;
let cacheDir: string;
let file: string;
const hour = 3600;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "hs-fingerprint-"));
  cacheDir = path.join(dir, "cache");
  file = path.join(dir, "pipeline.json");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Writes `text` dated an hour ago, as a schema downloaded earlier would be. */
async function writeOld(text: string): Promise<void> {
  await writeFile(file, text);
  const then = Date.now() / 1000 - hour;
  await utimes(file, then, then);
}

async function hashAndRemember(): Promise<string> {
  const before = await statBeforeRead(file);
  const sha256 = createHash("sha256").update(await readFile(file)).digest("hex");
  if (before) await rememberSha256(file, cacheDir, sha256, before);
  return sha256;
}

it("remembers a file's sha256 until the file changes, even to the same size and date", async () => {
  await writeOld('{"a":1}');
  expect(await rememberedSha256(file, cacheDir)).toBeUndefined();
  const sha256 = await hashAndRemember();
  expect(await rememberedSha256(file, cacheDir)).toBe(sha256);

  await writeOld('{"a":2}'); // same size, mtime set back to an hour ago: the ctime still moves
  expect(await rememberedSha256(file, cacheDir)).toBeUndefined();
  const next = await hashAndRemember();
  expect(next).not.toBe(sha256);
  expect(await rememberedSha256(file, cacheDir)).toBe(next);
});

it("does not remember a file written moments ago (its writer may not be done)", async () => {
  await writeFile(file, '{"a":1}');
  await hashAndRemember();
  expect(await rememberedSha256(file, cacheDir)).toBeUndefined();
});

it("does not remember a hash when the file changed while it was read", async () => {
  await writeOld('{"a":1}');
  const before = await statBeforeRead(file);
  await writeOld('{"b":2}');
  await rememberSha256(file, cacheDir, "0".repeat(64), before!);
  expect(await rememberedSha256(file, cacheDir)).toBeUndefined();
});

it("ignores a missing file and a damaged fingerprint", async () => {
  expect(await rememberedSha256(file, cacheDir)).toBeUndefined();
  await writeOld("{}");
  await hashAndRemember();
  const [fingerprint] = await readdir(path.join(cacheDir, "official-schema", "fingerprints"));
  await writeFile(path.join(cacheDir, "official-schema", "fingerprints", fingerprint!), "{not json");
  expect(await rememberedSha256(file, cacheDir)).toBeUndefined();
});
