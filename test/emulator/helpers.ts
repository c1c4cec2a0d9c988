/**
 * Test helpers for the emulator: start one on 127.0.0.1:0, call it with undici, and read the
 * quickstart requests (test/helpers/quickstart.ts) with their placeholders filled in.
 */
import { request } from "undici";
import type { Dispatcher } from "undici";
import { startEmulator } from "../../src/emulator/server.js";
import type { EmulatorOptions, RunningEmulator } from "../../src/emulator/types.js";
import type { QuickstartRequest } from "../helpers/quickstart.js";

export type { RunningEmulator };

export function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  // No rate limit unless a test asks for one: tests send far more than a person would.
  return startEmulator({ host: "127.0.0.1", port: 0, rateLimit: false, ...options });
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary response JSON
  json: any;
}

export interface CallOptions {
  query?: Record<string, string>;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
  contentType?: string | null;
  apiKey?: string | null;
  headers?: Record<string, string>;
  headersTimeout?: number;
  dispatcher?: Dispatcher;
}

/** One request to the emulator, authenticated with its token and account unless told otherwise. */
export async function call(e: RunningEmulator, method: Dispatcher.HttpMethod, pathname: string, options: CallOptions = {}): Promise<Answer> {
  const url = new URL(pathname, e.url);
  url.searchParams.set("accountIdentifier", e.account);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey !== null) headers["x-api-key"] = options.apiKey ?? e.token;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (options.contentType !== null) headers["content-type"] = options.contentType ?? "application/json";
  }
  const res = await request(url, {
    method,
    headers,
    body,
    headersTimeout: options.headersTimeout,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  return readAnswer(res);
}

export const ORG = "default";
export const PROJECT = "apisample";
export const inProject = { orgIdentifier: ORG, projectIdentifier: PROJECT };

export async function createProject(e: RunningEmulator, identifier = PROJECT): Promise<void> {
  const answer = await call(e, "POST", "/ng/api/projects", { body: { project: { identifier, name: identifier, orgIdentifier: ORG } } });
  if (answer.status !== 200) throw new Error(`project create failed: ${answer.text}`);
}

/** A scheduled (cron) trigger of pipeline `build` in the test project, named after its identifier. */
export function cronTriggerYaml(identifier: string, expression = "0 2 * * *", timezone = "UTC"): string {
  return `trigger:
  name: ${identifier}
  identifier: ${identifier}
  orgIdentifier: ${ORG}
  projectIdentifier: ${PROJECT}
  pipelineIdentifier: build
  source:
    type: Scheduled
    spec:
      type: Cron
      spec:
        type: UNIX
        expression: "${expression}"
        timezone: ${timezone}
`;
}

/** A small valid pipeline (one Custom stage with a shell step); `extra` lines go before `stages:`. */
export function pipelineYaml(identifier: string, extra = ""): string {
  return `pipeline:
  name: ${identifier}
  identifier: ${identifier}
  projectIdentifier: ${PROJECT}
  orgIdentifier: ${ORG}
  tags: {}
${extra}  stages:
    - stage:
        name: run
        identifier: run
        type: Custom
        spec:
          execution:
            steps:
              - step:
                  type: ShellScript
                  name: hello
                  identifier: hello
                  spec:
                    shell: Bash
                    source:
                      type: Inline
                      spec:
                        script: echo hello
                  timeout: 10m
`;
}

export type { QuickstartRequest as CurlRequest };

/** Fills in the placeholders the quickstart asks users to replace — and nothing else. */
export function fillIn(value: string, e: RunningEmulator): string {
  return value.replaceAll("https://app.harness.io", e.url).replaceAll("ACCOUNT_ID", e.account).replaceAll("API_KEY_TOKEN", e.token);
}

export async function sendCurl(e: RunningEmulator, curl: QuickstartRequest, body = curl.body, url = curl.url): Promise<Answer> {
  const headers = Object.fromEntries(curl.headers.map(([k, v]) => [k, fillIn(v, e)]));
  const res = await request(fillIn(url, e), { method: curl.method as Dispatcher.HttpMethod, headers, body: fillIn(body, e) });
  return readAnswer(res);
}

/** The status, headers, raw text and (when it parses) JSON of a response. */
async function readAnswer(res: Dispatcher.ResponseData): Promise<Answer> {
  const text = await res.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}
