/**
 * Loads the official schema in a worker thread while this thread does the kit's own checks. Loading
 * the cached validator (reading ~12 MB, deserialising V8's code cache) is ~150 ms of one core, and
 * `validate` spends about as long reading, parsing and checking the files: side by side, a cached
 * `validate --official-schema` takes little longer than a plain `validate` (README.md, "Performance").
 * The compiled functions live in the worker's V8 isolate, so validation runs there too: documents
 * go over as messages and Ajv's errors come back (both plain data).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ErrorObject } from "ajv";
import { isKitError, KitError } from "../../errors.js";

export interface WorkerStart {
  source: string;
  cwd: string;
  cacheDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

export interface WorkerRequest {
  id: number;
  doc: unknown;
}

/** A KitError's code, message and hint: what crosses the thread boundary of an error. */
export interface PlainError {
  code?: string;
  message: string;
  hint?: string;
}

export interface WorkerLoaded {
  sha256: string;
  fromCache: boolean;
  cacheProblem?: string;
}

export type WorkerReply =
  | ({ type: "ready" } & WorkerLoaded)
  | { type: "failed"; error: PlainError }
  | { type: "result"; id: number; errors?: ErrorObject[]; error?: PlainError };

export interface OfficialInWorker {
  /** Settles when the schema is loaded; rejects with the error loading it met (a KitError for bad input). */
  ready: Promise<WorkerLoaded>;
  validate(doc: unknown): Promise<ErrorObject[]>;
  close(): Promise<void>;
}

export function toPlainError(error: unknown): PlainError {
  if (isKitError(error)) return { code: error.code, message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }) };
  return { message: error instanceof Error ? error.message : String(error) };
}

function revive(error: PlainError): Error {
  if (error.code === undefined) return new Error(error.message);
  return new KitError(error.code as KitError["code"], error.message, error.hint === undefined ? {} : { hint: error.hint });
}

const WORKER_FILE = new URL("./official-worker.js", import.meta.url);

/** Undefined when no worker can run (from the TypeScript sources there is no built worker file). */
export function officialInWorker(start: WorkerStart): OfficialInWorker | undefined {
  if (!import.meta.url.endsWith(".js") || !existsSync(fileURLToPath(WORKER_FILE))) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(WORKER_FILE, { workerData: start });
  } catch {
    return undefined;
  }
  const pending = new Map<number, { resolve: (errors: ErrorObject[]) => void; reject: (error: Error) => void }>();
  let settle: { resolve: (loaded: WorkerLoaded) => void; reject: (error: Error) => void } | undefined;
  const ready = new Promise<WorkerLoaded>((resolve, reject) => (settle = { resolve, reject }));
  ready.catch(() => undefined); // awaited by the caller; a failure must not also be "unhandled"
  let failure: Error | undefined;
  let nextId = 0;

  const fail = (error: Error): void => {
    failure ??= error;
    settle?.reject(error);
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  worker.on("message", (reply: WorkerReply) => {
    if (reply.type === "ready") settle?.resolve(reply);
    else if (reply.type === "failed") fail(revive(reply.error));
    else {
      const request = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.error) request?.reject(revive(reply.error));
      else request?.resolve(reply.errors ?? []);
    }
  });
  worker.on("error", (error) => fail(new KitError("E_INTERNAL", `the official-schema worker failed: ${error.message}`, { cause: error })));
  worker.on("exit", (code) => fail(new KitError("E_INTERNAL", `the official-schema worker stopped (exit code ${code})`)));

  return {
    ready,
    validate(doc) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, doc } satisfies WorkerRequest);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
