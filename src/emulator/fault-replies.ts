/**
 * What an injected fault does to the connection. Status faults answer like the layer that would
 * really produce them: 429/500/504 as Harness ErrorDTOs, `html` as a proxy's HTML page. Every
 * fault answer carries `x-emulator-fault: <kind>` so a test can tell it from a real error.
 */
import type { ServerResponse } from "node:http";
import { ApiError, errorReply, writeReply } from "./envelopes.js";
import type { Reply } from "./envelopes.js";
import { rateLimited, unexpected } from "./messages.js";
import type { Fault } from "./types.js";

const STATUS_FAULTS: Readonly<Record<string, [number, string, string]>> = {
  "429": [429, "TOO_MANY_REQUESTS", rateLimited],
  "500": [500, "UNKNOWN_ERROR", unexpected],
  "502": [502, "UNKNOWN_ERROR", "Bad Gateway: the upstream service did not answer properly"],
  "503": [503, "UNKNOWN_ERROR", "Service Unavailable: please retry later"],
  "504": [504, "REQUEST_TIMEOUT", "Gateway Timeout: the upstream service took too long to answer"],
};

const HTML_502 =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

export interface FaultRuntime {
  delayMs: number;
  /** Keeps timers so `close()` can cancel held responses. */
  hold(ms: number, then: () => void): void;
}

/**
 * Carries out a fault. `real` is the answer the request produced when the fault runs after the
 * request (undefined for faults that fire before anything happened).
 */
export function applyFault(res: ServerResponse, fault: Fault, correlationId: string, real: Reply | undefined, runtime: FaultRuntime): void {
  const base = fault.kind.replace(/-after-store$/, "");
  const mark = { "x-emulator-fault": fault.kind };
  const delay = fault.delayMs ?? runtime.delayMs;
  const status = STATUS_FAULTS[base];
  if (status !== undefined) {
    const reply = errorReply(new ApiError(status[0], status[1], status[2]), correlationId);
    writeReply(res, { ...reply, headers: { ...reply.headers, ...mark } });
  } else if (base === "html") {
    writeReply(res, { status: 502, headers: { "content-type": "text/html", ...mark }, body: HTML_502 });
  } else if (base === "reset") {
    res.socket?.destroy();
  } else if (base === "timeout") {
    runtime.hold(delay, () => {
      if (real === undefined) res.socket?.destroy();
      else writeReply(res, { ...real, headers: { ...real.headers, ...mark } });
    });
  } else if (base === "truncated" && real !== undefined) {
    // Valid HTTP framing (chunked) around a body cut in half: the client gets a 200 it cannot parse.
    res.writeHead(real.status, { ...real.headers, ...mark });
    res.end(real.body.slice(0, Math.floor(real.body.length / 2)));
  }
}
