/**
 * A custom kit that renders a value-free secret file (`secrets/<id>.yaml`) only for a project
 * secret (file `if:`): kit check accepts it, rendering skips org. secrets, a rejected value
 * source is never echoed, and kit test publishes it to the emulator with stand-in values.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkKit, isKitError, loadKit, renderRun, testKit } from "../../src/index.js";
import { builtinKit } from "../../src/kit/builtin.js";
import { tempDir } from "../generate/helpers.js";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const done of cleanups) done();
  cleanups = [];
});

const KIT = `name: secret-kit
version: 1.0.0
generators:
  registry:
    answers:
      - { key: project, kind: identifier, message: Project, default: shop }
      - { key: passwordRef, kind: secret-ref, message: Password secret, default: registry_password }
      - key: passwordSource
        kind: token
        message: Where the password comes from
        default: env:REGISTRY_PASSWORD
        pattern: '^(env:[A-Za-z_][A-Za-z0-9_]*|file:.+|prompt)$'
        patternMessage: passwordSource is not a value source (the answer is not shown)
    files:
      - template: project.json.hbs
        path: project.json
        identifier: "{{project}}"
      - template: secret.yaml.hbs
        path: "secrets/{{passwordRef}}.yaml"
        if: '{{#unless (startsWith passwordRef "org.")}}yes{{/unless}}'
`;

function writeKit(): string {
  const { dir, done } = tempDir("hs-secret-kit-");
  cleanups.push(done);
  mkdirSync(path.join(dir, "templates"), { recursive: true });
  writeFileSync(path.join(dir, "kit.yaml"), KIT);
  writeFileSync(
    path.join(dir, "templates/project.json.hbs"),
    '{"project":{"orgIdentifier":"default","identifier":{{json project}},"name":{{json project}},"color":"#0063F7","modules":[],"description":"","tags":{}}}\n',
  );
  writeFileSync(
    path.join(dir, "templates/secret.yaml.hbs"),
    "secret:\n  identifier: {{yaml passwordRef}}\n  name: {{yaml passwordRef}}\n  type: SecretText\n  orgIdentifier: default\n  projectIdentifier: {{yaml project}}\n  secretManagerIdentifier: harnessSecretManager\n  tags: {}\n  valueSource: {{yaml passwordSource}}\n",
  );
  return dir;
}

describe("a kit rendering secret files", () => {
  it("passes kit check and writes the secret file only for a project secret", () => {
    const dir = writeKit();
    expect(checkKit(dir, { cwd: dir }).issues).toEqual([]);
    const kit = loadKit(dir, { cwd: dir });
    const run = renderRun(kit, "registry", {});
    expect(run.files.map((f) => f.path)).toEqual(["project.json", "secrets/registry_password.yaml"]);
    expect(run.files[1]?.text).toContain('  valueSource: "env:REGISTRY_PASSWORD"\n');
    expect(renderRun(kit, "registry", { passwordRef: "org.registry_password" }).files.map((f) => f.path)).toEqual(["project.json"]);
  });

  it("the built-in connector writes a secret file only for a project connector's plain reference", () => {
    const connector = builtinKit().specs.find((g) => g.name === "connector");
    const base = { type: "Github", name: "gh", identifier: "gh", url: "https://github.com/acme/x", username: "bob", authType: "Http", apiAccess: true, secretSource: "env:GH_PAT" };
    const paths = (answers: Record<string, unknown>): string[] => (connector?.files({ ...base, ...answers }) ?? []).map((j) => `${j.kind}:${j.identifier}`);
    expect(paths({ tokenRef: "gh_pat", project: "shop" })).toEqual(["secret:gh_pat", "connector:gh"]);
    // No project: an organization connector, whose plain reference is not a project secret to write.
    expect(paths({ tokenRef: "gh_pat" })).toEqual(["connector:gh"]);
    expect(paths({ tokenRef: "account.gh_pat", project: "shop" })).toEqual(["connector:gh"]);
  });

  it("refuses a pasted secret as value source without repeating it", () => {
    const kit = loadKit(writeKit(), { cwd: process.cwd() });
    let message = "accepted";
    try {
      renderRun(kit, "registry", { passwordSource: "hunter2hunter2" });
    } catch (error) {
      if (!isKitError(error)) throw error;
      message = error.message;
    }
    expect(message).toContain("is not a value source");
    expect(message).not.toContain("hunter2hunter2");
  });

  it("kit test publishes the secret to the emulator with stand-in values and plans unchanged", async () => {
    const dir = writeKit();
    mkdirSync(path.join(dir, "tests/default"), { recursive: true });
    writeFileSync(path.join(dir, "tests/default/answers.yaml"), "passwordSource: prompt\n");
    const kit = loadKit(dir, { cwd: dir });
    const [updated] = await testKit(kit, { update: true });
    expect(updated?.problems).toEqual([]);
    const [again] = await testKit(kit);
    expect(again).toMatchObject({ name: "default", passed: true, problems: [], diffs: [] });
  });
});
