/**
 * A user at a terminal: the built binary in a pseudo-terminal, answering plop's prompts
 * (needs `npm run build`). Keys are typed as a person would, including a mistake.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLEAR_LINE, DOWN, ENTER, terminal } from "../helpers/terminal.js";
import { tempDir } from "./helpers.js";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

// Spawning a terminal and loading plop is slow on a busy machine; give each run room.
describe("interactive prompts in a terminal", { timeout: 90_000 }, () => {
  it("asks, refuses a bad identifier at the prompt, takes the derived default, writes the files", async () => {
    const { dir, done } = tempDir("hs-pty-");
    cleanup = done;
    const t = terminal(["new", "project", "--out", "out"], dir);
    await t.waitFor(/\? Project name/);
    t.term.write(`Payments API${ENTER}`);
    await t.waitFor(/\? Project identifier.*\(Payments_API\)/);
    let mark = t.screen().length;
    t.term.write(`1bad${ENTER}`);
    await t.waitFor(/>> identifier "1bad" may only contain letters, digits and _, and must not start with a digit/, mark);
    mark = t.screen().length;
    t.term.write(`${CLEAR_LINE}class${ENTER}`);
    await t.waitFor(/>> identifier "class" is a keyword, so cannot be used/, mark);
    t.term.write(`${CLEAR_LINE}${ENTER}`);
    expect(await t.exited).toBe(0);
    expect(t.screen()).toContain("create     out/project.json");
    const project = JSON.parse(readFileSync(path.join(dir, "out/project.json"), "utf8")).project;
    expect(project).toMatchObject({ name: "Payments API", identifier: "Payments_API", orgIdentifier: "default" });
  });

  it("skips what --set answered and asks only what applies to the choices made", async () => {
    const { dir, done } = tempDir("hs-pty-");
    cleanup = done;
    const t = terminal(["new", "connector", "--set", "type=DockerRegistry", "--set", "name=hub", "--out", "out"], dir);
    await t.waitFor(/\? Connector identifier.*\(hub\)/);
    expect(t.screen()).not.toContain("Connector type");
    expect(t.screen()).not.toContain("Connector name");
    t.term.write(ENTER);
    await t.waitFor(/\? Project identifier/);
    t.term.write(`apisample${ENTER}`);
    await t.waitFor(/\? Registry URL/);
    t.term.write(ENTER);
    await t.waitFor(/\? Registry provider/);
    t.term.write(ENTER);
    await t.waitFor(/\? Registry authentication/);
    t.term.write(`${DOWN}${ENTER}`);
    await t.waitFor(/\? Username/);
    t.term.write(`robot${ENTER}`);
    await t.waitFor(/\? Password secret/);
    t.term.write(`not a secret id${ENTER}`);
    await t.waitFor(/>> passwordRef "not a secret id" may only contain/);
    t.term.write(`${CLEAR_LINE}docker_pw${ENTER}`);
    expect(await t.exited).toBe(0);
    expect(t.screen()).not.toContain("GitHub");
    const connector = JSON.parse(readFileSync(path.join(dir, "out/connectors/hub.json"), "utf8")).connector;
    expect(connector.projectIdentifier).toBe("apisample");
    expect(connector.spec).toEqual({
      connectorType: "DockerConnector",
      dockerRegistryUrl: "https://index.docker.io/v2/",
      providerType: "DockerHub",
      auth: { type: "UsernamePassword", spec: { username: "robot", passwordRef: "docker_pw" } },
    });
  });

  it("Ctrl-C at a prompt stops without writing anything", async () => {
    const { dir, done } = tempDir("hs-pty-");
    cleanup = done;
    const t = terminal(["new", "service", "--out", "out"], dir);
    await t.waitFor(/\? Service name/);
    t.term.write(`payments${ENTER}`);
    await t.waitFor(/\? Service identifier/);
    t.term.write("\x03");
    await t.waitFor(/harness-scaffold: error: cancelled at the prompt; nothing was written/);
    expect(await t.exited).not.toBe(0);
    expect(existsSync(path.join(dir, "out"))).toBe(false);
  });
});
