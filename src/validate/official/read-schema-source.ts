/**
 * The bytes of the schema a user named: a file (relative to cwd) or a URL downloaded once into the
 * cache directory. A URL's cached copy is keyed by the URL, so later runs never touch the network.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { KitError } from "../../errors.js";
import { writeFileAtomic } from "./cache-dir.js";
import { parseSchemaJson } from "./parse-schema-json.js";

export interface SchemaSourceOptions {
  cwd: string;
  /** Already resolved (see resolveCacheDir). */
  cacheDir: string;
  env?: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
}

export interface SchemaSource {
  bytes: Buffer;
  /** How to name the schema in messages: the path as given, or the URL. */
  label: string;
  /** True when this call fetched the URL (false for files and for already downloaded URLs). */
  downloaded: boolean;
}

/** "scheme://…": a URL. Anything else, including Windows drive paths, is a file path. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

export function downloadCachePath(cacheDir: string, url: URL): string {
  const key = createHash("sha256").update(url.href).digest("hex").slice(0, 32);
  return path.join(cacheDir, "official-schema", "downloads", `${key}.json`);
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ENOENT";
}

export async function readSchemaSource(source: string, options: SchemaSourceOptions): Promise<SchemaSource> {
  if (!URL_LIKE.test(source)) {
    const file = path.resolve(options.cwd, source);
    try {
      return { bytes: await readFile(file), label: source, downloaded: false };
    } catch (error) {
      const what = isMissing(error) ? "not found" : `cannot be read (${(error as Error).message})`;
      throw new KitError("E_INPUT", `official schema ${what}: ${file}`, {
        hint: "pass the path of Harness's v0 pipeline.json (relative to the current directory) or an https URL",
        cause: error,
      });
    }
  }

  let url: URL;
  try {
    url = new URL(source);
  } catch (error) {
    throw new KitError("E_INPUT", `official schema URL is malformed: ${source}`, {
      hint: "pass an https:// URL or a file path",
      cause: error,
    });
  }
  // undici loads only for a URL: a file source (most runs) skips it.
  const { checkSchemaUrl, downloadSchema } = await import("./download.js");
  checkSchemaUrl(url);
  const cached = downloadCachePath(options.cacheDir, url);
  try {
    return { bytes: await readFile(cached), label: url.href, downloaded: false };
  } catch (error) {
    if (!isMissing(error)) throw new KitError("E_IO", `cannot read the cached schema ${cached}`, { cause: error });
  }
  const bytes = await downloadSchema(url, { env: options.env, signal: options.signal });
  parseSchemaJson(bytes, url.href); // throws before a bad body is kept
  try {
    await writeFileAtomic(cached, bytes);
  } catch (error) {
    throw new KitError("E_IO", `cannot write the downloaded schema to ${cached}`, {
      hint: "make the cache directory writable, or set XDG_CACHE_HOME",
      cause: error,
    });
  }
  return { bytes, label: url.href, downloaded: true };
}
