/** --state: everything acknowledged survives a restart, and a SIGKILL in the middle of writes. */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { call, createProject, inProject, pipelineYaml, start } from "./helpers.js";
import type { RunningEmulator } from "./helpers.js";

const here = path.dirname(fileURLToPath(import.meta.url));
let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function spawnEmulator(stateFile: string, creds: string[] = []): Promise<{ child: ChildProcess; e: RunningEmulator }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "child-emulator.ts"), stateFile, ...creds], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`emulator child exited with ${code}`)));
    child.stdout!.setEncoding("utf8").once("data", (line: string) => {
      const info = JSON.parse(line) as { url: string; account: string; token: string };
      resolve({ child, e: { ...info, faultSeed: undefined, injectFaults: () => undefined, secretHolds: () => false, close: async () => void child.kill("SIGKILL") } });
    });
  });
}

describe("state file", () => {
  it("reloads every entity after a restart, pipelines byte for byte", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "emulator-state-"));
    const stateFile = path.join(dir, "state.json");
    const first = await start({ stateFile });
    await createProject(first);
    const yaml = pipelineYaml("kept", "  description: 'kept  as   sent'\n");
    await call(first, "POST", "/pipeline/api/pipelines/v2", { query: inProject, body: yaml, contentType: "application/yaml" });
    await call(first, "POST", "/ng/api/servicesV2", { body: { identifier: "svc", name: "svc", ...inProject, tags: { owner: "me" } } });
    await first.close();

    const second = await start({ stateFile, account: first.account, token: first.token });
    try {
      expect((await call(second, "GET", "/ng/api/projects/apisample")).status).toBe(200);
      expect((await call(second, "GET", "/pipeline/api/pipelines/kept", { query: inProject })).json.data.yamlPipeline).toBe(yaml);
      expect((await call(second, "GET", "/ng/api/servicesV2/svc", { query: inProject })).json.data.service.tags).toEqual({ owner: "me" });
      expect(readFileSync(stateFile, "utf8")).not.toContain(first.token);
    } finally {
      await second.close();
    }
  });

  it("refuses to start on a file that is not an emulator state file", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "emulator-state-"));
    const stateFile = path.join(dir, "state.json");
    writeFileSync(stateFile, "{ not json");
    await expect(start({ stateFile })).rejects.toMatchObject({ code: "E_INPUT", message: expect.stringContaining("not valid JSON") });
  });

  it("loses nothing acknowledged when the process is killed during writes", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "emulator-kill-"));
    const stateFile = path.join(dir, "state.json");
    const { child, e } = await spawnEmulator(stateFile);
    await createProject(e);
    const acknowledged: string[] = [];
    let n = 0;
    const worker = async () => {
      for (;;) {
        const id = `svc_${n++}`;
        try {
          const answer = await call(e, "POST", "/ng/api/servicesV2", { body: { identifier: id, name: id, ...inProject } });
          if (answer.status === 200) acknowledged.push(id);
        } catch {
          return; // the process is gone
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 5));
    child.kill("SIGKILL");
    await Promise.all(workers);

    const { child: again, e: restarted } = await spawnEmulator(stateFile, [e.account, e.token]);
    try {
      const list = await call(restarted, "GET", "/ng/api/servicesV2", { query: { ...inProject, pageSize: "100000" } });
      const stored = new Set(list.json.data.content.map((s: { service: { identifier: string } }) => s.service.identifier));
      expect(acknowledged.length).toBeGreaterThanOrEqual(60);
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      again.kill("SIGKILL");
    }
  });
});
