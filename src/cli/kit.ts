/** `harness-scaffold kit init|check|test DIR`: write, check and test a kit. */
import { KitError } from "../errors.js";
import { seeHelp } from "../messages.js";
import type { CliContext, CommandModule, ParsedArgs } from "./context.js";

const help = `Usage:
  harness-scaffold kit init DIR                 write a starter kit that passes check and test
  harness-scaffold kit check DIR [--format F]   find problems in a kit, each at file:line:col
  harness-scaffold kit test DIR [--update]      render each tests/<case>, compare with its expected/,
                                                publish to an in-process emulator, plan again;
                                                run each tests/<case>/update/: base/ + edited/,
                                                update with this kit, compare with expected/
                                                and conflicts.txt

A kit is a folder with kit.yaml, templates/ and tests/ (README: "Write your own kit").
kit check exits 1 when it finds problems; kit test exits 1 when any case fails.

Options:
  --format text|json  output of kit check (default text)
  --json              kit test: print the cases as JSON
  --update            kit test: rewrite each case's expected/ (and an update case's
                      conflicts.txt) from what happens now
  -h, --help          show this help
`;

export const command: CommandModule = {
  help,
  options: {
    format: { type: "string" },
    json: { type: "boolean" },
    update: { type: "boolean" },
  },
  allowPositionals: true,
  run,
};

async function run(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const [action, dir, ...extra] = args.positionals;
  if (action === undefined || !["init", "check", "test"].includes(action)) {
    throw new KitError("E_USAGE", action === undefined ? "kit needs an action: init, check or test" : `unknown kit action "${action}"; the actions are init, check, test`, { hint: seeHelp("kit") });
  }
  if (dir === undefined || extra.length > 0) throw new KitError("E_USAGE", `kit ${action} takes one folder`, { hint: seeHelp("kit") });
  const messages = await import("../kit/messages.js");
  if (action === "init") {
    const { initKit } = await import("../kit/init.js");
    ctx.stdout.write(messages.formatInit(dir.replace(/[\\/]+$/, ""), await initKit(dir, { cwd: ctx.cwd })));
    return 0;
  }
  if (action === "check") {
    const format = typeof args.values.format === "string" ? args.values.format : "text";
    if (format !== "text" && format !== "json") throw new KitError("E_USAGE", `--format ${format}: use text or json`);
    const { checkKit } = await import("../kit/check.js");
    const result = checkKit(dir, { cwd: ctx.cwd });
    ctx.stdout.write(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : messages.formatCheck(result.kit, result.issues));
    return result.issues.length === 0 ? 0 : 1;
  }
  const [{ loadKit }, { testKit }] = await Promise.all([import("../kit/load.js"), import("../kit/test-kit.js")]);
  const kit = loadKit(dir, { cwd: ctx.cwd });
  const cases = await testKit(kit, { update: args.values.update === true });
  ctx.stdout.write(args.values.json === true ? `${JSON.stringify({ kit: kit.name, cases }, null, 2)}\n` : messages.formatTest(kit.name, cases));
  return cases.length > 0 && cases.every((c) => c.passed) ? 0 : 1;
}
