/**
 * The baseline of the client-overhead measurement: record every request the kit's client sends
 * (an undici interceptor on the dispatcher it is given), then send exactly those requests again
 * with a bare undici loop — same bodies, same headers, same concurrency, same order of entities —
 * against a fresh emulator. The difference in time is what the client itself costs.
 */
import type { Dispatcher } from "undici";
import { Agent, request } from "undici";

export interface Recorded {
  method: string;
  /** Path with query, as sent. */
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
  at: number;
}

/** A dispatcher that remembers every request it dispatches. */
export function recordingDispatcher(): { dispatcher: Dispatcher; requests: Recorded[] } {
  const requests: Recorded[] = [];
  const record: Dispatcher.DispatchInterceptor = (dispatch) => (opts, handler) => {
    const headers: Record<string, string> = {};
    const raw = opts.headers;
    if (Array.isArray(raw)) for (let i = 0; i + 1 < raw.length; i += 2) headers[String(raw[i])] = String(raw[i + 1]);
    else if (raw && typeof raw === "object") for (const [k, v] of Object.entries(raw as Record<string, unknown>)) headers[k] = String(v);
    const body = typeof opts.body === "string" ? opts.body : opts.body instanceof Uint8Array ? Buffer.from(opts.body).toString("utf8") : undefined;
    requests.push({ method: opts.method, path: opts.path, headers, body, at: performance.now() });
    return dispatch(opts, handler);
  };
  return { dispatcher: new Agent().compose(record), requests };
}

const KIND_BY_PATH: [RegExp, string][] = [
  [/\/projects/, "project"],
  [/\/connectors/, "connector"],
  [/\/servicesV2/, "service"],
  [/\/environmentsV2/, "environment"],
  [/\/infrastructures/, "infrastructure"],
  [/\/pipelines/, "pipeline"],
  [/\/inputSets/, "inputset"],
  [/\/triggers/, "trigger"],
];

/** Which entity a request is about: kind, project (from the query) and identifier (path or body). */
export function entityKey(r: Recorded): string {
  const url = new URL(r.path, "http://x");
  const kind = KIND_BY_PATH.find(([re]) => re.test(url.pathname))?.[1] ?? url.pathname;
  let id: string | undefined;
  // A trigger's status read (`…/{id}/details`) belongs to the trigger.
  if (r.method !== "POST") id = url.pathname.replace(/\/details$/, "").split("/").at(-1);
  else if (r.body?.trimStart().startsWith("{")) {
    const doc = JSON.parse(r.body) as { identifier?: string; project?: { identifier?: string }; connector?: { identifier?: string } };
    id = (doc.project ?? doc.connector ?? doc).identifier;
  } else id = /^\s*identifier:\s*(\S+)/m.exec(r.body ?? "")?.[1];
  return `${kind}|${url.searchParams.get("projectIdentifier") ?? ""}|${id ?? ""}`;
}

export interface ReplayResult {
  requests: number;
  ms: number;
  byStatus: Record<string, number>;
}

/**
 * Sends the recorded requests to `origin`: kind by kind (as publish does), each entity's requests
 * in their order, `concurrency` entities at a time.
 */
export async function replay(origin: string, recorded: readonly Recorded[], concurrency: number): Promise<ReplayResult> {
  const groups = new Map<string, Map<string, Recorded[]>>();
  for (const r of recorded) {
    const key = entityKey(r);
    const kind = key.split("|")[0] as string;
    const units = groups.get(kind) ?? groups.set(kind, new Map()).get(kind)!;
    (units.get(key) ?? units.set(key, []).get(key)!).push(r);
  }
  const agent = new Agent();
  const byStatus: Record<string, number> = {};
  const start = performance.now();
  for (const units of groups.values()) {
    const queue = [...units.values()];
    const worker = async (): Promise<void> => {
      for (let unit = queue.shift(); unit !== undefined; unit = queue.shift()) {
        for (const r of unit) {
          const res = await request(new URL(r.path, origin), { dispatcher: agent, method: r.method as Dispatcher.HttpMethod, headers: r.headers, body: r.body });
          await res.body.text();
          byStatus[res.statusCode] = (byStatus[res.statusCode] ?? 0) + 1;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
  const ms = performance.now() - start;
  await agent.close();
  return { requests: recorded.length, ms, byStatus };
}
