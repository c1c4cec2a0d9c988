import { connectionTestLine, connectionTestSummary } from "../publish/messages.js";
import { testConnections } from "../publish/test-connections.js";
import type { CommandModule } from "./context.js";
import { CONNECTION_HELP, CONNECTION_OPTIONS, connectionFromArgs } from "./plan.js";

export const command: CommandModule = {
  help: `Usage: harness-scaffold test-connections [DIR...] [options]

Runs Harness's connection test on every connector in DIR (default .harness), several at a
time within the rate limit, each for up to 150 s (Harness runs the test on a delegate). Prints
one line per connector: SUCCESS, or FAILURE with Harness's summary and hint. Changes nothing
except the test result Harness keeps on each connector.

Options:
  --json                print {"ok","tests":[{"identifier","file","status","errorSummary"?,"hint"?}]}

${CONNECTION_HELP}

Exit codes: 0 every test succeeded, 1 a test failed, 2 bad usage or configuration.
`,
  options: CONNECTION_OPTIONS,
  allowPositionals: true,
  async run(args, ctx) {
    const result = await testConnections(connectionFromArgs(args, ctx));
    if (args.values.json === true) {
      ctx.stdout.write(`${JSON.stringify({ ok: result.ok, tests: result.tests }, null, 2)}\n`);
    } else {
      ctx.stdout.write(`Connection tests on ${result.endpoint} (account ${result.account}):\n`);
      for (const test of result.tests) ctx.stdout.write(connectionTestLine(test));
      ctx.stdout.write(connectionTestSummary(result.tests));
    }
    return result.ok ? 0 : 1;
  },
};
