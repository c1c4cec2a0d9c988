import { KitError } from "../errors.js";
import type { PlanItem } from "../plan/plan-entity.js";
import { plan } from "../plan/plan.js";
import type { ConnectOptions } from "../plan/session.js";
import { planHeader, planLine, planSummary } from "../publish/messages.js";
import type { CliContext, CommandModule, ParsedArgs } from "./context.js";

/** Flags plan and publish share: where Harness is and who we are. */
export const CONNECTION_OPTIONS = {
  endpoint: { type: "string" },
  account: { type: "string" },
  "api-key-file": { type: "string" },
  json: { type: "boolean" },
  // Accepted only to refuse them with a reason: a key in argv ends up in shell history and `ps`.
  "api-key": { type: "string" },
  token: { type: "string" },
} as const;

export const CONNECTION_HELP = `Connection:
  --endpoint URL        Harness URL (default: HARNESS_ENDPOINT, HARNESS_BASE_URL or
                        https://app.harness.io; a /gateway suffix works too). http:// is
                        refused except for 127.0.0.1, ::1 and localhost.
  --account ID          account id (default: HARNESS_ACCOUNT_ID, else read from the token)
  --api-key-file FILE   read the API token from FILE. Otherwise it comes from
                        HARNESS_PLATFORM_API_KEY or HARNESS_API_KEY; never from a flag value.
  HTTPS_PROXY / NO_PROXY and NODE_EXTRA_CA_CERTS are honoured.`;

/** Connection options from parsed flags; refuses a key given as a flag without repeating it. */
export function connectionFromArgs(args: ParsedArgs, ctx: CliContext): ConnectOptions {
  const v = args.values;
  for (const flag of ["api-key", "token"]) {
    if (v[flag] !== undefined) {
      throw new KitError("E_USAGE", `--${flag} is not accepted: an API key on the command line ends up in shell history and process lists`, {
        hint: "export HARNESS_PLATFORM_API_KEY=<token>, or put the token in a file and pass --api-key-file FILE",
      });
    }
  }
  const text = (name: string): string | undefined => (typeof v[name] === "string" ? (v[name] as string) : undefined);
  return {
    cwd: ctx.cwd,
    env: ctx.env,
    signal: ctx.signal,
    dirs: args.positionals,
    endpoint: text("endpoint"),
    account: text("account"),
    apiKeyFile: text("api-key-file"),
  };
}

export const planJson = (items: readonly PlanItem[]): string =>
  `${JSON.stringify({ plan: items.map(planItemJson) }, null, 2)}\n`;

function planItemJson({ kind, identifier, action, diff, changes, valueSource }: PlanItem): Record<string, unknown> {
  const out: Record<string, unknown> = { kind, identifier, action };
  if (valueSource !== undefined) out.valueSource = valueSource;
  if (changes !== undefined) out.changes = changes.map(({ segments: _s, ...change }) => change);
  if (diff !== undefined) out.diff = diff;
  return out;
}

/** `--detailed-exitcode`, as terraform has it: 0 nothing to do, 3 something would be created or updated, or conflicts. */
export const detailedExitCode = (items: readonly PlanItem[]): 0 | 3 => (items.every((i) => i.action === "unchanged" || i.action === "exists") ? 0 : 3);

export const command: CommandModule = {
  help: `Usage: harness-scaffold plan [DIR...] [options]

Shows what "publish" would do with each entity in DIR (default .harness), in publish order:
create, update (with a diff: "-" is Harness's version, "+" the local file), unchanged, or
conflict (it exists in Harness but was not created by harness-scaffold). Secrets show as
create (with whether their value source is available now, e.g. "env:GITHUB_TOKEN is not set")
or exists (values cannot be compared; publish leaves them alone unless told to rotate). Files are validated
first; nothing is sent if one has an error. Plan only reads: it never changes anything.

Each update lists its changes by Harness path, Harness's value first:
  ~ stage deploy_dev › step rollingDeployment › timeout: 10m → 15m
  + stage deploy_dev › step smokeTest (ShellScript) after rollingDeployment
  - variable LOG_LEVEL

Options:
  --diff                also show a unified diff, in the file's own layout
  --json                print {"plan":[{"kind","identifier","action","changes"?:[{"path","op","before"?,"after"?}],"diff"?}]}
  --detailed-exitcode   exit 0 when everything is unchanged, 3 when anything would be created or
                        updated or is a conflict (for drift checks in CI)

${CONNECTION_HELP}

Exit codes: 0 plan shown, 1 validation or Harness error, 2 bad usage or configuration;
with --detailed-exitcode 3 when Harness differs from the files.
`,
  options: { ...CONNECTION_OPTIONS, diff: { type: "boolean" }, "detailed-exitcode": { type: "boolean" } },
  allowPositionals: true,
  async run(args, ctx) {
    const result = await plan(connectionFromArgs(args, ctx));
    // Warnings go to stderr so --json output stays one document.
    for (const w of result.warnings) ctx.stderr.write(`${w.file}:${w.line}:${w.column} warning ${w.code} ${w.message}\n`);
    const exit = args.values["detailed-exitcode"] === true ? detailedExitCode(result.plan) : 0;
    if (args.values.json === true) {
      ctx.stdout.write(planJson(result.plan));
      return exit;
    }
    ctx.stdout.write(planHeader(result));
    for (const item of result.plan) ctx.stdout.write(planLine(item, args.values.diff === true));
    ctx.stdout.write(planSummary(result.plan));
    return exit;
  },
};
