/**
 * Publishing against the ways real Harness accounts answer differently from the emulator's
 * defaults (each an emulator option): older servers that answer a missing secret with 200 and
 * `data: null`, an OPA policy that denies a secret, and an account whose Git Experience default
 * is REMOTE. A publish must come out right against each, or say exactly what went wrong.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Harness } from "./helpers.js";
import { setup } from "./helpers.js";

interface Published {
  ok: boolean;
  results: { kind: string; identifier: string; action: string; error?: string; hint?: string }[];
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("publish against Harness's variants", () => {
  it("a missing secret answered with 200 and data null is created, not taken as existing", async () => {
    h = await setup({ secrets: { missingGet: "200-null" } });
    const plan = await h.run(["plan", "--json"]);
    const planned = JSON.parse(plan.stdout) as { plan: { kind: string; identifier: string; action: string }[] };
    expect(planned.plan.filter((e) => e.kind === "secret").map((e) => `${e.identifier} ${e.action}`)).toEqual(["docker_password create", "github_token create"]);
    const r = await h.run(["publish", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Published;
    expect(out.results.filter((x) => x.kind === "secret").map((x) => x.action)).toEqual(["created", "created"]);
    expect(h.log.filter((l) => l.startsWith("POST /ng/api/v2/secrets 200"))).toHaveLength(2);
    expect(h.log.filter((l) => l.startsWith("POST /ng/api/connectors 200"))).toHaveLength(3);
  });

  it("a secret a policy denies is a failure with the policy's words, nothing stored, and publish stops before the connectors", async () => {
    h = await setup({ secrets: { policyDeny: ["github_token"] } });
    const r = await h.run(["publish", "--json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Published;
    const denied = out.results.find((x) => x.identifier === "github_token");
    expect(denied).toMatchObject({ action: "failed", error: 'Harness did not save the secret; a policy denied it: Secret github_token is denied by the policy set "Secrets" (emulated --secret-policy-deny)' });
    expect(out.results.find((x) => x.identifier === "docker_password")?.action).toBe("created");
    expect(out.results.some((x) => x.kind === "connector")).toBe(false);
    const text = await h.run(["publish"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("a policy denied it");
    expect(text.stdout).toContain("hint: see the policy evaluation in Harness (Project Settings › Policies)");
    expect(h.emulator.secretHolds("org/default/payments_api", "github_token", "anything")).toBe(false);
  });

  it("an account whose Git Experience default is REMOTE: pipelines and input sets are created inline because publish says storeType=INLINE", async () => {
    h = await setup({ defaultStoreType: "REMOTE" });
    const r = await h.run(["publish", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Published;
    expect(out.results.filter((x) => ["pipeline", "inputset", "trigger"].includes(x.kind)).map((x) => `${x.kind} ${x.action}`)).toEqual([
      "pipeline created", "pipeline created", "inputset created", "inputset created", "trigger created", "trigger created",
    ]);
    expect(h.log.filter((l) => l.startsWith("POST ") && !l.endsWith(" 200"))).toEqual([]);
  });

  it("an SSHKey secret goes after the secret holding its key, even when it sorts first", async () => {
    h = await setup();
    const ids = "  orgIdentifier: default\n  projectIdentifier: payments_api\n";
    writeFileSync(path.join(h.root, ".harness/secrets/a_deploy_ssh.yaml"), `secret:\n  identifier: a_deploy_ssh\n  name: a_deploy_ssh\n  type: SSHKey\n${ids}  ssh:\n    userName: ubuntu\n    credentialType: KeyReference\n    keyRef: z_deploy_key\n`);
    writeFileSync(path.join(h.root, ".harness/secrets/z_deploy_key.yaml"), `secret:\n  identifier: z_deploy_key\n  name: z_deploy_key\n  type: SecretText\n${ids}  secretManagerIdentifier: harnessSecretManager\n  valueSource: env:DEPLOY_KEY\n`);
    const r = await h.run(["publish", "--json"], { DEPLOY_KEY: "-----BEGIN KEY-----" });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Published;
    expect(out.results.filter((x) => x.kind === "secret").map((x) => `${x.identifier} ${x.action}`).sort()).toEqual([
      "a_deploy_ssh created", "docker_password created", "github_token created", "z_deploy_key created",
    ]);
  });
  it("publishing again after a rollback, where Harness keeps deleted identifiers, fails at the project with Harness's words and how to go on", async () => {
    h = await setup({ reserveDeletedIdentifiers: true });
    expect((await h.run(["publish"])).code).toBe(0);
    expect((await h.run(["publish", "--rollback"])).code).toBe(0);
    const r = await h.run(["publish", "--json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Published;
    const project = out.results.find((x) => x.kind === "project");
    expect(project?.action).toBe("failed");
    expect(project?.error).toContain("A project with identifier payments_api and orgIdentifier default is already present or was deleted");
    expect(project?.hint).toBe(
      'no project "payments_api" is there to take over: Harness keeps the identifiers of deleted ones reserved, so give it another identifier (or restore the deleted one in Harness)',
    );
    // One POST, then the GET that found nothing: never a second POST of a refused identifier.
    expect(h.log.filter((l) => l.startsWith("POST /ng/api/projects "))).toHaveLength(2);
  });
});
