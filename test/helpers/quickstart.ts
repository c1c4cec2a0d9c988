/**
 * The API quickstart's three requests as this project's own data (test/fixtures/quickstart/README.md):
 * method, URL with Harness's placeholders (ACCOUNT_ID, API_KEY_TOKEN), headers and body text.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export interface QuickstartRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
}

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/quickstart");
const read = (file: string): string => readFileSync(path.join(here, file), "utf8");
const headers = (contentType: string): [string, string][] => [["Content-Type", contentType], ["x-api-key", "API_KEY_TOKEN"]];

export function quickstartRequests(): { project: QuickstartRequest; connector: QuickstartRequest; pipeline: QuickstartRequest } {
  return {
    project: {
      method: "POST",
      url: "https://app.harness.io/ng/api/projects?accountIdentifier=ACCOUNT_ID&orgIdentifier=default",
      headers: headers("application/json"),
      body: read("project.json"),
    },
    connector: {
      method: "POST",
      url: "https://app.harness.io/ng/api/connectors?accountIdentifier=ACCOUNT_ID",
      headers: headers("application/json"),
      body: read("connector.json"),
    },
    pipeline: {
      method: "POST",
      url: "https://app.harness.io/pipeline/api/pipelines/v2?accountIdentifier=ACCOUNT_ID&orgIdentifier=default&projectIdentifier=apisample",
      headers: headers("application/yaml"),
      body: read("pipeline.yaml"),
    },
  };
}

/** The quickstart pipeline's YAML text. */
export const quickstartPipelineYaml = (): string => read("pipeline.yaml");

/** The quickstart pipeline as data (`{ pipeline: {...} }`). */
export function quickstartPipeline(): { pipeline: Record<string, unknown> } {
  return parse(quickstartPipelineYaml()) as { pipeline: Record<string, unknown> };
}
