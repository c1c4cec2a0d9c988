import type { CommandModule } from "./context.js";

/**
 * The command table. Modules load lazily so `harness-scaffold new` does not pay for the
 * emulator or the HTTP client at start-up.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<CommandModule>;
}

const fromModule = (m: { command: CommandModule }): CommandModule => m.command;

export const COMMANDS: readonly CommandEntry[] = [
  { name: "new", summary: "render Harness files from a generator's answers", load: () => import("./new.js").then(fromModule) },
  { name: "list", summary: "list the generators and their answer keys", load: () => import("./list.js").then(fromModule) },
  { name: "kit", summary: "write, check and test your own kit (kit init | check | test)", load: () => import("./kit.js").then(fromModule) },
  { name: "update", summary: "re-render recorded runs and merge the result, keeping your edits", load: () => import("./update.js").then(fromModule) },
  { name: "validate", summary: "check rendered or hand-edited files, with file:line:col", load: () => import("./validate.js").then(fromModule) },
  { name: "plan", summary: "show what publish would create, update or leave alone", load: () => import("./plan.js").then(fromModule) },
  { name: "publish", summary: "create or update everything in Harness, in dependency order", load: () => import("./publish.js").then(fromModule) },
  { name: "test-connections", summary: "run Harness's connection test on every connector", load: () => import("./test-connections.js").then(fromModule) },
  { name: "emulator", summary: "run the local Harness API emulator", load: () => import("./emulator.js").then(fromModule) },
  { name: "demo", summary: "render, validate, plan and publish a sample service to the emulator", load: () => import("./demo.js").then(fromModule) },
];
