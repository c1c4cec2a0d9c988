/**
 * Reference suite: Harness's own v0 trigger schema (harness/harness-schema, no licence: read from
 * the folder named by HARNESS_SCAFFOLD_REFERENCE, never copied) accepts every trigger the kit
 * renders or keeps as valid, and refuses what both it and the kit's schema refuse.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { expect, it } from "vitest";
import { parse } from "yaml";
import { checkDocument } from "../../src/validate/check-document.js";
import { describeReference, referenceFile } from "../helpers/reference.js";

const TRIGGER_SCHEMA = "reference/harness-schema/v0/trigger.json";
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");

function triggersUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".yaml") && f.split(path.sep).includes("triggers"))
    .map((f) => path.join(dir, f));
}

describeReference("Harness's v0 trigger schema", () => {
  const load = () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    return ajv.compile(JSON.parse(readFileSync(referenceFile(TRIGGER_SCHEMA), "utf8")) as object);
  };

  it("accepts the triggers the service bootstrap renders and those of the valid corpus", () => {
    const validate = load();
    const files = [...triggersUnder(path.join(fixtures, "generate")), ...triggersUnder(path.join(fixtures, "validate/valid"))];
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const doc: unknown = parse(readFileSync(file, "utf8"));
      expect(validate(doc) ? [] : validate.errors, file).toEqual([]);
      expect(checkDocument("trigger", doc).filter((i) => i.severity === "error"), file).toEqual([]);
    }
  });

  it("refuses an identifier and a name Harness's patterns refuse, as the kit does", () => {
    const validate = load();
    const file = triggersUnder(path.join(fixtures, "validate/valid"))[0] as string;
    const doc = parse(readFileSync(file, "utf8")) as { trigger: Record<string, unknown> };
    for (const [field, value, code] of [["identifier", "on-push", "identifier-pattern"], ["name", "on/push", "name-pattern"]] as const) {
      const bad = { trigger: { ...doc.trigger, [field]: value } };
      expect(validate(bad), field).toBe(false);
      expect(checkDocument("trigger", bad).map((i) => i.code)).toContain(code);
    }
  });
});
