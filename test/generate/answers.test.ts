/** Answers: files and flags, unknown keys, missing keys, conditions, derived values, prompts. */
import { describe, expect, it } from "vitest";
import { mergeRaw, parseAnswersText, parseSetFlags } from "../../src/answers/load.js";
import { toQuestions } from "../../src/answers/prompts.js";
import { resolveAnswers } from "../../src/answers/resolve.js";
import { findGenerator } from "../../src/generate/registry.js";
import { isKitError } from "../../src/index.js";

const ctx = { pipelineTemplates: ["cd-kubernetes", "ci-build-push", "runtime-inputs"] };

function resolve(generator: string, values: Record<string, unknown>, useDefaults = true) {
  return resolveAnswers(findGenerator(generator).answers, { values, origins: {} }, { generator, ctx, useDefaults });
}

function problem(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isKitError(error)) return error.message;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("answer sources", () => {
  it("reads YAML and JSON answers files, remembering where each key is", () => {
    const yaml = parseAnswersText("name: payments-api\n# comment\nenvironments: [dev, prod]\n", "a.yaml");
    expect(yaml.values).toEqual({ name: "payments-api", environments: ["dev", "prod"] });
    expect(yaml.origins).toEqual({ name: "a.yaml:1:1", environments: "a.yaml:3:1" });
    expect(parseAnswersText('{"name": "x",\n "tags": {"a": "b"}}', "a.json").values).toEqual({ name: "x", tags: { a: "b" } });
  });

  it("points at the line of a broken or non-mapping answers file", () => {
    expect(problem(() => parseAnswersText("name: [x\n", "a.yaml"))).toMatch(/^a\.yaml:\d+:\d+: /);
    expect(problem(() => parseAnswersText("- a\n- b\n", "a.yaml"))).toBe("a.yaml:1:1: an answers file must be a mapping of keys to values");
    expect(problem(() => parseAnswersText("name: a\nname: b\n", "a.yaml"))).toMatch(/^a\.yaml:2:1: Map keys must be unique/);
  });

  it("lets --set win over the answers file, last flag first", () => {
    const merged = mergeRaw(parseAnswersText("name: from-file\nbranch: dev\n", "a.yaml"), parseSetFlags(["name=first", "name=from flag"]));
    expect(merged.values).toEqual({ name: "from flag", branch: "dev" });
    expect(merged.origins.name).toBe("--set name");
    expect(merged.origins.branch).toBe("a.yaml:2:1");
  });

  it("refuses a --set without =", () => {
    expect(problem(() => parseSetFlags(["name"]))).toBe('--set "name" is not key=value');
  });
});

