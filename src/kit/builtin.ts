/**
 * The built-in kit: generators/kit.yaml in the package, the same format as any kit, with the
 * top-level templates/ as its templates (overridable with --templates, which is why its specs
 * carry no template set of their own: `generate` picks the set per run).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { KitError } from "../errors.js";
import type { GeneratorSpec } from "../generate/spec.js";
import { packageRoot } from "../paths.js";
import { PRECOMPILED_DIR } from "../util/load-precompiled.js";
import type { KitIssue } from "./kit-yaml.js";
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

/** The build's parsed copy of generators/kit.yaml (parsing YAML is most of a cold start's kit cost). */
export const PRECOMPILED_KIT_FILE = path.join(PRECOMPILED_DIR, "builtin-kit.json");

const digest = (text: string): string => createHash("sha256").update(text).digest("hex");

/** Parses kit.yaml text into its definition and problems (what the build stores). */
export function parseBuiltinKit(text: string): { definition: KitDefinition; issues: KitIssue[] } {
  const yaml = readKitYaml(text, "generators/kit.yaml");
  const { definition, issues } = parseKit(yaml);
  return { definition, issues: [...yaml.errors, ...issues] };
}

/** The stored parse when it was made from this exact text, else a fresh parse. */
function parsed(text: string): { definition: KitDefinition; issues: KitIssue[] } {
  if (existsSync(PRECOMPILED_KIT_FILE)) {
    const stored = JSON.parse(readFileSync(PRECOMPILED_KIT_FILE, "utf8")) as { sha256: string; definition: KitDefinition };
    if (stored.sha256 === digest(text)) return { definition: stored.definition, issues: [] };
  }
  return parseBuiltinKit(text);
}

/** The JSON the build writes to PRECOMPILED_KIT_FILE. */
export function precompiledKitJson(): string {
  const text = readFileSync(BUILTIN_KIT_FILE, "utf8");
  return JSON.stringify({ sha256: digest(text), definition: parseBuiltinKit(text).definition });
}

/** Loads generators/kit.yaml once; a problem in it is a bug in the package, not user input. */
export function builtinKit(): { definition: KitDefinition; specs: GeneratorSpec[] } {
  if (cached !== undefined) return cached;
  const { definition, issues } = parsed(readFileSync(BUILTIN_KIT_FILE, "utf8"));
  const specs = definition.generators.map((g) => toGeneratorSpec(g, issues));
  if (issues.length > 0) {
    throw new KitError("E_INTERNAL", `the built-in kit is broken:\n${issues.map((i) => `  ${i.at}: ${i.message}`).join("\n")}`);
  }
  cached = { definition, specs };
  return cached;
}
