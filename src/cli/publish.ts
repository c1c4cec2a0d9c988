import { isKitError, KitError } from "../errors.js";
import { parseRate } from "../harness/rate-limiter.js";
import { connectionTestLine, connectionTestSummary, publishSummary, rollbackLine, rollbackSummary } from "../publish/messages.js";
import { hiddenPrompt } from "./hidden-prompt.js";
import { progressPrinter } from "../publish/progress.js";
import { publish } from "../publish/publish.js";
import { rollback } from "../publish/rollback.js";
import type { CommandModule } from "./context.js";
import { CONNECTION_HELP, CONNECTION_OPTIONS, connectionFromArgs } from "./plan.js";

function concurrency(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new KitError("E_USAGE", `--concurrency must be a whole number from 1 to 64, not "${String(value)}"`);
  }
  return n;
}

export const command: CommandModule = {
  help: `Usage: harness-scaffold publish [DIR...] [options]

Creates or updates everything in DIR (default .harness) in Harness, kind by kind: project,
secrets, connectors, services, environments, infrastructures, pipelines. A secret's value is
read from its valueSource (env:VAR, file:PATH, prompt) when it is sent; if any value to send
is missing, publish stops before sending anything and names each variable. Existing secrets
are left alone. Files are validated first;
nothing is sent if one has an error. Entities it creates carry the tag
managed-by: harness-scaffold; an existing entity without it is a conflict and is left alone.
Safe to run again at any time: unchanged entities are not touched, and a run that stopped
half-way is finished by the next one.

Options:
  --adopt               take over conflicting entities (update them and add the tag)
  --rotate-secrets      send every secret's value again (update existing secrets)
  --rotate-secret ID    send this secret's value again (repeatable)
  --test-connections    after publishing, run Harness's connection test on every connector;
                        exit 1 if one fails
  --rollback            delete what the last publish run created, newest first, and nothing else
  --concurrency N       requests in flight within one kind (default 4)
  --rate N/SECONDS      client-side rate limit shared by the run (default 360/60; Harness allows
                        400 x-api-key calls per minute per key). Slows down further on 429.
  --json                print {"ok","results":[{"kind","identifier","action","error"?,"hint"?}]}

${CONNECTION_HELP}

The run's journal (what it created, for --rollback) lives outside your files, in
$XDG_STATE_HOME/harness-scaffold (default ~/.local/state/harness-scaffold).

Exit codes: 0 everything succeeded, 1 something failed (see the lines above the summary),
2 bad usage or configuration.
`,
  options: {
    ...CONNECTION_OPTIONS,
    adopt: { type: "boolean" },
    rollback: { type: "boolean" },
    concurrency: { type: "string" },
    rate: { type: "string" },
    "rotate-secrets": { type: "boolean" },
    "rotate-secret": { type: "string", multiple: true },
    "test-connections": { type: "boolean" },
  },
  allowPositionals: true,
  async run(args, ctx) {
    const v = args.values;
    const json = v.json === true;
    const options = {
      ...connectionFromArgs(args, ctx),
      concurrency: concurrency(v.concurrency),
      rateLimit: typeof v.rate === "string" ? parseRate(v.rate) : undefined,
    };
    if (v.rollback === true) {
      if (v.adopt === true) throw new KitError("E_USAGE", "--rollback and --adopt do not go together");
      const result = await rollback({ ...options, onProgress: json ? undefined : (item) => ctx.stdout.write(rollbackLine(item)) });
      if (json) ctx.stdout.write(`${JSON.stringify({ ok: result.ok, results: result.results }, null, 2)}\n`);
      else ctx.stdout.write(rollbackSummary(result));
      return result.ok ? 0 : 1;
    }
    const printer = json ? undefined : progressPrinter(ctx.stdout, ctx.interactive && ctx.stdout.isTTY === true);
    try {
      const named = Array.isArray(v["rotate-secret"]) ? (v["rotate-secret"] as string[]) : [];
      const result = await publish({
        ...options,
        adopt: v.adopt === true,
        onProgress: printer?.onProgress,
        rotateSecrets: v["rotate-secrets"] === true ? true : named.length > 0 ? named : undefined,
        promptSecret: hiddenPrompt(ctx),
        testConnections: v["test-connections"] === true,
      });
      printer?.stop();
      if (json) {
        const results = result.results.map(({ kind, identifier, action, error, hint }) => ({
          kind,
          identifier,
          action,
          ...(error === undefined ? {} : { error }),
          ...(error === undefined || hint === undefined ? {} : { hint }),
        }));
        const tests = result.connectionTests === undefined ? {} : { connectionTests: result.connectionTests };
        ctx.stdout.write(`${JSON.stringify({ ok: result.ok, results, skipped: result.skipped, ...tests }, null, 2)}\n`);
      } else {
        ctx.stdout.write(publishSummary(result));
        if (result.connectionTests !== undefined) {
          ctx.stdout.write("\nConnection tests:\n");
          for (const test of result.connectionTests) ctx.stdout.write(connectionTestLine(test));
          ctx.stdout.write(connectionTestSummary(result.connectionTests));
        }
      }
      return result.ok ? 0 : 1;
    } catch (error) {
      // A JSON reader still gets JSON; the one-line error goes to stderr as usual.
      if (json && isKitError(error)) ctx.stdout.write(`${JSON.stringify({ ok: false, results: [], error: { code: error.code, message: error.message } }, null, 2)}\n`);
      throw error;
    } finally {
      printer?.stop();
    }
  },
};
