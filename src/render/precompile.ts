/**
 * Build time: every built-in template (templates/**) compiled to Handlebars' template code, so a
 * run neither loads the Handlebars compiler nor compiles them (see handlebars.ts). Entries are
 * keyed by the template's whole text: a template edited after the build, or overridden with
 * `--templates`, simply finds no entry and is compiled live. The built-in kit's expressions
 * (generators/kit.yaml) are stored the same way.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { builtinTemplatesDir } from "../paths.js";
import { precompileTemplate } from "./handlebars.js";

/** Source of the `templates` script for load-precompiled.ts: returns the list of precompiled templates. */
export function precompiledTemplatesCode(dir: string = builtinTemplatesDir, expressions: Iterable<string> = []): string {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".hbs"))
    .sort();
  const entries = files.map((file) => {
    const { text, problems, spec } = precompileTemplate(readFileSync(path.join(dir, file), "utf8"));
    return `  // ${file.split(path.sep).join("/")}\n  { text: ${JSON.stringify(text)}, problems: ${JSON.stringify(problems)}, spec: ${spec} }`;
  });
  // The built-in kit's expressions (defaults, paths, with values): same code, keyed by text too.
  for (const text of [...new Set(expressions)].sort()) {
    const { problems, spec } = precompileTemplate(text);
    entries.push(`  { text: ${JSON.stringify(text)}, problems: ${JSON.stringify(problems)}, spec: ${spec} }`);
  }
  return `(function (require, provided) {\n"use strict";\nreturn [\n${entries.join(",\n")}\n];\n})\n`;
}
