/**
 * The emulator's template service (shared/harness-api-templates.md §1, §4, §8): YAML bodies,
 * versions, the stable mark, delete rules, lists, and pipelines whose templates do not resolve.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../emulator/helpers.js";
import { call, createProject, start } from "../emulator/helpers.js";
import { FULL_INPUTS, pipelineUsing, stageTemplate } from "./fixtures.js";

const SHOP = { orgIdentifier: "default", projectIdentifier: "shop" };
const yaml = { contentType: "application/yaml" };
const T = "/template/api/templates";

describe("emulator: templates", () => {
  let e: RunningEmulator;
  beforeAll(async () => {
    e = await start();
    await createProject(e, "shop");
  });
  afterAll(async () => e.close());

  it("creates the first version as stable and answers with TemplateWrapperResponse", async () => {
    const r = await call(e, "POST", T, { query: SHOP, body: stageTemplate(), ...yaml });
    expect(r.status).toBe(200);
    expect(r.json.status).toBe("SUCCESS");
    expect(r.json.data.valid).toBe(true);
    expect(r.json.data.templateResponseDTO).toMatchObject({
      accountId: e.account, orgIdentifier: "default", projectIdentifier: "shop", identifier: "k8s_rolling", versionLabel: "v1",
      stableTemplate: true, templateEntityType: "Stage", childType: "Deployment", templateScope: "project", yaml: stageTemplate(),
    });
  });

  it("refuses the same identifier and label again, and isNewTemplate for a known identifier", async () => {
    const again = await call(e, "POST", T, { query: SHOP, body: stageTemplate(), ...yaml });
    expect([again.status, again.json.code]).toEqual([400, "INVALID_REQUEST"]);
    expect(again.json.message).toBe(`The template with identifier k8s_rolling and version label v1 already exists in the account ${e.account}, org default, project shop`);
    const fresh = await call(e, "POST", T, { query: { ...SHOP, isNewTemplate: "true" }, body: stageTemplate({ label: "v9" }), ...yaml });
    expect([fresh.status, fresh.json.code]).toEqual([400, "TEMPLATE_ALREADY_EXISTS_EXCEPTION"]);
  });

  it("adds a version that is not stable until asked; GET without versionLabel returns the stable one", async () => {
    const v2 = await call(e, "POST", T, { query: SHOP, body: stageTemplate({ label: "v2" }), ...yaml });
    expect(v2.json.data.templateResponseDTO.stableTemplate).toBe(false);
    const stable = await call(e, "GET", `${T}/k8s_rolling`, { query: SHOP });
    expect(stable.json.data.versionLabel).toBe("v1");
    const byLabel = await call(e, "GET", `${T}/k8s_rolling`, { query: { ...SHOP, versionLabel: "v2" } });
    expect(byLabel.json.data).toMatchObject({ versionLabel: "v2", stableTemplate: false });
    const set = await call(e, "PUT", `${T}/updateStableTemplate/k8s_rolling/v2`, { query: SHOP });
    expect(set.json.data).toBe("v2");
    const now = await call(e, "GET", `${T}/k8s_rolling`, { query: SHOP });
    expect(now.json.data.versionLabel).toBe("v2");
    const old = await call(e, "GET", `${T}/k8s_rolling`, { query: { ...SHOP, versionLabel: "v1" } });
    expect(old.json.data.stableTemplate).toBe(false);
  });

  it("updates a version in place; path and YAML must agree; the type cannot change", async () => {
    const body = stageTemplate({ label: "v1" }).replace("name: k8s rolling", "name: k8s rolling renamed");
    const ok = await call(e, "PUT", `${T}/update/k8s_rolling/v1`, { query: SHOP, body, ...yaml });
    expect(ok.status).toBe(200);
    expect(ok.json.data.templateResponseDTO).toMatchObject({ name: "k8s rolling renamed", stableTemplate: false });
    const wrongLabel = await call(e, "PUT", `${T}/update/k8s_rolling/v2`, { query: SHOP, body, ...yaml });
    expect(wrongLabel.json.message).toBe("VersionLabel for template is not matching as in template yaml.");
    const missing = await call(e, "PUT", `${T}/update/k8s_rolling/v7`, { query: SHOP, body: stageTemplate({ label: "v7" }), ...yaml });
    expect([missing.status, missing.json.code]).toEqual([400, "INVALID_REQUEST"]);
    const custom = stageTemplate().replace("type: Deployment", "type: Custom").replace(/ {6}deploymentType: Kubernetes\n[\s\S]*?(?= {6}execution:)/, "").replace("K8sRollingDeploy", "ShellScript").replace("skipDryRun: false", "shell: Bash\n                source: {type: Inline, spec: {script: echo}}");
    const retyped = await call(e, "PUT", `${T}/update/k8s_rolling/v1`, { query: SHOP, body: custom, ...yaml });
    expect(retyped.json.message).toBe("Template with identifier [k8s_rolling] and versionLabel [v1] cannot update the template type");
  });

  it("answers a missing version with Harness's words (400 by default)", async () => {
    const r = await call(e, "GET", `${T}/nope`, { query: SHOP });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ status: "FAILURE", code: "RESOURCE_NOT_FOUND_EXCEPTION", message: "Template with the given Identifier: nope and stable versionLabel does not exist or has been deleted" });
  });

  it("refuses bad template YAML with Harness's status and code", async () => {
    const noRoot = await call(e, "POST", T, { query: SHOP, body: "pipeline: {}\n", ...yaml });
    expect([noRoot.status, noRoot.json.code, noRoot.json.message]).toEqual([400, "INVALID_REQUEST", 'The provided template yaml does not contain the "template" keyword at the root level']);
    const noLabel = await call(e, "POST", T, { query: SHOP, body: stageTemplate().replace("  versionLabel: v1\n", ""), ...yaml });
    expect(noLabel.json).toMatchObject({ status: "FAILURE", code: "INVALID_REQUEST", errors: [{ fieldId: "versionLabel", error: "must not be null" }] });
    const spaced = await call(e, "POST", T, { query: SHOP, body: stageTemplate({ label: '"v 1"' }), ...yaml });
    expect(spaced.json.errors).toEqual([{ fieldId: "versionLabel", error: "must match ^[0-9a-zA-Z][^\\s/&]{0,63}$" }]);
    const slashed = await call(e, "POST", T, { query: SHOP, body: stageTemplate({ label: "release/1" }), ...yaml });
    expect([slashed.status, slashed.json.errors?.[0]?.fieldId]).toEqual([400, "versionLabel"]);
    const mismatch = await call(e, "POST", T, { query: SHOP, body: stageTemplate({ identifier: "mixed" }).replace("    type: Deployment\n", "    type: ShellScript\n"), ...yaml });
    expect([mismatch.status, mismatch.json.code]).toEqual([400, "SCHEMA_VALIDATION_FAILED"]);
    expect(mismatch.json.message).toContain('"ShellScript" is a step type');
    const noChild = await call(e, "POST", T, { query: SHOP, body: stageTemplate({ identifier: "bare" }).replace("    type: Deployment\n", ""), ...yaml });
    expect(noChild.json.message).toBe("Unable to save the template. Missing property [type] for Stage template");
    const notStage = await call(e, "POST", T, { query: SHOP, body: stageTemplate({ identifier: "nostage" }).replace(/ {6}execution:\n[\s\S]*?(?= {4}failureStrategies)/, ""), ...yaml });
    expect([notStage.status, notStage.json.code]).toEqual([400, "SCHEMA_VALIDATION_FAILED"]);
    const otherScope = await call(e, "POST", T, { query: { orgIdentifier: "default", projectIdentifier: "elsewhere" }, body: stageTemplate({ identifier: "x" }), ...yaml });
    expect(otherScope.json.message).toBe("ProjectIdentifier for template is not matching as in template yaml.");
  });

  it("refuses templates that use themselves, directly or through another", async () => {
    const self = await call(e, "POST", T, { query: SHOP, body: stageTemplate({ identifier: "loop", stepTemplateRef: "loop" }), ...yaml });
    expect([self.status, self.json.code]).toEqual([400, "TEMPLATE_EXCEPTION"]);
    const b = await call(e, "POST", T, { query: SHOP, body: stageTemplate({ identifier: "b", literal: true }), ...yaml });
    expect(b.status).toBe(200);
    const a = await call(e, "POST", T, { query: SHOP, body: stageTemplate({ identifier: "a", stepTemplateRef: "b", literal: true }), ...yaml });
    expect(a.status).toBe(200);
    const closing = await call(e, "PUT", `${T}/update/b/v1`, { query: SHOP, body: stageTemplate({ identifier: "b", stepTemplateRef: "a", literal: true }), ...yaml });
    expect([closing.status, closing.json.code]).toEqual([400, "TEMPLATE_EXCEPTION"]);
    expect(closing.json.message).toContain("refers to itself");
  });

  describe("pipelines using templates", () => {
    it("saves a pipeline whose templateInputs fit", async () => {
      const r = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: SHOP, body: pipelineUsing("k8s_rolling", FULL_INPUTS), ...yaml });
      expect(r.status, r.text).toBe(200);
    });

    it("refuses a templateRef that names no template: 400 TEMPLATE_EXCEPTION", async () => {
      const r = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: SHOP, body: pipelineUsing("ghost", FULL_INPUTS).replace("identifier: deploy\n", "identifier: ghostly\n"), ...yaml });
      expect([r.status, r.json.code, r.json.message]).toEqual([400, "TEMPLATE_EXCEPTION", "The template identifier ghost and version label v1 does not exist. Could not replace this template"]);
      const scoped = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: SHOP, body: pipelineUsing("project.k8s_rolling", FULL_INPUTS).replace("identifier: deploy\n", "identifier: scoped\n"), ...yaml });
      expect([scoped.status, scoped.json.code]).toEqual([400, "TEMPLATE_EXCEPTION"]);
      expect(scoped.json.message).toContain("[ id, org.id, account.id ]");
      const notMap = pipelineUsing("k8s_rolling", undefined).replace("identifier: deploy\n", "identifier: notmap\n") + "          templateInputs: payments\n";
      const refused = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: SHOP, body: notMap, ...yaml });
      expect([refused.status, refused.json.code]).toEqual([400, "SCHEMA_VALIDATION_FAILED"]);
      expect(refused.json.message).toContain("templateInputs must be a map");
    });

    it("refuses templateInputs that leave out a runtime input or set another field", async () => {
      const missing = FULL_INPUTS.replace("                environmentRef: dev\n", "");
      const left = await call(e, "PUT", "/pipeline/api/pipelines/v2/deploy", { query: SHOP, body: pipelineUsing("k8s_rolling", missing), ...yaml });
      expect([left.status, left.json.code]).toEqual([400, "TEMPLATE_EXCEPTION"]);
      expect(left.json.message).toContain("spec.environment.environmentRef: runtime input not supplied");
      const extra = await call(e, "PUT", "/pipeline/api/pipelines/v2/deploy", { query: SHOP, body: pipelineUsing("k8s_rolling", `${FULL_INPUTS}              deploymentType: Kubernetes\n`), ...yaml });
      expect([extra.status, extra.json.code]).toEqual([400, "TEMPLATE_EXCEPTION"]);
      expect(extra.json.message).toContain("spec.deploymentType: not a runtime input");
    });

    it("keeps versions in use, and the stable version while others remain", async () => {
      const used = await call(e, "DELETE", `${T}/k8s_rolling/v1`, { query: SHOP });
      expect([used.status, used.json.code, used.json.message]).toEqual([400, "ENTITY_REFERENCE_EXCEPTION", "Could not delete the template k8s_rolling as it is referenced by other entities"]);
      const stable = await call(e, "DELETE", `${T}/k8s_rolling/v2`, { query: SHOP });
      expect(stable.json.message).toBe("You cannot delete the stable version of the template. Please update another version as the stable version before deleting this version");
      const forced = await call(e, "DELETE", `${T}/k8s_rolling/v1`, { query: { ...SHOP, forceDelete: "true" } });
      expect(forced.json.message).toBe("FORCE_DELETE_SETTING_NOT_ENABLED");
      expect((await call(e, "DELETE", "/pipeline/api/pipelines/deploy", { query: SHOP })).status).toBe(200);
      expect((await call(e, "DELETE", `${T}/k8s_rolling/v1`, { query: SHOP })).json.data).toBe(true);
      expect((await call(e, "DELETE", `${T}/k8s_rolling/v2`, { query: SHOP })).json.data).toBe(true);
      const gone = await call(e, "DELETE", `${T}/k8s_rolling/v2`, { query: SHOP });
      expect(gone.json.message).toBe("Template with identifier [k8s_rolling] and versionLabel [v2] under Project[shop], Organization [default] does not exist.");
    });
  });

  it("lists Stable, LastUpdated or All versions as a Spring page; templateListType is required", async () => {
    await call(e, "POST", T, { query: SHOP, body: stageTemplate({ identifier: "listed" }), ...yaml });
    await call(e, "POST", T, { query: SHOP, body: stageTemplate({ identifier: "listed", label: "v2" }), ...yaml });
    const all = await call(e, "POST", `${T}/list`, { query: { ...SHOP, templateListType: "All" }, body: { filterType: "Template", templateIdentifiers: ["listed"] } });
    expect(all.json.data).toMatchObject({ totalElements: 2, number: 0, size: 25 });
    const stable = await call(e, "POST", `${T}/list`, { query: { ...SHOP, templateListType: "Stable" }, body: { filterType: "Template", templateIdentifiers: ["listed"] } });
    expect(stable.json.data.content.map((c: { versionLabel: string }) => c.versionLabel)).toEqual(["v1"]);
    const latest = await call(e, "POST", `${T}/list`, { query: { ...SHOP, templateListType: "LastUpdated" }, body: { filterType: "Template", templateIdentifiers: ["listed"] } });
    expect(latest.json.data.content.map((c: { versionLabel: string }) => c.versionLabel)).toEqual(["v2"]);
    const none = await call(e, "POST", `${T}/list`, { query: SHOP });
    expect(none.json).toMatchObject({ status: "FAILURE", errors: [{ fieldId: "templateListType", error: "must not be null" }] });
  });
});

describe("emulator: template options and state", () => {
  it("answers 404 ENTITY_NOT_FOUND for a missing version when told, and lets inputs through when lenient", async () => {
    const e = await start({ missingTemplateStatus: 404, templateInputsCheck: false });
    try {
      await createProject(e, "shop");
      const r = await call(e, "GET", `${T}/nope`, { query: { ...SHOP, versionLabel: "v1" } });
      expect([r.status, r.json.code]).toEqual([404, "ENTITY_NOT_FOUND"]);
      await call(e, "POST", T, { query: SHOP, body: stageTemplate(), ...yaml });
      const lenient = await call(e, "POST", "/pipeline/api/pipelines/v2", { query: SHOP, body: pipelineUsing("k8s_rolling", "            type: Deployment\n"), ...yaml });
      expect(lenient.status).toBe(200);
    } finally {
      await e.close();
    }
  });

  it("keeps templates and the stable mark across restarts with --state", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hs-template-state-"));
    const stateFile = path.join(dir, "state.json");
    try {
      const first = await start({ stateFile });
      await createProject(first, "shop");
      await call(first, "POST", T, { query: SHOP, body: stageTemplate(), ...yaml });
      await call(first, "POST", T, { query: { ...SHOP, setDefaultTemplate: "true" }, body: stageTemplate({ label: "v2" }), ...yaml });
      await first.close();
      const second = await start({ stateFile, account: first.account, token: first.token });
      try {
        const r = await call(second, "GET", `${T}/k8s_rolling`, { query: SHOP });
        expect(r.json.data).toMatchObject({ versionLabel: "v2", stableTemplate: true });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
