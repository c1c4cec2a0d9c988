/**
 * The JSON Schema shipped for kit.yaml (schema/kit.schema.json, for editors' YAML language
 * servers) accepts the kits that work — the built-in kit, the fixture kit, the starter — and
 * refuses what the loader refuses structurally.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { initKit } from "../../src/index.js";
import { repoRoot } from "../helpers/cli.js";

const schema = JSON.parse(readFileSync(path.join(repoRoot, "schema/kit.schema.json"), "utf8")) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const kitValue = (file: string): unknown => parse(readFileSync(file, "utf8"));

describe("kit.yaml JSON Schema", () => {
  it("accepts the built-in kit, the fixture kits and the starter", async () => {
    const kits = ["generators/kit.yaml", "test/fixtures/kits/acme/kit.yaml", "test/fixtures/kits/template-library/kit.yaml"];
    for (const file of [...kits, ...["core", "platform-base", "team"].map((k) => `test/fixtures/kits/include/${k}/kit.yaml`)]) {
      expect(validate(kitValue(path.join(repoRoot, file))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const dir = mkdtempSync(path.join(tmpdir(), "hs-kit-schema-"));
    try {
      await initKit(path.join(dir, "starter"), { cwd: dir });
      expect(validate(kitValue(path.join(dir, "starter/kit.yaml"))), JSON.stringify(validate.errors)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses unknown fields, bad kinds, bad versions and bad policies", () => {
    const base = { name: "k", version: "1.0.0", generators: { g: { answers: [{ key: "a", kind: "text" }], files: [{ template: "t.hbs", path: "services/a.yaml" }] } } };
    expect(validate(base)).toBe(true);
    expect(validate({ ...base, version: "1.0" })).toBe(false);
    expect(validate({ ...base, nmae: "x" })).toBe(false);
    expect(validate({ ...base, generators: { g: { answers: [{ key: "a", kind: "txt" }], files: base.generators.g.files } } })).toBe(false);
    expect(validate({ ...base, generators: { g: { files: [{ template: "t.hbs", path: "p", policy: "sometimes" }] } } })).toBe(false);
    // A template version: the version-label kind and the nested path.
    const version = { answers: [{ key: "versionLabel", kind: "version-label" }], files: [{ template: "t.hbs", path: "templates/a/{{versionLabel}}.yaml" }] };
    expect(validate({ ...base, generators: { g: version } })).toBe(true);
  });

  it("takes include: a kit and its exact version, optionally some of its generators; then generators may be left out", () => {
    const include = [{ kit: "../platform-base", version: "1.2.0", generators: ["service"] }];
    expect(validate({ name: "k", version: "1.0.0", include })).toBe(true);
    expect(validate({ name: "k", version: "1.0.0" })).toBe(false);
    expect(validate({ name: "k", version: "1.0.0", include: [{ kit: "../platform-base" }] })).toBe(false);
    expect(validate({ name: "k", version: "1.0.0", include: [{ kit: "../platform-base", version: "^1.2.0" }] })).toBe(false);
    expect(validate({ name: "k", version: "1.0.0", include: [{ kit: "../platform-base", version: "1.2.0", generator: ["service"] }] })).toBe(false);
  });
});
