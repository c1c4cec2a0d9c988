import { KitError } from "../errors.js";
import type { CommandModule } from "./context.js";

// Placeholder until the command lands; replaced by its owner.
export const command: CommandModule = {
  help: "harness-scaffold emulator — not available yet",
  options: {},
  allowPositionals: true,
  async run() {
    throw new KitError("E_INTERNAL", "the emulator command is not built yet");
  },
};
