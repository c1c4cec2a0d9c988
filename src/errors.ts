/**
 * The kit's error taxonomy. Callers match on `code`, never on `instanceof`, so errors that cross
 * module (or worker) boundaries keep their meaning. Each code maps to one CLI exit code.
 */
export type KitErrorCode =
  | "E_USAGE" // wrong flags or arguments: exit 2
  | "E_INPUT" // bad answers, unreadable or malformed input files: exit 2
  | "E_TEMPLATE" // a template rendered something that does not parse: exit 1
  | "E_CONFLICT" // files on disk differ and --force was not given: exit 1
  | "E_IO" // the file system refused: exit 1
  | "E_INVALID" // rendered or local files fail validation: exit 1
  | "E_CONFIG" // bad endpoint, account or credentials setup: exit 2
  | "E_HTTP" // Harness (or a proxy) answered with an error: exit 1
  | "E_NETWORK" // no answer at all: reset, timeout, DNS: exit 1
  | "E_INTERNAL"; // a bug in the kit: exit 1

export interface KitErrorOptions {
  /** One sentence telling the user how to fix it. */
  hint?: string;
  cause?: unknown;
  /** Extra machine-readable data for `--json` output. */
  details?: Record<string, unknown>;
}

export class KitError extends Error {
  readonly code: KitErrorCode;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: KitErrorCode, message: string, options: KitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "KitError";
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }
}

export function isKitError(value: unknown): value is KitError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { name?: unknown }).name === "KitError" &&
    typeof (value as { code?: unknown }).code === "string"
  );
}

const USER_MISTAKES: ReadonlySet<KitErrorCode> = new Set(["E_USAGE", "E_INPUT", "E_CONFIG"]);

/** 2 for bad usage or bad input, 1 for every other failure. */
export function exitCodeFor(code: KitErrorCode): 1 | 2 {
  return USER_MISTAKES.has(code) ? 2 : 1;
}
