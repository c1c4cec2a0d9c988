import { mkdtemp, readFile, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveCacheDir } from "../../src/validate/official/index.js";
import { writeFileAtomic } from "../../src/validate/official/cache-dir.js";

describe("resolveCacheDir", () => {
  const cwd = "/work/project";

  it("prefers an explicit cacheDir, resolved against cwd", () => {
    const env = { XDG_CACHE_HOME: "/xdg", HOME: "/home/u" };
    expect(resolveCacheDir({ cwd, cacheDir: ".cache/kit", env })).toBe(path.resolve(cwd, ".cache/kit"));
    expect(resolveCacheDir({ cwd, cacheDir: "/abs", env })).toBe(path.resolve("/abs"));
  });

  it("uses $XDG_CACHE_HOME/harness-scaffold, ignoring a relative XDG_CACHE_HOME", () => {
    expect(resolveCacheDir({ cwd, env: { XDG_CACHE_HOME: "/xdg", HOME: "/home/u" } })).toBe(
      path.join("/xdg", "harness-scaffold"),
    );
    expect(resolveCacheDir({ cwd, env: { XDG_CACHE_HOME: "rel", HOME: "/home/u" } })).toBe(
      path.join("/home/u", ".cache", "harness-scaffold"),
    );
  });

  it("falls back to ~/.cache/harness-scaffold from HOME, then USERPROFILE", () => {
    expect(resolveCacheDir({ cwd, env: { HOME: "/home/u" } })).toBe(path.join("/home/u", ".cache", "harness-scaffold"));
    expect(resolveCacheDir({ cwd, env: { USERPROFILE: "C:/Users/u" } })).toBe(
      path.join("C:/Users/u", ".cache", "harness-scaffold"),
    );
  });
});

describe("writeFileAtomic", () => {
  it("creates missing folders and leaves no temporary file behind", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hs-atomic-"));
    const file = path.join(dir, "a", "b", "x.json");
    await writeFileAtomic(file, "one");
    await writeFileAtomic(file, "two");
    expect(await readFile(file, "utf8")).toBe("two");
    expect(await readdir(path.dirname(file))).toEqual(["x.json"]);
  });
});
