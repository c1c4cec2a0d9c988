import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Journal } from "../../src/publish/journal.js";

const meta = { endpoint: "http://127.0.0.1:1", account: "acc", dirs: ["/x/.harness"] };
const address = (identifier: string) => ({ kind: "connector" as const, identifier, org: "default", project: "p" });
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the publish journal", () => {
  it("appends one line per create and reads the run back", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "hs-journal-"));
    const file = path.join(dir, "journal.jsonl");
    const j = await Journal.open(file, meta);
    await j.begin();
    await Promise.all([j.created(address("a")), j.created(address("b"))]);
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(4);
    const again = await Journal.open(file, meta);
    expect(again.lastRun?.created.map((e) => e.identifier)).toEqual(["a", "b"]);
    expect(again.lastRun?.ok).toBe(false);
  });

  it("ignores a torn last line and resumes an unfinished run instead of starting afresh", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "hs-journal-"));
    const file = path.join(dir, "journal.jsonl");
    const j = await Journal.open(file, meta);
    await j.begin();
    await j.created(address("a"));
    appendFileSync(file, '{"op":"created","kind":"connector","ident');
    const again = await Journal.open(file, meta);
    expect(again.lastRun?.created.map((e) => e.identifier)).toEqual(["a"]);
    await again.created(address("b"));
    expect((await Journal.open(file, meta)).lastRun?.created.map((e) => e.identifier)).toEqual(["a", "b"]);
    expect(await again.begin()).toEqual({ resumed: true });
    await again.finish(true);
    const done = await Journal.open(file, meta);
    expect(done.lastRun?.created.map((e) => e.identifier)).toEqual(["a", "b"]);
    expect(await done.begin()).toEqual({ resumed: false });
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(2);
  });
});