describe("resolving answers", () => {
  it("derives the identifier from the name and reports it", () => {
    const r = resolve("project", { name: "payments-api" });
    expect(r.answers.identifier).toBe("payments_api");
    expect(r.derived).toEqual([{ key: "identifier", value: "payments_api" }]);
  });

  it("names a missing required answer", () => {
    expect(problem(() => resolve("service", { name: "x", image: "a/x" }))).toBe('missing required answer "gitUrl" (Git repository URL (https))');
  });

  it("suggests the key a typo meant, with the origin", () => {
    const raw = mergeRaw(parseAnswersText("nmae: x\n", "a.yaml"));
    expect(problem(() => resolveAnswers(findGenerator("project").answers, raw, { generator: "project", ctx, useDefaults: true }))).toBe(
      [
        "2 problems with the answers for project:",
        '  - a.yaml:1:1: answer "nmae" is not used by the project generator (did you mean "name"?)',
        '  - missing required answer "name" (Project name)',
      ].join("\n"),
    );
  });

  it("lists every problem at once", () => {
    const message = problem(() => resolve("connector", { type: "Dockerregistry", name: "a: b", colour: "x" }));
    expect(message).toBe(
      [
        "3 problems with the answers for connector:",
        '  - answer "colour" is not used by the connector generator',
        '  - type "Dockerregistry" is not one of DockerRegistry, Github, K8sCluster, Aws (did you mean "DockerRegistry"?)',
        '  - name "a: b" may only contain letters, digits, spaces, "-", "_" and "."',
      ].join("\n"),
    );
  });

  it("refuses an answer that does not apply to the chosen case", () => {
    expect(problem(() => resolve("connector", { type: "DockerRegistry", name: "d", sshKeyRef: "k" }))).toBe(
      'answer "sshKeyRef" only applies when type is Github and authType is Ssh',
    );
    expect(problem(() => resolve("connector", { type: "Aws", name: "a", delegateSelectors: "d", masterUrl: "https://x" }))).toBe(
      'answer "masterUrl" only applies when type is K8sCluster and credential is ManualConfig',
    );
  });

  it("applies a key shared by two cases under each case's rule", () => {
    expect(resolve("connector", { type: "DockerRegistry", name: "d" }).answers.url).toBe("https://index.docker.io/v2/");
    expect(problem(() => resolve("connector", { type: "Github", name: "g", username: "u", tokenRef: "t" }))).toBe(
      'missing required answer "url" (GitHub account or repository URL)',
    );
    expect(resolve("connector", { type: "Github", name: "g", url: "git@github.com:acme/x.git", authType: "Ssh", sshKeyRef: "k", apiAccess: "no" }).answers).not.toHaveProperty("tokenRef");
  });

  it("checks rules that involve two answers", () => {
    expect(problem(() => resolve("connector", { type: "K8sCluster", name: "k", credential: "Irsa" }))).toBe("credential Irsa is only for Aws connectors");
    expect(problem(() => resolve("connector", { type: "K8sCluster", name: "k", delegateSelectors: "" }))).toContain("delegateSelectors cannot be empty");
    expect(problem(() => resolve("service", { name: "s", gitUrl: "https://github.com/a/s", image: "a/s", dockerConnector: "github" }))).toBe(
      '"github" is already the gitConnector; connectors need different identifiers',
    );
  });

  it("parses lists, maps and booleans from strings as --set gives them", () => {
    const r = resolve("project", { name: "p", modules: "CD, CI", tags: "team:payments,tier:1,solo" });
    expect(r.answers.modules).toEqual(["CD", "CI"]);
    expect(r.answers.tags).toEqual({ team: "payments", tier: "1", solo: "" });
    expect(problem(() => resolve("project", { name: "p", modules: "CD,XX" }))).toBe("modules item \"XX\" is not one of CD, CI, CV, CF, CE, STO, CHAOS, SRM, IACM, CET, IDP, CODE, SSCA, CORE, PMS, TEMPLATESERVICE");
  });

  it("without defaults, a prompted answer left out is missing", () => {
    expect(problem(() => resolve("project", { name: "p" }, false))).toBe('missing required answer "identifier" (Project identifier)');
    expect(resolve("project", { name: "p", identifier: "p" }, false).answers.color).toBe("#0063F7");
  });
});

describe("prompts", () => {
  it("validate as you type with the same rules, and show the derived default", () => {
    const questions = toQuestions(findGenerator("project").answers, ctx);
    const id = questions.find((q) => q.name === "identifier")!;
    expect(id.validate!("1bad", {})).toBe('identifier "1bad" may only contain letters, digits and _, and must not start with a digit');
    expect(id.validate!("class", {})).toBe('identifier "class" is a keyword, so cannot be used');
    expect(id.validate!("good_id", {})).toBe(true);
    expect(id.default!({ name: "payments-api" })).toBe("payments_api");
    expect(questions.map((q) => q.name)).toEqual(["name", "identifier"]);
  });

  it("skip what was given and ask only what applies", () => {
    const questions = toQuestions(findGenerator("connector").answers, ctx, { type: "DockerRegistry", name: "d" });
    const answers: Record<string, never> = {};
    const asked = questions.filter((q) => q.when === undefined || q.when(answers)).map((q) => q.name);
    // username and passwordRef wait for auth: inquirer evaluates `when` after each answer.
    expect(asked).toEqual(["identifier", "project", "url", "providerType", "auth"]);
    expect(questions.find((q) => q.name === "passwordRef")!.when!({ ...answers, auth: "UsernamePassword" })).toBe(true);
    expect(answers).toMatchObject({ type: "DockerRegistry", name: "d" });
  });
});
