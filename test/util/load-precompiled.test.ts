/**
 * Build-generated scripts and their V8 code caches: a cache is handed to V8 only when its stamp
 * matches the script's, and the build's own files load with their cache accepted.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { codeCacheFile, loadPrecompiled, stampCode } from "../../src/util/load-precompiled.js";
import { repoRoot } from "../helpers/cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "hs-precompiled-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const source = (n: number) => `(function (require, provided) { return provided.base + ${n}; })`;

/** Writes `<name>.js` and a `.v8` made from `cacheFor` (the same code, or another). */
function write(name: string, code: string, cacheFor: string = code): void {
  writeFileSync(path.join(dir, `${name}.js`), code);
  const script = new vm.Script(cacheFor, { filename: path.join(dir, `${name}.js`) });
  (script.runInThisContext() as (r: unknown, p: { base: number }) => number)(undefined, { base: 0 });
  writeFileSync(path.join(dir, `${name}.v8`), codeCacheFile(cacheFor, script.createCachedData()));
}

describe("loadPrecompiled", () => {
  it("runs a stamped script with the code cache made for it", () => {
    write("same", stampCode(source(1)));
    const loaded = loadPrecompiled("same", { base: 41 }, dir);
    expect(loaded?.value).toBe(42);
    expect(loaded?.script.cachedDataRejected).toBe(false);
  });

  it("never hands V8 a cache stamped for other code, even of the same length", () => {
    write("other", stampCode(source(1)), stampCode(source(2)));
    const loaded = loadPrecompiled("other", { base: 41 }, dir);
    expect(loaded?.value).toBe(42);
    expect(loaded?.script.cachedDataRejected).toBeUndefined();
  });

  it("runs an unstamped script without a cache, and refuses to make a cache file for one", () => {
    writeFileSync(path.join(dir, "plain.js"), source(3));
    writeFileSync(path.join(dir, "plain.v8"), Buffer.alloc(64));
    const loaded = loadPrecompiled("plain", { base: 39 }, dir);
    expect(loaded?.value).toBe(42);
    expect(loaded?.script.cachedDataRejected).toBeUndefined();
    expect(() => codeCacheFile(source(3), Buffer.alloc(8))).toThrow(/no build stamp/);
  });

  it("loads the build's kit validators with their code cache accepted", () => {
    const loaded = loadPrecompiled("kit-validators", { formats: {} }, path.join(repoRoot, "dist/precompiled"));
    expect(loaded?.script.cachedDataRejected).toBe(false);
  });
});
