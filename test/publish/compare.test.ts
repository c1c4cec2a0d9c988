import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { remoteDocument } from "../../src/harness/entity-api.js";
import { compareDocuments } from "../../src/plan/compare.js";
import { isOwned, yamlWithOwnership } from "../../src/plan/ownership.js";

const LOCAL = `pipeline:
  name: build
  identifier: build
  orgIdentifier: default
  projectIdentifier: shop
  tags: {}
  stages:
    - stage:
        name: Build
        identifier: build
        type: CI
`;

describe("semantic comparison", () => {
  it("ignores key order, quoting, comments, flow style and the ownership tag", () => {
    const remote = `# stored by Harness
pipeline: {identifier: "build", projectIdentifier: shop, orgIdentifier: 'default', name: build,
  stages: [{stage: {type: CI, identifier: build, name: "Build"}}], tags: {managed-by: harness-scaffold}}
`;
    expect(compareDocuments("pipeline", parse(LOCAL), parse(remote), "p.yaml")).toEqual({ same: true, diff: "", changes: [] });
  });

  it("ignores fields the server adds and empty values it fills in", () => {
    const local = { connector: { identifier: "hub", name: "hub", type: "DockerRegistry", spec: { connectorType: "DockerConnector", dockerRegistryUrl: "https://r" } } };
    const remote = {
      connector: {
        identifier: "hub",
        name: "hub",
        type: "DockerRegistry",
        description: "",
        tags: {},
        accountIdentifier: "acc",
        spec: { dockerRegistryUrl: "https://r", delegateSelectors: [], executeOnDelegate: false, proxy: false },
      },
    };
    expect(compareDocuments("connector", local, remote, "c.json").same).toBe(true);
    const project = { project: { identifier: "shop", name: "Shop", modules: [] } };
    const stored = { project: { identifier: "shop", name: "Shop", modules: ["CD", "CI", "CORE"], color: "#0063f7", orgIdentifier: "default" } };
    // The project file has no orgIdentifier: it defaults to "default", so only that key differs.
    expect(compareDocuments("project", project, stored, "p.json").diff).toContain("-  orgIdentifier: default");
    expect(compareDocuments("project", { project: { ...project.project, orgIdentifier: "default" } }, stored, "p.json").same).toBe(true);
  });

  it("shows a real change as a small unified diff, Harness's side first", () => {
    const changed = LOCAL.replace("name: Build", "name: Build and push");
    const { same, diff } = compareDocuments("pipeline", parse(changed), parse(LOCAL), ".harness/pipelines/build.yaml");
    expect(same).toBe(false);
    expect(diff).toContain("--- harness\n+++ .harness/pipelines/build.yaml");
    expect(diff).toMatch(/^- {8}name: Build$/m);
    expect(diff).toMatch(/^\+ {8}name: Build and push$/m);
    expect(diff.split("\n").length).toBeLessThan(14);
  });

  it("counts a field removed locally, or one the server kept that the file lacks, as a change", () => {
    const remote = LOCAL.replace("  tags: {}\n", "  tags: {}\n  description: old words\n");
    expect(compareDocuments("pipeline", parse(LOCAL), parse(remote), "p.yaml").same).toBe(false);
    const flagged = LOCAL.replace("  tags: {}\n", "  tags: {}\n  allowStageExecutions: true\n");
    expect(compareDocuments("pipeline", parse(LOCAL), parse(flagged), "p.yaml").same).toBe(false);
    expect(compareDocuments("pipeline", parse(flagged), parse(LOCAL), "p.yaml").same).toBe(false);
  });
});

describe("ownership tag", () => {
  it("is added to the YAML that is sent, keeping comments and order", () => {
    const text = `# my pipeline\n${LOCAL}`;
    const sent = yamlWithOwnership("pipeline", text);
    expect(sent.startsWith("# my pipeline\npipeline:\n  name: build\n")).toBe(true);
    expect(parse(sent).pipeline.tags).toEqual({ "managed-by": "harness-scaffold" });
    const withTags = yamlWithOwnership("pipeline", LOCAL.replace("tags: {}", "tags:\n    team: pay"));
    expect(parse(withTags).pipeline.tags).toEqual({ team: "pay", "managed-by": "harness-scaffold" });
  });

  it("is read from the YAML of flat kinds or from their record", () => {
    const yaml = "service:\n  identifier: web\n  name: web\n  tags:\n    managed-by: harness-scaffold\n";
    const tagged = remoteDocument("service", { service: { identifier: "web", yaml } });
    expect(isOwned("service", tagged.doc, tagged.recordTags)).toBe(true);
    const untagged = remoteDocument("service", { service: { identifier: "web", tags: {}, yaml: "service:\n  identifier: web\n" } });
    expect(isOwned("service", untagged.doc, untagged.recordTags)).toBe(false);
    const pipeline = remoteDocument("pipeline", { yamlPipeline: yamlWithOwnership("pipeline", LOCAL) });
    expect(isOwned("pipeline", pipeline.doc)).toBe(true);
  });
});
