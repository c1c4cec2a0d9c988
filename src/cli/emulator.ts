import path from "node:path";
import { KitError } from "../errors.js";
import { parseDuplicateStatus, parseFaultKinds, parseIdentifierMaxLength, parseFraction, parseRateLimit, parseWholeNumber } from "../emulator/options.js";
import { startEmulator } from "../emulator/server.js";
import type { EmulatorOptions, FaultOptions } from "../emulator/types.js";
import { HARNESS_RATE_LIMIT } from "../emulator/types.js";
import type { CliContext, CommandModule, ParsedValues } from "./context.js";

const HELP = `harness-scaffold emulator — run a local stand-in for the Harness API

Usage:
  harness-scaffold emulator [options]

Serves the Harness endpoints the kit uses (projects, connectors, pipelines, services, templates,
environments, infrastructures, secrets, connection tests; with or without the /gateway prefix) with Harness's envelopes,
status codes and messages. Runs until Ctrl+C (SIGINT) or SIGTERM.

Options:
  --host HOST               address to listen on (default 127.0.0.1)
  --port PORT               port (default 4010; 0 picks a free one)
  --account ID              account id (default: random, 22 characters like Harness's)
  --token TOKEN             API token pat.<account>.<tokenId>.<secret> (default: random)
  --state FILE              keep every acknowledged change in FILE and reload it on start
  --rate-limit N/SECONDS    at most N requests per SECONDS per API key, then 429; default 400/60,
                            Harness's documented limit for x-api-key calls; off: no limit
  --duplicate-status CODE   400 (Harness's code, default) or 409 for duplicate identifiers
  --identifier-max-length N 128 (current Harness code, default) or 64 (older code): longer entity
                            identifiers are refused
  --reserve-deleted-ids     a deleted organization, project, pipeline or trigger keeps its identifier:
                            creating it again is a duplicate ("or was deleted"; inferred)
  --missing-template-status CODE
                            400 (default) or 404 for a GET of a template version that is not there
  --lenient-template-inputs accept pipelines whose templateInputs do not fit the template
  --missing-input-set-status CODE
                            404 (current servers, default) or 400 (older builds) for a GET of a
                            missing input set
  --default-store-type T    INLINE (default) or REMOTE: the account's Git Experience default; under
                            REMOTE a pipeline, template or input-set create without storeType=INLINE is refused
  --fault-rate F            fail this fraction (0..1) of requests transiently
  --seed N                  seed for --fault-rate (same seed, same requests → same faults)
  --fault-kinds LIST        comma-separated kinds to pick from, e.g. 503,reset-after-store
  --fault-delay-ms MS       how long "timeout" faults hold a response (default 35000)
  --max-body-bytes N        larger bodies get 413 (default 5242880)
  --test-fail IDS           connection tests of these connectors (comma-separated) answer FAILURE
  --test-no-delegate IDS    connection tests of these connectors answer an HTTP error (no delegate)
  --test-latency-ms MS      added to every connection test's answer time (default 0)
  --secret-manager-delay-ms MS
                            a new project's harnessSecretManager appears only after MS (default 0)
  --secret-release-ms MS    a deleted connector's secrets stay "in use" for MS (default 0)
  --secret-id-hyphens       accept "-" in secret identifiers (Harness's docs; its code refuses it)
  --secret-missing-get FORM a GET of a missing secret answers 400 (newer Harness, default) or
                            200-null (older Harness: 200 with data null)
  --secret-policy-deny IDS  a policy denies saving these secrets (comma-separated): 200 without
                            data.secret, nothing stored, as Harness answers an OPA deny
  --quiet                   do not print one line per request

Example:
  harness-scaffold emulator --port 4010 --state .emulator.json --rate-limit 1000/60
`;

