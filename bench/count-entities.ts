/**
 * What an emulator holds, read back through Harness's own list endpoints (not the client under
 * test): every project of the default org and everything inside each one. A duplicate would be
 * listed twice; a lost entity not at all.
 */
import type { Dispatcher } from "undici";
import { request } from "undici";

export interface Target {
  url: string;
  account: string;
  token: string;
}

export interface EntityCount {
  total: number;
  /** Different entities (a duplicate counts once). */
  distinct: number;
  byKind: Record<string, number>;
  /** "kind project/identifier" listed more than once. */
  duplicates: string[];
}

async function list(t: Target, method: Dispatcher.HttpMethod, pathname: string, query: Record<string, string>): Promise<string[]> {
  const url = new URL(pathname, t.url);
  for (const [k, v] of Object.entries({ accountIdentifier: t.account, pageSize: "100000", ...query })) url.searchParams.set(k, v);
  const res = await request(url, {
    method,
    headers: { "x-api-key": t.token, "content-type": "application/json" },
    body: method === "POST" ? "{}" : undefined,
  });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`${method} ${pathname}: ${res.statusCode} ${text.slice(0, 200)}`);
  const content = (JSON.parse(text) as { data: { content: Record<string, unknown>[] } }).data.content;
  return content.map((item) => {
    // NG lists wrap each entity ({project: {...}}); the pipeline list does not.
    const inner = Object.values(item).find((v) => typeof v === "object" && v !== null && "identifier" in v) ?? item;
    return String((inner as { identifier: unknown }).identifier);
  });
}

export async function countEntities(t: Target, org = "default"): Promise<EntityCount> {
  const seen = new Map<string, number>();
  const add = (kind: string, project: string, ids: readonly string[]): void => {
    for (const id of ids) seen.set(`${kind} ${project}/${id}`, (seen.get(`${kind} ${project}/${id}`) ?? 0) + 1);
  };
  const projects = await list(t, "GET", "/ng/api/projects", { orgIdentifier: org });
  add("project", org, projects);
  for (const project of new Set(projects)) {
    const scope = { orgIdentifier: org, projectIdentifier: project };
    add("secret", project, await list(t, "GET", "/ng/api/v2/secrets", scope));
    add("connector", project, await list(t, "GET", "/ng/api/connectors", scope));
    add("service", project, await list(t, "GET", "/ng/api/servicesV2", scope));
    const environments = await list(t, "GET", "/ng/api/environmentsV2", scope);
    add("environment", project, environments);
    for (const env of new Set(environments)) {
      add("infrastructure", `${project}/${env}`, await list(t, "GET", "/ng/api/infrastructures", { ...scope, environmentIdentifier: env }));
    }
    const pipelines = await list(t, "POST", "/pipeline/api/pipelines/list", scope);
    add("pipeline", project, pipelines);
    for (const pipeline of new Set(pipelines)) {
      add("inputset", `${project}/${pipeline}`, await list(t, "GET", "/pipeline/api/inputSets", { ...scope, pipelineIdentifier: pipeline }));
      add("trigger", `${project}/${pipeline}`, await list(t, "GET", "/pipeline/api/triggers", { ...scope, targetIdentifier: pipeline }));
    }
  }
  const byKind: Record<string, number> = {};
  let total = 0;
  for (const [key, n] of seen) {
    const kind = key.split(" ")[0] as string;
    byKind[kind] = (byKind[kind] ?? 0) + n;
    total += n;
  }
  return { total, distinct: seen.size, byKind, duplicates: [...seen].filter(([, n]) => n > 1).map(([key]) => key) };
}
