/**
 * `harness-scaffold demo` (what `npm start` runs): the whole flow on a sample service in a minute,
 * with no account and no network beyond 127.0.0.1. Renders the sample with default answers into a
 * temp dir, validates it, starts the emulator in-process on a free loopback port, plans,
 * publishes, plans again (all unchanged), and says where the files are.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { SAMPLE_SERVICE_ANSWERS } from "../kit/builtin.js";
import { startEmulator } from "../emulator/server.js";
import { KitError } from "../errors.js";
import { generate } from "../generate/generate.js";
import { directDispatcher } from "../harness/dispatcher.js";
import { DEFAULT_OUT_DIR } from "../layout.js";
import { plan } from "../plan/plan.js";
import { connectionTestLine, connectionTestSummary, planLine, planSummary, publishSummary } from "../publish/messages.js";
import { progressPrinter } from "../publish/progress.js";
import { publish } from "../publish/publish.js";
import { validatePaths } from "../validate/validate.js";
import type { CommandModule } from "./context.js";

const step = (n: number, text: string): string => `\n${n}. ${text}\n`;

/**
 * Stand-in values for the sample's two secrets (its files read env:GITHUB_TOKEN and
 * env:DOCKER_PASSWORD). Set in the demo's own environment object, not the process's: a user's
 * real variables are neither read nor changed.
 */
const DEMO_SECRET_VALUES = { GITHUB_TOKEN: "demo-github-token-not-real", DOCKER_PASSWORD: "demo-docker-password-not-real" };

export const command: CommandModule = {
  help: `Usage: harness-scaffold demo

Runs the whole flow on a sample service against a local Harness API emulator: renders the
"service" generator's sample with default answers into a temp dir, validates it, starts the
emulator on a free 127.0.0.1 port, shows the plan, publishes (creating the sample's two secrets
from stand-in values the demo sets itself), tests every connector's connection, and plans again
(all unchanged).
Nothing leaves this machine and no Harness account is needed. \`npm start\` runs this.
`,
  options: {},
  allowPositionals: false,
  async run(_args, ctx) {
    const out = ctx.stdout;
    const root = await mkdtemp(path.join(tmpdir(), "harness-scaffold-demo-"));
    const outDir = path.join(root, DEFAULT_OUT_DIR);
    out.write("harness-scaffold demo: a sample service from answers to (emulated) Harness\n");

    const generated = await generate({ generator: "service", answers: { ...SAMPLE_SERVICE_ANSWERS }, outDir: DEFAULT_OUT_DIR, cwd: root, useDefaults: true });
    out.write(step(1, `Rendered the sample service "${SAMPLE_SERVICE_ANSWERS.name}" with default answers into ${outDir}:`));
    for (const file of generated.files) out.write(`     ${file.path}\n`);

    const validation = await validatePaths([DEFAULT_OUT_DIR], { cwd: root, env: {}, signal: ctx.signal });
    const errors = validation.issues.filter((i) => i.severity === "error");
    if (errors.length > 0) {
      throw new KitError("E_INTERNAL", `the sample does not validate: ${errors.map((i) => `${i.file}:${i.line}:${i.column} ${i.message}`).join("; ")}`);
    }
    const warnings = validation.issues.length - errors.length;
    out.write(step(2, `Validated ${validation.files.length} files: no errors${warnings > 0 ? `, ${warnings} warnings` : ""}.`));

    const emulator = await startEmulator({ host: "127.0.0.1", port: 0 });
    const dispatcher = directDispatcher();
    try {
      out.write(step(3, `Started the Harness API emulator at ${emulator.url} (account ${emulator.account}).`));
      const options = {
        cwd: root,
        // The emulator's token goes in the environment the library reads, as a real key would.
        env: { HARNESS_PLATFORM_API_KEY: emulator.token, HARNESS_SCAFFOLD_STATE_DIR: path.join(root, "state"), ...DEMO_SECRET_VALUES },
        signal: ctx.signal,
        endpoint: emulator.url,
        dispatcher,
      };

      const first = await plan(options);
      out.write(step(4, "Plan (nothing exists yet):"));
      for (const item of first.plan) out.write(planLine(item));
      out.write(planSummary(first.plan));

      out.write(step(5, "Publish, kind by kind in dependency order (secret values from GITHUB_TOKEN and DOCKER_PASSWORD, set by the demo):"));
      const printer = progressPrinter(out, ctx.interactive && out.isTTY === true);
      const published = await publish({ ...options, onProgress: printer.onProgress, testConnections: true }).finally(() => printer.stop());
      out.write(publishSummary(published));
      out.write("   Connection tests:\n");
      for (const test of published.connectionTests ?? []) out.write(connectionTestLine(test));
      out.write(connectionTestSummary(published.connectionTests ?? []));
      if (!published.ok) return 1;

      const second = await plan(options);
      out.write(step(6, "Plan again (publishing twice changes nothing):"));
      for (const item of second.plan) out.write(planLine(item));
      out.write(planSummary(second.plan));

      const created = published.results.filter((r) => r.action === "created").length;
      const unchanged = second.plan.filter((p) => p.action === "unchanged" || p.action === "exists").length;
      out.write(`
Done: ${created} entities created in ${published.stats.requests} requests; the second plan finds ${unchanged} of ${second.plan.length} unchanged.
Your files: ${outDir}
Next:
  harness-scaffold new service                 answer a few prompts for your own service
  harness-scaffold validate ${outDir}
  harness-scaffold plan .harness               against Harness (HARNESS_PLATFORM_API_KEY set)
`);
      return unchanged === second.plan.length ? 0 : 1;
    } finally {
      await emulator.close();
      await dispatcher.close();
    }
  },
};
