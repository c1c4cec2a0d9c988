/**
 * The three request bodies of Harness's API quickstart (shared/seed) must come out of the three
 * quickstart commands. The seed is the docs page as text: its JSON lost one `{`, and its YAML
 * lost its indentation, so the test repairs what it can and compares what survives.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { runInProcess, sharedDir } from "../helpers/cli.js";
import { dig } from "./helpers.js";

const seed = readFileSync(path.join(sharedDir, "seed/harness-api-quickstart.txt"), "utf8");
const bodies = [...seed.matchAll(/-d '([\s\S]*?)'\n/g)].map((m) => m[1] ?? "");

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
  it("finds three bodies in the seed", () => {
    expect(bodies).toHaveLength(3);
  });

  it("project.json equals the project body", () => {
    expect(JSON.parse(written("project.json"))).toEqual(JSON.parse(bodies[0]!));
  });

  it("connectors/dockerhub.json equals the connector body with its `{` fixed", () => {
    const fixed = bodies[1]!.replace(/"auth":\s*\n"type": "Anonymous"\n/, '"auth": {\n"type": "Anonymous"\n}\n');
    const expected = JSON.parse(fixed) as { connector: Record<string, unknown> };
    // ACCOUNT_ID is the docs' placeholder for the caller's account: the publisher supplies the
    // account, so a file meant for any account leaves it out.
    expect(expected.connector.accountIdentifier).toBe("ACCOUNT_ID");
    delete expected.connector.accountIdentifier;
    expect(JSON.parse(written("connectors/dockerhub.json"))).toEqual(expected);
  });

  it("pipelines/api_example.yaml is the pipeline body, line for line once indentation is set aside", () => {
    const ours = parse(written("pipelines/api_example.yaml")) as unknown;
    const strip = (text: string): string[] => text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
    // Re-printing our parsed document proves the comparison is about values and structure, not
    // about how our template happens to be laid out.
    expect(strip(stringify(ours))).toEqual(strip(bodies[2]!));
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
