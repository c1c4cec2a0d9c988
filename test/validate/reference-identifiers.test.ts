/**
 * A reference that is not an expression and not org./account. scoped names an entity by its
 * identifier: anything else is an `identifier-pattern` error at the value, naming the character.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkDocument } from "../../src/validate/check-document.js";

const pipeline = (stageSpec: string): string => `pipeline:
  name: P
  identifier: p
  stages:
    - stage:
        name: D
        identifier: d
        type: Deployment
        spec:
          deploymentType: Kubernetes
${stageSpec}
          execution:
            steps:
              - step: { name: S, identifier: s, type: ShellScript, timeout: 1m, spec: { shell: Bash, source: { type: Inline, spec: { script: x } } } }
        failureStrategies:
          - onFailure: { errors: [AllErrors], action: { type: StageRollback } }
`;

const refErrors = (kind: "pipeline" | "connector" | "infrastructure", text: string): string[] =>
  checkDocument(kind, parse(text) as unknown, { text, file: "f.yaml" })
    .filter((i) => i.code === "identifier-pattern")
    .map((i) => `${i.severity} ${i.line}:${i.column} ${i.message}`);

describe("references are identifiers", () => {
  it("refuses serviceRef, environmentRef and infrastructure identifiers that cannot be identifiers, at the value", () => {
    const text = pipeline(`          service: { serviceRef: payments api }
          environment:
            environmentRef: dev-env
            infrastructureDefinitions:
              - identifier: 2nd_cluster`);
    expect(refErrors("pipeline", text)).toEqual([
      'error 11:34 serviceRef "payments api" can never name a Harness service: a " " character is not allowed in an identifier (letters, digits and _; use the identifier, not the name, or <+input>)',
      'error 13:29 environmentRef "dev-env" can never name a Harness environment: "-" is not allowed in an identifier (letters, digits and _; use the identifier, not the name, or <+input>)',
      'error 15:29 infrastructure reference "2nd_cluster" can never name a Harness infrastructure: an identifier cannot start with a digit',
    ]);
  });

  it("leaves expressions, runtime inputs and org./account. scoped references alone", () => {
    const text = pipeline(`          service: { serviceRef: <+input> }
          environment:
            environmentRef: org.dev-env
            infrastructureDefinitions:
              - identifier: <+pipeline.variables.infra>`);
    expect(refErrors("pipeline", text)).toEqual([]);
  });

  it("checks templateRef and every *ConnectorRef too; connector and secret references may hold $", () => {
    const text = `infrastructureDefinition:
  name: i
  identifier: i
  environmentRef: dev
  deploymentType: Kubernetes
  type: KubernetesDirect
  spec:
    connectorRef: k8s$dev
    gitConnectorRef: my.repo
    namespace: ns
  templateRef: web-template
`;
    expect(refErrors("infrastructure", text)).toEqual([
      'error 9:22 gitConnectorRef "my.repo" can never name a Harness connector: "." is not allowed in an identifier (letters, digits, _ and $ after the first character; use the identifier, not the name, or <+input>)',
      'error 11:16 templateRef "web-template" can never name a Harness template: "-" is not allowed in an identifier (letters, digits and _; use the identifier, not the name, or <+input>)',
    ]);
  });

  it("refuses a connector's secret reference with a dash", () => {
    const text = JSON.stringify({
      connector: { name: "gh", identifier: "gh", type: "Github", spec: { url: "https://github.com/a/b", type: "Repo", authentication: { type: "Http", spec: { type: "UsernameToken", spec: { username: "u", tokenRef: "gh-token" } } } } },
    }, null, 2);
    expect(refErrors("connector", text)).toEqual([
      expect.stringMatching(/^error \d+:\d+ tokenRef "gh-token" can never name a Harness secret: "-" is not allowed/),
    ]);
  });
});
