/**
 * A kit's questions at a terminal: `new web-service --kit DIR` in a pseudo-terminal (needs
 * `npm run build`) asks what the kit marks as asked, refuses a bad answer with the kit's rule,
 * derives the rest and writes the files.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "../generate/helpers.js";
import { repoRoot } from "../helpers/cli.js";
import { CLEAR_LINE, ENTER, terminal } from "../helpers/terminal.js";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe("a kit's prompts in a terminal", { timeout: 90_000 }, () => {
  it("asks the kit's question, re-asks after a bad answer, and writes what the answers derive", async () => {
    const { dir, done } = tempDir("hs-kit-pty-");
    cleanup = done;
    const t = terminal(["new", "web-service", "--kit", path.join(repoRoot, "test/fixtures/kits/acme"), "--out", "out"], dir);
    await t.waitFor(/\? Service name/);
    let mark = t.screen().length;
    t.term.write(`${ENTER}`);
    await t.waitFor(/>> name cannot be empty/, mark);
    mark = t.screen().length;
    t.term.write(`${CLEAR_LINE}Orders Web${ENTER}`);
    expect(await t.exited).toBe(0);
    const screen = t.screen().slice(mark);
    expect(screen).toContain("identifier: Orders_Web (derived; set identifier=… to choose another)");
    expect(screen).toContain("create     out/services/Orders_Web.yaml");
    expect(screen).toContain("create     out/infrastructures/prod_k8s.yaml");
    expect(screen).toContain("web-service: wrote 8 files to out.");
    expect(readFileSync(path.join(dir, "out/services/Orders_Web.yaml"), "utf8")).toContain("name: Orders Web");
    const manifest = JSON.parse(readFileSync(path.join(dir, "out/harness-scaffold.json"), "utf8")) as { runs: Array<{ answers: Record<string, unknown> }> };
    expect(manifest.runs.at(-1)?.answers).toMatchObject({ name: "Orders Web", identifier: "Orders_Web", project: "platform_services", environments: ["dev", "prod"] });
  });
});
