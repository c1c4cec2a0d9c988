/**
 * Where a secret's value comes from (the `valueSource` of `secrets/<id>.yaml`), read only at the
 * moment publish sends it: `env:VAR` from the environment given, `file:PATH` relative to the
 * repository (a key file that is not committed), `prompt` at a terminal (hidden input). A value
 * is held in a `Secret`, whose printable forms are a placeholder, and is never written anywhere.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { KitError } from "../errors.js";
import { Secret } from "../harness/secret.js";
import { secretWords } from "./messages.js";

export type ValueSource = { kind: "env"; variable: string } | { kind: "file"; path: string } | { kind: "prompt" };

export function parseValueSource(text: unknown): ValueSource | undefined {
  if (typeof text !== "string") return undefined;
  if (text === "prompt") return { kind: "prompt" };
  const env = /^env:([A-Za-z_][A-Za-z0-9_]*)$/.exec(text);
  if (env) return { kind: "env", variable: env[1] as string };
  if (text.startsWith("file:") && text.length > 5) return { kind: "file", path: text.slice(5) };
  return undefined;
}

export interface SourceContext {
  env: Readonly<Record<string, string | undefined>>;
  /** Root `file:` paths are relative to (see `repositoryRoot`). */
  root: string;
  /** Asks for a value with hidden input; absent when there is no terminal. */
  promptSecret?: (question: string) => Promise<string>;
}

/** The nearest directory at or above `start` holding `.git`; `fallback` when there is none. */
export async function repositoryRoot(start: string, fallback: string): Promise<string> {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (await stat(path.join(dir, ".git")).catch(() => undefined)) return dir;
    if (path.dirname(dir) === dir) return fallback;
  }
}

/** The file a `file:` source names, refusing one that leaves the repository. */
function fileOf(id: string, source: { path: string }, root: string): string {
  const full = path.resolve(root, source.path);
  const rel = path.relative(root, full);
  if (path.isAbsolute(source.path) || rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new KitError("E_INPUT", secretWords.fileOutside(id, source.path), { hint: secretWords.fileOutsideHint });
  }
  return full;
}

/** Whether the value is there right now, in words for plan ("env:GITHUB_TOKEN is not set"). Never reads a value into output. */
export async function sourceAvailability(id: string, text: unknown, ctx: SourceContext): Promise<{ available: boolean; note: string }> {
  const source = parseValueSource(text);
  if (source === undefined) return { available: false, note: "no valueSource" };
  switch (source.kind) {
    case "env": {
      const value = ctx.env[source.variable];
      if (value === undefined) return { available: false, note: `env:${source.variable} is not set` };
      return value === "" ? { available: false, note: `env:${source.variable} is empty` } : { available: true, note: `value from env:${source.variable}` };
    }
    case "file": {
      let full: string;
      try {
        full = fileOf(id, source, ctx.root);
      } catch {
        return { available: false, note: `file:${source.path} is outside the repository` };
      }
      const info = await stat(full).catch(() => undefined);
      if (info === undefined) return { available: false, note: `file:${source.path} does not exist` };
      if (!info.isFile()) return { available: false, note: `file:${source.path} is not a file` };
      return info.size === 0 ? { available: false, note: `file:${source.path} is empty` } : { available: true, note: `value from file:${source.path}` };
    }
    case "prompt":
      return { available: true, note: "value asked at publish (hidden prompt; needs a terminal)" };
  }
}

/** Reads the value now. Every failure names the secret and what to set, never a value. */
export async function readSecretValue(id: string, text: unknown, ctx: SourceContext): Promise<Secret> {
  const source = parseValueSource(text);
  if (source === undefined) throw new KitError("E_INPUT", secretWords.noSource(id), { hint: secretWords.noSourceHint });
  switch (source.kind) {
    case "env": {
      const value = ctx.env[source.variable];
      if (value === undefined || value === "") {
        throw new KitError("E_INPUT", secretWords.envMissing(id, source.variable, value === ""), { hint: secretWords.envHint(source.variable) });
      }
      return new Secret(value);
    }
    case "file": {
      const full = fileOf(id, source, ctx.root);
      let content: string;
      try {
        content = await readFile(full, "utf8");
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new KitError("E_INPUT", secretWords.fileUnreadable(id, source.path, code === "ENOENT" ? "does not exist" : "cannot be read"), {
          hint: secretWords.fileHint(source.path),
        });
      }
      if (content.trim() === "") throw new KitError("E_INPUT", secretWords.fileUnreadable(id, source.path, "is empty"), { hint: secretWords.fileHint(source.path) });
      return new Secret(content);
    }
    case "prompt": {
      if (ctx.promptSecret === undefined) throw new KitError("E_INPUT", secretWords.noTerminal(id), { hint: secretWords.noTerminalHint(id) });
      const value = await ctx.promptSecret(secretWords.promptQuestion(id));
      if (value === "") throw new KitError("E_INPUT", secretWords.promptEmpty(id));
      return new Secret(value);
    }
  }
}
