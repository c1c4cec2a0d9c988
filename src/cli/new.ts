import { KitError } from "../errors.js";
import type { CommandModule } from "./context.js";

// Placeholder until the command lands; replaced by its owner.
export const command: CommandModule = {
  help: "harness-scaffold new — not available yet",
  options: {},
  allowPositionals: true,
  async run() {
    throw new KitError("E_INTERNAL", "the new command is not built yet");
  },
};
