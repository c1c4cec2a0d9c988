/**
 * What Harness and its users write is never an error: every real-world file in
 * test/fixtures/real-world (provenance and licences in PROVENANCE.md there) validates without
 * errors, and the emulator accepts every pipeline among them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validateSources } from "../../src/validate/validate.js";
import { call, start } from "../emulator/helpers.js";
import type { RunningEmulator } from "../emulator/helpers.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/real-world");
const files = readdirSync(root)
  .filter((name) => statSync(path.join(root, name)).isDirectory())
  .flatMap((dir) => readdirSync(path.join(root, dir)).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${dir}/${f}`))
  .sort();
const pipelines = files.filter((f) => /^pipeline:/m.test(readFileSync(path.join(root, f), "utf8")));

describe("real-world Harness files", () => {
  it("has pipelines and other entities to check", () => {
    expect(pipelines.length).toBeGreaterThanOrEqual(3);
    expect(files.length).toBeGreaterThan(pipelines.length);
  });

  it.each(files)("%s: no errors from the validator", async (file) => {
    const result = await validateSources([{ path: file, text: readFileSync(path.join(root, file), "utf8") }]);
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  describe("the emulator", () => {
    let e: RunningEmulator;
    beforeAll(async () => {
      e = await start();
    });
    afterAll(() => e.close());

    it.each(pipelines)("%s: accepted with 200", async (file) => {
      const text = readFileSync(path.join(root, file), "utf8");
      const { orgIdentifier, projectIdentifier } = (parse(text) as { pipeline: Record<string, string> }).pipeline as Record<string, string>;
      if (orgIdentifier !== "default") await call(e, "POST", "/ng/api/organizations", { body: { organization: { identifier: orgIdentifier, name: orgIdentifier } } });
      const project = await call(e, "POST", "/ng/api/projects", { query: { orgIdentifier: orgIdentifier! }, body: { project: { identifier: projectIdentifier, name: projectIdentifier, orgIdentifier } } });
      expect([200, 400]).toContain(project.status); // 400: a project several files share already exists
      const answer = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: { orgIdentifier: orgIdentifier!, projectIdentifier: projectIdentifier! }, body: text, contentType: "application/yaml" });
      expect(answer.status, answer.text).toBe(200);
    });
  });
});

describe("an unknown key beside a step entry", () => {
  it("is a warning pointing at the key with a suggestion, and nothing else is reported", async () => {
    const text = readFileSync(path.join(root, "own/studio-context-type.yaml"), "utf8").replace("                contextType: Pipeline\n              - parallel:", "                contxtType: Pipeline\n              - parallel:");
    const result = await validateSources([{ path: "p.yaml", text }]);
    const line = text.split("\n").findIndex((l) => l.includes("contxtType")) + 1;
    expect(result.issues.map((i) => [i.severity, i.code, i.line, i.message])).toEqual([
      ["warning", "unknown-key", line, expect.stringContaining('unknown key "contxtType"') as unknown],
    ]);
    expect(result.issues[0]!.message).toContain('did you mean "contextType"');
  });
});
