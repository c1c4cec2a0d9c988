/**
 * Runs an emulator in its own process (for tests that SIGKILL it mid-write). Prints one JSON
 * line `{url, account, token}` once it listens. Usage: node --import tsx child-emulator.ts STATE_FILE
 */
import { startEmulator } from "../../src/emulator/server.js";

const stateFile = process.argv[2];
const emulator = await startEmulator({ port: 0, rateLimit: false, stateFile, account: process.argv[3], token: process.argv[4] });
process.stdout.write(`${JSON.stringify({ url: emulator.url, account: emulator.account, token: emulator.token })}\n`);
