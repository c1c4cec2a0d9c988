/**
 * A seeded client for load tests: a mix of creates, reads, updates and deletes of services (JSON)
 * and pipelines (YAML), each client in its own identifier space, with a model of what it was told
 * succeeded. An operation whose answer never came (the server died) is "uncertain": either
 * outcome is allowed for that one entity.
 */
import type { Dispatcher } from "undici";
import { Agent, request } from "undici";
import { mulberry32 } from "../../src/emulator/faults.js";

export interface Target {
  url: string;
  account: string;
  token: string;
}

const ORG = "default";
export const PROJECT = "loadtest";
const scope = { orgIdentifier: ORG, projectIdentifier: PROJECT };

type Kind = "service" | "pipeline";
interface Op {
  method: Dispatcher.HttpMethod;
  path: string;
  body?: string;
  type?: string;
}

/** The smallest stage list the emulator's checks accept: one Custom stage with one shell step. */
const ONE_STAGE = `  stages:
    - stage:
        name: s
        identifier: s
        type: Custom
        spec:
          execution:
            steps:
              - step:
                  name: w
                  identifier: w
                  type: ShellScript
                  timeout: 1m
                  spec:
                    shell: Bash
                    onDelegate: true
                    source:
                      type: Inline
                      spec:
                        script: echo hi
`;

function ops(kind: Kind, id: string, name: string) {
  if (kind === "service") {
    const body = JSON.stringify({ identifier: id, name, ...scope });
    return {
      create: { method: "POST", path: "/ng/api/servicesV2", body, type: "application/json" },
      update: { method: "PUT", path: "/ng/api/servicesV2", body, type: "application/json" },
      get: { method: "GET", path: `/ng/api/servicesV2/${id}` },
      remove: { method: "DELETE", path: `/ng/api/servicesV2/${id}` },
    } satisfies Record<string, Op>;
  }
  const yaml = `pipeline:\n  name: ${name}\n  identifier: ${id}\n  projectIdentifier: ${PROJECT}\n  orgIdentifier: ${ORG}\n${ONE_STAGE}`;
  return {
    create: { method: "POST", path: "/pipeline/api/pipelines/v2", body: yaml, type: "application/yaml" },
    update: { method: "PUT", path: `/pipeline/api/pipelines/v2/${id}`, body: yaml, type: "application/yaml" },
    get: { method: "GET", path: `/pipeline/api/pipelines/${id}` },
    remove: { method: "DELETE", path: `/pipeline/api/pipelines/${id}` },
  } satisfies Record<string, Op>;
}

export async function send(t: Target, op: Op, dispatcher?: Dispatcher): Promise<{ status: number; text: string }> {
  const url = new URL(op.path, t.url);
  for (const [k, v] of Object.entries({ accountIdentifier: t.account, ...scope })) url.searchParams.set(k, v);
  const headers: Record<string, string> = { "x-api-key": t.token };
  if (op.type) headers["content-type"] = op.type;
  const res = await request(url, { method: op.method, headers, body: op.body, ...(dispatcher ? { dispatcher } : {}) });
  return { status: res.statusCode, text: await res.body.text() };
}

export interface ClientReport {
  /** "kind id" → the name it was last acknowledged with. */
  model: Map<string, string>;
  /** Entities whose last operation got no answer. */
  uncertain: Set<string>;
  acknowledged: number;
  /** Unexpected answers (wrong status, stale read). */
  problems: string[];
}

/** Runs up to `count` operations as client `c`; stops early (without throwing) when the server goes away. */
export async function runClient(t: Target, c: number, count: number, seed: number, onAck?: () => void): Promise<ClientReport> {
  const random = mulberry32(seed + c);
  const dispatcher = new Agent({ connections: 1 });
  const report: ClientReport = { model: new Map(), uncertain: new Set(), acknowledged: 0, problems: [] };
  let next = 0;
  try {
    for (let i = 0; i < count; i++) {
      const live = [...report.model.keys()];
      const roll = random();
      const pick = live[Math.floor(random() * live.length)];
      const action = live.length === 0 || roll < 0.35 ? "create" : roll < 0.6 ? "get" : roll < 0.85 ? "update" : "remove";
      const key = action === "create" || pick === undefined ? `${random() < 0.5 ? "service" : "pipeline"} c${c}_${next++}` : pick;
      const [kind, id] = key.split(" ") as [Kind, string];
      const name = `${id} v${i}`;
      const op = ops(kind, id, name)[action];
      let answer: { status: number; text: string };
      try {
        answer = await send(t, op, dispatcher);
      } catch {
        if (action !== "get") report.uncertain.add(key);
        return report;
      }
      if (answer.status !== 200) {
        report.problems.push(`${op.method} ${op.path}: ${answer.status} ${answer.text.slice(0, 120)}`);
        continue;
      }
      report.acknowledged += 1;
      onAck?.();
      if (action === "create" || action === "update") report.model.set(key, name);
      else if (action === "remove") report.model.delete(key);
      else if (!readsAs(answer.text, report.model.get(key)!)) report.problems.push(`GET ${key}: stale, expected ${report.model.get(key)}`);
    }
    return report;
  } finally {
    await dispatcher.close();
  }
}

/** A GET answer carries exactly this name: as a JSON string, or as a YAML line inside yamlPipeline. */
const readsAs = (text: string, name: string): boolean => text.includes(`"${name}"`) || text.includes(`name: ${name}\\n`);

/** "kind id" → name of every service and pipeline in the load-test project. */
export async function readBack(t: Target): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const services = await send(t, { method: "GET", path: "/ng/api/servicesV2?pageSize=100000" });
  for (const s of JSON.parse(services.text).data.content as { service: { identifier: string; name: string } }[]) {
    if (found.has(`service ${s.service.identifier}`)) throw new Error(`service ${s.service.identifier} listed twice`);
    found.set(`service ${s.service.identifier}`, s.service.name);
  }
  const pipelines = await send(t, { method: "POST", path: "/pipeline/api/pipelines/list?pageSize=100000", body: "{}", type: "application/json" });
  for (const p of JSON.parse(pipelines.text).data.content as { identifier: string; name: string }[]) {
    if (found.has(`pipeline ${p.identifier}`)) throw new Error(`pipeline ${p.identifier} listed twice`);
    found.set(`pipeline ${p.identifier}`, p.name);
  }
  return found;
}

export async function createLoadProject(t: Target): Promise<void> {
  const body = JSON.stringify({ project: { identifier: PROJECT, name: PROJECT, orgIdentifier: ORG } });
  const r = await send(t, { method: "POST", path: "/ng/api/projects", body, type: "application/json" });
  if (r.status !== 200) throw new Error(`project create failed: ${r.status} ${r.text}`);
}
