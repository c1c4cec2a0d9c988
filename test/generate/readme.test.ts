/** The README documents every generator and every answer key, with its current default. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate, listGenerators, SAMPLE_SERVICE_ANSWERS } from "../../src/index.js";
import { repoRoot } from "../helpers/cli.js";
import { tempDir } from "./helpers.js";

const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Generators"), readme.indexOf("\n## ", readme.indexOf("## Generators") + 3));

describe("README", () => {
  it("starts with the quickstart", () => {
    expect(readme.indexOf("## Quickstart")).toBeLessThan(readme.indexOf("## Generators"));
    expect(readme).toContain("npm install && npm start");
  });

  for (const g of listGenerators()) {
    it(`documents every ${g.name} answer key with its default`, () => {
      const start = section.indexOf(`#### \`${g.name}\``);
      expect(start).toBeGreaterThan(0);
      const table = section.slice(start, section.indexOf("\n\n", section.indexOf("| --- |", start)));
      for (const a of g.answers) {
        const row = table.split("\n").find((line) => line.startsWith(`| \`${a.key}\` |`) && (a.when === undefined || line.includes(a.when)));
        expect(row, `${g.name}.${a.key}`).toBeDefined();
        if (a.default !== undefined) expect(row, `${g.name}.${a.key}`).toContain(`default \`${a.default}\``);
        if (a.required) expect(row).toContain("**required**");
        for (const choice of a.choices ?? []) expect(row).toContain(`\`${choice}\``);
      }
    });
  }

  it("the sample answers the demo uses render as documented", async () => {
    const { dir, done } = tempDir("hs-readme-");
    try {
      const result = await generate({ generator: "service", answers: SAMPLE_SERVICE_ANSWERS, outDir: ".harness", cwd: dir, useDefaults: true });
      expect(result.files.map((f) => f.path)).toContain("pipelines/payments_api_cd.yaml");
    } finally {
      done();
    }
  });
});