function text(values: ParsedValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

function parseMissingGet(value: string | undefined): "400" | "200-null" | undefined {
  if (value === undefined || value === "400" || value === "200-null") return value;
  throw new KitError("E_USAGE", `--secret-missing-get must be 400 or 200-null, not "${value}"`, { hint: 'run "harness-scaffold emulator --help" for the options' });
}

/** Flag values → options; every bad value is an E_USAGE error that names the flag. */
export function emulatorOptions(values: ParsedValues, cwd: string): EmulatorOptions {
  const get = (name: string) => text(values, name);
  const options: EmulatorOptions = { host: get("host") ?? "127.0.0.1" };
  const port = get("port");
  options.port = port === undefined ? 4010 : parseWholeNumber("--port", port, 0, 65535);
  if (get("account") !== undefined) options.account = get("account");
  if (get("token") !== undefined) options.token = get("token");
  const state = get("state");
  if (state !== undefined) options.stateFile = path.resolve(cwd, state);
  const rate = get("rate-limit");
  if (rate !== undefined) options.rateLimit = parseRateLimit(rate);
  const duplicate = get("duplicate-status");
  if (duplicate !== undefined) options.duplicateStatus = parseDuplicateStatus(duplicate);
  const maxIdLength = get("identifier-max-length");
  if (maxIdLength !== undefined) options.identifierMaxLength = parseIdentifierMaxLength(maxIdLength);
  if (values["reserve-deleted-ids"] === true) options.reserveDeletedIdentifiers = true;
  const missingTemplate = get("missing-template-status");
  if (missingTemplate !== undefined) {
    if (missingTemplate !== "400" && missingTemplate !== "404") throw new KitError("E_USAGE", `--missing-template-status "${missingTemplate}" must be 400 or 404`);
    options.missingTemplateStatus = Number(missingTemplate) as 400 | 404;
  }
  if (values["lenient-template-inputs"] === true) options.templateInputsCheck = false;
  const missingInputSet = get("missing-input-set-status");
  if (missingInputSet !== undefined) {
    if (missingInputSet !== "400" && missingInputSet !== "404") throw new KitError("E_USAGE", `--missing-input-set-status "${missingInputSet}" must be 400 or 404`);
    options.missingInputSetStatus = Number(missingInputSet) as 400 | 404;
  }
  const storeType = get("default-store-type");
  if (storeType !== undefined && storeType !== "INLINE" && storeType !== "REMOTE") throw new KitError("E_USAGE", `--default-store-type "${storeType}" must be INLINE or REMOTE`);
  if (storeType !== undefined) options.defaultStoreType = storeType;
  const maxBody = get("max-body-bytes");
  if (maxBody !== undefined) options.maxBodyBytes = parseWholeNumber("--max-body-bytes", maxBody, 1, 2 ** 31);
  const faultRate = get("fault-rate");
  const faultFlags = ["seed", "fault-kinds", "fault-delay-ms"].filter((f) => get(f) !== undefined);
  if (faultRate === undefined && faultFlags.length > 0) {
    throw new KitError("E_USAGE", `--${faultFlags[0]} only has an effect with --fault-rate`, { hint: "Add --fault-rate F (0..1)." });
  }
  if (faultRate !== undefined) {
    const faults: FaultOptions = { rate: parseFraction("--fault-rate", faultRate) };
    const seed = get("seed");
    if (seed !== undefined) faults.seed = parseWholeNumber("--seed", seed, 0, 2 ** 32 - 1);
    const kinds = get("fault-kinds");
    if (kinds !== undefined) faults.kinds = parseFaultKinds(kinds);
    const delay = get("fault-delay-ms");
    if (delay !== undefined) faults.delayMs = parseWholeNumber("--fault-delay-ms", delay, 0, 600_000);
    options.faults = faults;
  }
  const ids = (name: string) => get(name)?.split(",").map((id) => id.trim()).filter(Boolean);
  const latency = get("test-latency-ms");
  options.testConnection = {
    fail: ids("test-fail"),
    noDelegate: ids("test-no-delegate"),
    latencyMs: latency === undefined ? undefined : parseWholeNumber("--test-latency-ms", latency, 0, 600_000),
  };
  const managerDelay = get("secret-manager-delay-ms");
  const release = get("secret-release-ms");
  options.secrets = {
    managerDelayMs: managerDelay === undefined ? undefined : parseWholeNumber("--secret-manager-delay-ms", managerDelay, 0, 600_000),
    referenceReleaseMs: release === undefined ? undefined : parseWholeNumber("--secret-release-ms", release, 0, 600_000),
    allowHyphens: values["secret-id-hyphens"] === true,
    missingGet: parseMissingGet(get("secret-missing-get")),
    policyDeny: (get("secret-policy-deny") ?? "").split(",").map((s) => s.trim()).filter((s) => s !== ""),
  };
  return options;
}

function banner(e: { url: string; account: string; token: string; faultSeed: number | undefined }, options: EmulatorOptions): string {
  const lines = [
    `Harness API emulator listening on ${e.url}`,
    `  account id   ${e.account}`,
    `  API token    ${e.token}`,
    `  state        ${options.stateFile ?? "in memory only (pass --state FILE to keep changes)"}`,
  ];
  const limit = options.rateLimit ?? HARNESS_RATE_LIMIT;
  lines.push(limit === false ? "  rate limit   off" : `  rate limit   ${limit.requests} requests per ${limit.windowMs / 1000} s per API key`);
  if (options.faults) lines.push(`  faults       ${options.faults.rate * 100}% of requests (seed ${e.faultSeed ?? "-"})`);
  lines.push(
    "",
    "Point the kit at it:",
    `  export HARNESS_ENDPOINT=${e.url} HARNESS_ACCOUNT_ID=${e.account} HARNESS_PLATFORM_API_KEY=${e.token}`,
    "Press Ctrl+C to stop.",
    "",
  );
  return lines.join("\n");
}

export const command: CommandModule = {
  help: HELP,
  options: {
    host: { type: "string" },
    port: { type: "string" },
    account: { type: "string" },
    token: { type: "string" },
    state: { type: "string" },
    "rate-limit": { type: "string" },
    "duplicate-status": { type: "string" },
    "identifier-max-length": { type: "string" },
    "reserve-deleted-ids": { type: "boolean" },
    "missing-template-status": { type: "string" },
    "lenient-template-inputs": { type: "boolean" },
    "missing-input-set-status": { type: "string" },
    "fault-rate": { type: "string" },
    seed: { type: "string" },
    "fault-kinds": { type: "string" },
    "fault-delay-ms": { type: "string" },
    "max-body-bytes": { type: "string" },
    "test-fail": { type: "string" },
    "test-no-delegate": { type: "string" },
    "test-latency-ms": { type: "string" },
    "secret-manager-delay-ms": { type: "string" },
    "secret-release-ms": { type: "string" },
    "secret-id-hyphens": { type: "boolean" },
    "secret-missing-get": { type: "string" },
    "default-store-type": { type: "string" },
    "secret-policy-deny": { type: "string" },
    quiet: { type: "boolean" },
  },
  allowPositionals: false,
  async run(args, ctx: CliContext) {
    const options = emulatorOptions(args.values, ctx.cwd);
    if (args.values.quiet !== true) options.log = (line) => ctx.stdout.write(`${line}\n`);
    const emulator = await startEmulator(options);
    ctx.stdout.write(banner(emulator, options));
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve();
      else ctx.signal.addEventListener("abort", () => resolve(), { once: true });
    });
    await emulator.close();
    ctx.stdout.write("Emulator stopped.\n");
    return 0;
  },
};
