import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/index.js";
import type { Harness } from "./helpers.js";
import { actions, pairs, setup } from "./helpers.js";

const ORDERS = { name: "orders-api", gitUrl: "https://github.com/acme/orders-api", image: "acme/orders-api", project: "payments_api", projectName: "payments-api" };

describe("several services' folders sharing one project", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await setup();
    // Same project and shared connectors; its own git connector and environment.
    await generate({ generator: "service", answers: { ...ORDERS, gitConnector: "orders_github", environments: ["staging"] }, outDir: "orders/.harness", cwd: h.root });
    // Defines the shared "github" connector and "dev" environment differently.
    await generate({ generator: "service", answers: ORDERS, outDir: "clash/.harness", cwd: h.root });
  });
  afterAll(async () => h.close());

  it("publishes them together: shared entities once, each service's own ones in the same order", async () => {
    const r = await h.run(["publish", ".harness", "orders/.harness", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const done = pairs(r.stdout, "results");
    expect(done).toHaveLength(26);
    expect(done.filter((d) => d === "trigger on_push")).toHaveLength(2);
    expect(done.filter((d) => d === "project payments_api")).toHaveLength(1);
    expect(done.filter((d) => d === "connector dockerhub")).toHaveLength(1);
    expect(done).toContain("pipeline orders_api_cd");
    expect(done.indexOf("infrastructure staging_k8s")).toBeLessThan(done.indexOf("pipeline payments_api_cd"));
    expect(actions((await h.run(["plan", ".harness", "orders/.harness", "--json"])).stdout, "plan")).toEqual(["unchanged", "exists"]);
  });

  it("refuses folders that define one entity two ways, before sending anything", async () => {
    h.log.length = 0;
    const r = await h.run(["plan", ".harness", "clash/.harness"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: \.harness\/connectors\/github\.json and clash\/\.harness\/connectors\/github\.json both define connector "github", differently/);
    expect(h.log).toEqual([]);
  });
});
