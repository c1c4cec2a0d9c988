/**
 * The built-in kit: generators/kit.yaml in the package, the same format as any kit, with the
 * top-level templates/ as its templates (overridable with --templates, which is why its specs
 * carry no template set of their own: `generate` picks the set per run).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { KitError } from "../errors.js";
import type { GeneratorSpec } from "../generate/spec.js";
import { packageRoot } from "../paths.js";
import { readKitYaml } from "./kit-yaml.js";
import { parseKit } from "./parse-kit.js";
import { toGeneratorSpec } from "./to-spec.js";
import type { KitDefinition } from "./types.js";

export const BUILTIN_KIT_FILE = path.join(packageRoot, "generators", "kit.yaml");

/** The answers the demo (`npm start`) renders the sample service with; the rest take defaults. */
export const SAMPLE_SERVICE_ANSWERS: Readonly<Record<string, string>> = Object.freeze({
  name: "payments-api",
  gitUrl: "https://github.com/acme/payments-api",
  image: "acme/payments-api",
});

let cached: { definition: KitDefinition; specs: GeneratorSpec[] } | undefined;

/** Loads generators/kit.yaml once; a problem in it is a bug in the package, not user input. */
export function builtinKit(): { definition: KitDefinition; specs: GeneratorSpec[] } {
  if (cached !== undefined) return cached;
  const yaml = readKitYaml(readFileSync(BUILTIN_KIT_FILE, "utf8"), "generators/kit.yaml");
  const { definition, issues } = parseKit(yaml);
  issues.push(...yaml.errors);
  const specs = definition.generators.map((g) => toGeneratorSpec(g, issues));
  if (issues.length > 0) {
    throw new KitError("E_INTERNAL", `the built-in kit is broken:\n${issues.map((i) => `  ${i.at}: ${i.message}`).join("\n")}`);
  }
  cached = { definition, specs };
  return cached;
}
