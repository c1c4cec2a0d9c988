/**
 * Worker thread entry (see official-in-worker.ts): loads the official schema and answers validate
 * requests. Run by the built kit only (dist/…/official-worker.js); every message is plain data.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadOfficialSchema } from "./load-official-schema.js";
import { toPlainError } from "./official-in-worker.js";
import type { WorkerReply, WorkerRequest, WorkerStart } from "./official-in-worker.js";

const port = parentPort;
if (port === null) throw new Error("official-worker.js runs as a worker thread");
const start = workerData as WorkerStart;

const post = (reply: WorkerReply): void => port.postMessage(reply);

const loading = loadOfficialSchema(start.source, { cwd: start.cwd, env: start.env, ...(start.cacheDir === undefined ? {} : { cacheDir: start.cacheDir }) });
loading.then(
  (schema) => post({ type: "ready", sha256: schema.sha256, fromCache: schema.fromCache, ...(schema.cacheProblem ? { cacheProblem: schema.cacheProblem } : {}) }),
  (error: unknown) => post({ type: "failed", error: toPlainError(error) }),
);

port.on("message", (request: WorkerRequest) => {
  loading.then(
    (schema) => {
      try {
        post({ type: "result", id: request.id, errors: schema.validate(request.doc) });
      } catch (error) {
        post({ type: "result", id: request.id, error: toPlainError(error) });
      }
    },
    (error: unknown) => post({ type: "result", id: request.id, error: toPlainError(error) }),
  );
});
