/**
 * Several services checked and published in one run (`publish a/.harness b/.harness`): each is
 * its own project, so the same connector or environment identifier in two of them is no clash.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, publish, startEmulator } from "../../src/index.js";
import { validatePaths } from "../../src/validate/validate.js";
import { SAMPLE_SECRET_ENV } from "./helpers.js";

let root = "";
const service = (name: string, outDir: string) =>
  generate({ generator: "service", answers: { name, gitUrl: `https://github.com/acme/${name}`, image: `acme/${name}` }, outDir, cwd: root });

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "hs-many-"));
  await service("payments-api", "a");
  await service("ledger-api", "b");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("two services, two projects", () => {
  it("validate finds no duplicates across projects", async () => {
    const result = await validatePaths(["a", "b"], { cwd: root });
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("the same project twice still has duplicates", async () => {
    cpSync(path.join(root, "a"), path.join(root, "a-copy"), { recursive: true });
    const result = await validatePaths(["a", "a-copy"], { cwd: root });
    const codes = new Set(result.issues.filter((i) => i.severity === "error").map((i) => i.code));
    expect(codes).toEqual(new Set(["duplicate-entity"]));
    rmSync(path.join(root, "a-copy"), { recursive: true });
  });

  it("publish creates both, each connector in its own project", async () => {
    const emulator = await startEmulator({ port: 0, rateLimit: false });
    try {
      const env = { HARNESS_PLATFORM_API_KEY: emulator.token, HARNESS_SCAFFOLD_STATE_DIR: path.join(root, "state"), ...SAMPLE_SECRET_ENV };
      const result = await publish({ cwd: root, env, endpoint: emulator.url, dirs: ["a", "b"] });
      expect(result.ok).toBe(true);
      const github = result.results.filter((r) => r.kind === "connector" && r.identifier === "github");
      expect(github.map((r) => `${r.file} ${r.action}`)).toEqual(["a/connectors/github.json created", "b/connectors/github.json created"]);
    } finally {
      await emulator.close();
    }
  });
});
