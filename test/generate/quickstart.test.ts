/**
 * The three request bodies of Harness's API quickstart (the project's copy in
 * test/fixtures/quickstart; test/reference/quickstart-seed.test.ts checks it against the docs page)
 * must come out of the three quickstart commands.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { runInProcess } from "../helpers/cli.js";
import { quickstartRequests } from "../helpers/quickstart.js";
import { dig } from "./helpers.js";

const { project, connector, pipeline } = quickstartRequests();

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hs-quickstart-"));
  const commands = [
    ["new", "project", "--yes", "--out", "D", "--set", "identifier=apisample", "--set", "name=APISample"],
    ["new", "connector", "--yes", "--out", "D", "--set", "type=DockerRegistry", "--set", "identifier=dockerhub", "--set", "name=dockerhub",
      "--set", "org=default", "--set", "project=apisample", "--set", "url=https://index.docker.io/v2/", "--set", "providerType=DockerHub",
      "--set", "auth=Anonymous"],
    ["new", "pipeline", "--yes", "--out", "D", "--set", "template=runtime-inputs", "--set", "identifier=api_example", "--set", "name=api example",
      "--set", "org=default", "--set", "project=apisample"],
  ];
  for (const args of commands) {
    const r = await runInProcess(args, { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const written = (file: string): string => readFileSync(path.join(dir, "D", file), "utf8");

describe("the API quickstart bodies", () => {
  it("project.json equals the project body", () => {
    expect(JSON.parse(written("project.json"))).toEqual(JSON.parse(project.body));
  });

  it("connectors/dockerhub.json equals the connector body", () => {
    const expected = JSON.parse(connector.body) as { connector: Record<string, unknown> };
    // ACCOUNT_ID is the docs' placeholder for the caller's account: the publisher supplies the
    // account, so a file meant for any account leaves it out.
    expect(expected.connector.accountIdentifier).toBe("ACCOUNT_ID");
    delete expected.connector.accountIdentifier;
    expect(JSON.parse(written("connectors/dockerhub.json"))).toEqual(expected);
  });

  it("pipelines/api_example.yaml is the pipeline body: same values, same keys in the same order", () => {
    const ours = parse(written("pipelines/api_example.yaml")) as unknown;
    expect(ours).toEqual(parse(pipeline.body));
    const strip = (text: string): string[] => text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
    // Re-printing both parsed documents compares key order, not how either text is laid out.
    expect(strip(stringify(ours))).toEqual(strip(stringify(parse(pipeline.body))));
  });

  it("keeps the pipeline's nesting where Harness expects it", () => {
    const doc = parse(written("pipelines/api_example.yaml")) as unknown;
    const stage = dig(doc, "pipeline.stages.0.stage");
    expect(dig(stage, "spec.serviceConfig.serviceDefinition.type")).toBe("Kubernetes");
    expect(dig(stage, "spec.infrastructure.allowSimultaneousDeployments")).toBe(false);
    expect(dig(stage, "spec.execution.steps.0.step.timeout")).toBe("10m");
    expect(dig(stage, "spec.execution.rollbackSteps")).toEqual([]);
    expect(dig(stage, "failureStrategies.0.onFailure.action.type")).toBe("StageRollback");
  });
});
