/**
 * A user at a terminal: the built binary in a pseudo-terminal, answering plop's prompts
 * (needs `npm run build`). Keys are typed as a person would, including a mistake.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pty from "@lydell/node-pty";
import { afterEach, describe, expect, it } from "vitest";
import { binPath } from "../helpers/cli.js";
import { tempDir } from "./helpers.js";

const ENTER = "\r";
const DOWN = "\x1b[B";
const CLEAR_LINE = "\x15"; // ctrl-u
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, "g");

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** Spawns the CLI in a terminal; `screen()` is everything shown so far, without colours. */
function terminal(args: string[], cwd: string) {
  const term = pty.spawn(process.execPath, [binPath, ...args], {
    cwd,
    cols: 160,
    rows: 50,
    env: { PATH: process.env.PATH ?? "", TERM: "xterm-256color", HOME: cwd },
  });
  let raw = "";
  term.onData((data) => (raw += data));
  const exited = new Promise<number>((resolve) => term.onExit(({ exitCode, signal }) => resolve(signal ? 128 + signal : exitCode)));
  const screen = (): string => raw.replace(ANSI, "");
  const waitFor = async (pattern: RegExp, from = 0): Promise<void> => {
    for (let i = 0; i < 400; i++) {
      if (pattern.test(screen().slice(from))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${pattern}; screen so far:\n${screen()}`);
  };
  return { term, screen, waitFor, exited };
}

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
