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
  `${JSON.stringify({ plan: items.map(({ kind, identifier, action, diff, valueSource }) => ({ kind, identifier, action, ...(diff === undefined ? {} : { diff }), ...(valueSource === undefined ? {} : { valueSource }) })) }, null, 2)}\n`;

export const command: CommandModule = {
  help: `Usage: harness-scaffold plan [DIR...] [options]

Shows what "publish" would do with each entity in DIR (default .harness), in publish order:
create, update (with a diff: "-" is Harness's version, "+" the local file), unchanged, or
conflict (it exists in Harness but was not created by harness-scaffold). Secrets show as
create (with whether their value source is available now, e.g. "env:GITHUB_TOKEN is not set")
or exists (values cannot be compared; publish leaves them alone unless told to rotate). Files are validated
first; nothing is sent if one has an error. Plan only reads: it never changes anything.

Options:
  --json                print {"plan":[{"kind","identifier","action","diff"?}]}

${CONNECTION_HELP}

Exit codes: 0 plan shown, 1 validation or Harness error, 2 bad usage or configuration.
`,
  options: CONNECTION_OPTIONS,
  allowPositionals: true,
  async run(args, ctx) {
    const result = await plan(connectionFromArgs(args, ctx));
    // Warnings go to stderr so --json output stays one document.
    for (const w of result.warnings) ctx.stderr.write(`${w.file}:${w.line}:${w.column} warning ${w.code} ${w.message}\n`);
    if (args.values.json === true) {
      ctx.stdout.write(planJson(result.plan));
      return 0;
    }
    ctx.stdout.write(planHeader(result));
    for (const item of result.plan) ctx.stdout.write(planLine(item));
    ctx.stdout.write(planSummary(result.plan));
    return 0;
  },
};
