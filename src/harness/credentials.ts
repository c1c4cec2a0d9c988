/**
 * The API key and account, found the way Harness's own tools find them. The key comes from the
 * environment or a file, never from a flag value (flags end up in shell history and `ps`), and no
 * message here ever repeats it, even in part.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { KitError } from "../errors.js";
import { resolveEndpoint } from "./endpoint.js";
import { Secret } from "./secret.js";

type Env = Readonly<Record<string, string | undefined>>;

/** Environment variables holding the key, in order of preference. */
export const API_KEY_ENV_VARS = ["HARNESS_PLATFORM_API_KEY", "HARNESS_API_KEY"] as const;
export const ACCOUNT_ENV_VAR = "HARNESS_ACCOUNT_ID";

const TOKEN_HINT =
  "a Harness API token looks like pat.<accountId>.<tokenId>.<secret> (or sat. for a service account); copy it again from Harness (My API Keys → Token)";

export interface ConnectionInput {
  cwd: string;
  env: Env;
  endpoint?: string;
  account?: string;
  apiKeyFile?: string;
}

/** Everything needed to talk to one Harness account. */
export interface Connection {
  endpoint: string;
  account: string;
  apiKey: Secret;
  /** Where the key came from, for messages ("HARNESS_PLATFORM_API_KEY", "--api-key-file key.txt"). */
  keySource: string;
}

/**
 * Reads `pat.<account>.<tokenId>.<secret>` / `sat.…`. Errors describe the shape that is wrong,
 * never the value.
 */
export function parseToken(value: string, source: string): { type: "pat" | "sat"; account: string } {
  const fail = (why: string): never => {
    throw new KitError("E_CONFIG", `the API key from ${source} is not a Harness token: ${why}`, { hint: TOKEN_HINT });
  };
  if (/\s/.test(value)) fail("it contains spaces or line breaks");
  const parts = value.split(".");
  const [type, account] = parts;
  if (type !== "pat" && type !== "sat") fail('it does not start with "pat." or "sat."');
  if (parts.length !== 4) fail(`it has ${parts.length} dot-separated parts, expected 4`);
  if (parts.some((p) => !/^[\w-]+$/.test(p))) fail("a part is empty or has characters a token never has");
  return { type: type as "pat" | "sat", account: account as string };
}

async function readKey(input: ConnectionInput): Promise<{ value: string; source: string }> {
  if (input.apiKeyFile !== undefined) {
    const source = `--api-key-file ${input.apiKeyFile}`;
    let text: string;
    try {
      text = await readFile(path.resolve(input.cwd, input.apiKeyFile), "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
      throw new KitError("E_CONFIG", `cannot read the API key file ${input.apiKeyFile} (${code})`, {
        hint: "give the path of a file that holds only the token",
      });
    }
    const value = text.trim();
    if (value === "") throw new KitError("E_CONFIG", `the API key file ${input.apiKeyFile} is empty`, { hint: TOKEN_HINT });
    return { value, source };
  }
  for (const name of API_KEY_ENV_VARS) {
    const value = input.env[name]?.trim();
    if (value !== undefined && value !== "") return { value, source: name };
  }
  throw new KitError("E_CONFIG", "no Harness API key: HARNESS_PLATFORM_API_KEY is not set", {
    hint: "export HARNESS_PLATFORM_API_KEY=<token> (or HARNESS_API_KEY), or pass --api-key-file FILE",
  });
}

/** Endpoint, account and key from flags and environment; throws E_CONFIG with a fix when one is wrong. */
export async function resolveConnection(input: ConnectionInput): Promise<Connection> {
  const endpoint = resolveEndpoint(input.endpoint, input.env);
  const key = await readKey(input);
  const token = parseToken(key.value, key.source);
  const explicit =
    input.account !== undefined && input.account !== ""
      ? { value: input.account, source: "--account" }
      : input.env[ACCOUNT_ENV_VAR]
        ? { value: input.env[ACCOUNT_ENV_VAR] as string, source: ACCOUNT_ENV_VAR }
        : undefined;
  if (explicit !== undefined) {
    if (!/^[\w-]+$/.test(explicit.value)) {
      throw new KitError("E_CONFIG", `the account id from ${explicit.source} is not an account id: "${explicit.value}"`, {
        hint: "copy it from a Harness URL: https://app.harness.io/ng/account/<accountId>/…",
      });
    }
    if (explicit.value !== token.account) {
      throw new KitError("E_CONFIG", `account "${explicit.value}" (from ${explicit.source}) is not the account the API key from ${key.source} belongs to`, {
        hint: `use a key created in account "${explicit.value}", or drop ${explicit.source} to use the key's own account`,
      });
    }
  }
  return { endpoint, account: explicit?.value ?? token.account, apiKey: new Secret(key.value), keySource: key.source };
}
