/**
 * `harness-scaffold validate [PATH...]`: checks rendered or hand-edited files and prints the
 * issues as text, JSON or SARIF. Exit 0 without errors (warnings allowed), 1 with errors.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { KitError } from "../errors.js";
import { DEFAULT_OUT_DIR } from "../layout.js";
import { seeHelp } from "../messages.js";
import { kitVersion } from "../paths.js";
import { formatIssues, REPORT_FORMATS, type ReportFormat } from "../validate/format/index.js";
import { validatePaths } from "../validate/validate.js";
import type { CommandModule } from "./context.js";

const help = `Usage:
  harness-scaffold validate [PATH...] [options]

Check Harness files before they reach Harness: the kit's schemas, Harness's own rules (unique
identifiers, references, timeouts, connector rules) and, on request, Harness's official pipeline
schema. PATH is a file or a directory (default ${DEFAULT_OUT_DIR}).

Options:
  --official-schema FILE|URL  also check pipelines against Harness's v0 pipeline schema
  --strict                    treat warnings (e.g. references not found locally) as errors
  --format text|json|sarif    output format (default text); sarif is for GitHub code scanning
  -h, --help                  show this help

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad usage.

Examples:
  harness-scaffold validate
  harness-scaffold validate .harness/pipelines/build.yaml --strict
  harness-scaffold validate --format sarif > harness.sarif
  harness-scaffold validate --official-schema https://raw.githubusercontent.com/harness/harness-schema/main/v0/pipeline.json
`;

export const command: CommandModule = {
  help,
  options: {
    "official-schema": { type: "string" },
    strict: { type: "boolean" },
    format: { type: "string" },
  },
  allowPositionals: true,
  async run(args, ctx) {
    const format = (args.values.format ?? "text") as string;
    if (!REPORT_FORMATS.includes(format as ReportFormat)) {
      throw new KitError("E_USAGE", `validate: unknown format "${format}"`, { hint: `use one of ${REPORT_FORMATS.join(", ")}` });
    }
    const paths = args.positionals.length > 0 ? args.positionals : [DEFAULT_OUT_DIR];
    for (const given of paths) {
      if (!(await stat(path.resolve(ctx.cwd, given)).catch(() => undefined))) {
        const hint = args.positionals.length > 0 ? seeHelp("validate") : `run "harness-scaffold new" first, or name the files to check`;
        throw new KitError("E_USAGE", `validate: "${given}" does not exist`, { hint });
      }
    }
    const official = args.values["official-schema"];
    const result = await validatePaths(paths, {
      cwd: ctx.cwd,
      env: ctx.env,
      strict: args.values.strict === true,
      ...(typeof official === "string" ? { officialSchema: official } : {}),
      signal: ctx.signal,
    });
    ctx.stdout.write(formatIssues(result, format as ReportFormat, { files: result.files, toolVersion: kitVersion() }));
    return result.ok ? 0 : 1;
  },
};
