/**
 * `startEmulator`: a local stand-in for the Harness endpoints the kit uses, on plain node:http.
 * What it reproduces and why: README "Emulator" and shared/harness-api.md.
 */
import { randomInt } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { KitError } from "../errors.js";
import { resolveCredentials } from "./auth.js";
import { newCorrelationId, writeReply } from "./envelopes.js";
import { applyFault } from "./fault-replies.js";
import type { FaultRuntime } from "./fault-replies.js";
import { FaultPlanner, runsFirst } from "./faults.js";
import { connectorRoutes } from "./handlers/connectors.js";
import { environmentRoutes, infrastructureRoutes, serviceRoutes } from "./handlers/ng-entities.js";
import { ensureDefaultOrg, organizationRoutes } from "./handlers/organizations.js";
import { inputSetRoutes } from "./handlers/input-sets.js";
import { pipelineRoutes } from "./handlers/pipelines.js";
import { templateRoutes } from "./handlers/templates.js";
import { projectRoutes } from "./handlers/projects.js";
import { triggerRoutes } from "./handlers/triggers.js";
import { digestMatches, secretRoutes } from "./handlers/secrets.js";
import { testConnectionRoutes } from "./handlers/test-connection.js";
import { warmUpKitRules } from "./kit-rules.js";
import { checkEmulatorOptions, DEFAULT_MAX_BODY_BYTES } from "./options.js";
import { processRequest } from "./process-request.js";
import type { ProcessorDeps } from "./process-request.js";
import { SlidingWindowLimiter } from "./rate-limit.js";
import { Router } from "./router.js";
import { loadState, StateFile } from "./state-file.js";
import { Store } from "./store.js";
import type { EmulatorOptions, RunningEmulator } from "./types.js";
import { HARNESS_RATE_LIMIT } from "./types.js";

const ROUTES = [
  organizationRoutes, projectRoutes, connectorRoutes, pipelineRoutes, serviceRoutes, environmentRoutes, infrastructureRoutes,
  templateRoutes, secretRoutes, testConnectionRoutes, inputSetRoutes, triggerRoutes,
].flat();

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  checkEmulatorOptions(options);
  const { account, token } = resolveCredentials(options.account, options.token);
  const log = options.log ?? (() => undefined);
  const store = new Store(options.reserveDeletedIdentifiers === true);
  let stateFile: StateFile | undefined;
  if (options.stateFile !== undefined) {
    const file = path.resolve(options.stateFile);
    const state = loadState(file);
    store.load(state.records, state.reserved);
    stateFile = new StateFile(file, () => ({ records: store.snapshot(), reserved: store.reservations() }));
  }
  await warmUpKitRules();
  const before = store.changes;
  ensureDefaultOrg(store, account, Date.now());
  if (stateFile !== undefined && store.changes !== before) await stateFile.commit();

  const faults = options.faults ?? (options.faultRate !== undefined ? { rate: options.faultRate, seed: options.seed } : undefined);
  const planner = new FaultPlanner(faults, options.seed ?? randomInt(0, 2 ** 31));
  const timers = new Set<NodeJS.Timeout>();
  const runtime: FaultRuntime = {
    delayMs: planner.delayMs,
    hold(ms, then) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        then();
      }, ms);
      timers.add(timer);
    },
  };
  const deps: ProcessorDeps = {
    account,
    token,
    store,
    router: new Router(ROUTES),
    limiter: options.rateLimit === false ? undefined : new SlidingWindowLimiter(options.rateLimit ?? HARNESS_RATE_LIMIT),
    stateFile,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    duplicateStatus: options.duplicateStatus ?? 400,
    identifierMaxLength: options.identifierMaxLength ?? 128,
    accountMismatchStatus: options.accountMismatchStatus ?? 403,
    missingConnectorStatus: options.missingConnectorStatus ?? 400,
    missingInputSetStatus: options.missingInputSetStatus ?? 404,
    missingTemplateStatus: options.missingTemplateStatus ?? 400,
    defaultStoreType: options.defaultStoreType ?? "INLINE",
    checkTemplateInputs: options.templateInputsCheck !== false,
    secrets: {
      options: {
        managerDelayMs: options.secrets?.managerDelayMs ?? 0,
        referenceReleaseMs: options.secrets?.referenceReleaseMs ?? 0,
        allowHyphens: options.secrets?.allowHyphens ?? false,
        missingGet: options.secrets?.missingGet ?? "400",
        policyDeny: options.secrets?.policyDeny ?? [],
      },
      testConnection: options.testConnection ?? {},
      lingering: new Map(),
    },
    log,
  };

  const server = createServer((req, res) => {
    const started = Date.now();
    const correlationId = newCorrelationId();
    const fault = planner.next(req.method ?? "GET", (req.url ?? "/").split("?")[0] ?? "/");
    res.on("close", () => {
      const status = res.headersSent ? String(res.statusCode) : "---";
      log(`${req.method ?? "?"} ${(req.url ?? "").split("?")[0]} ${status} ${Date.now() - started}ms${fault ? ` fault=${fault.kind}` : ""}`);
    });
    if (fault !== undefined && !runsFirst(fault.kind)) {
      applyFault(res, fault, correlationId, undefined, runtime);
      return;
    }
    void processRequest(req, correlationId, deps).then((reply) => {
      if (fault !== undefined) applyFault(res, fault, correlationId, reply, runtime);
      else writeReply(res, reply);
    });
  });

  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 4010;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const message = error.code === "EADDRINUSE" ? `port ${port} on ${host} is already in use` : `cannot listen on ${host}:${port}: ${error.message}`;
      reject(new KitError("E_USAGE", message, { cause: error, hint: "Choose another --port (0 picks a free one)." }));
    });
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}`,
    account,
    token,
    faultSeed: planner.seed,
    injectFaults: (list) => planner.inject(list),
    secretHolds(scope, identifier, value) {
      const [, org = null, project = null] = scope === "account" ? [] : scope.split("/");
      return digestMatches(store.get({ kind: "secret", account, org, project, identifier })?.valueDigest, value);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await stateFile?.idle();
    },
  };
}
