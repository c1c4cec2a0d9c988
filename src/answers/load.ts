/**
 * Raw answers from the two non-interactive sources: an answers file (YAML or JSON) and `--set`
 * flags. Each value remembers where it came from, so a refused answer points at its origin.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { valuesOf } from "../util/yaml-values.js";
import { KitError } from "../errors.js";

export interface RawAnswers {
  values: Record<string, unknown>;
  /** key → "answers.yaml:3:1" or "--set name=…", for messages. */
  origins: Record<string, string>;
}

export const emptyRawAnswers = (): RawAnswers => ({ values: {}, origins: {} });

/** Reads an answers file. YAML is a superset of JSON, so one parser serves both. */
export async function loadAnswersFile(file: string, cwd: string): Promise<RawAnswers> {
  const absolute = path.resolve(cwd, file);
  const shown = path.relative(cwd, absolute) || file;
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : String(code ?? cause);
    throw new KitError("E_INPUT", `cannot read answers file ${shown}: ${why}`, {
      hint: "pass --answers with the path of a YAML or JSON file of answers",
      cause,
    });
  }
  let text: string;
  try {
    // Decoding leniently would turn a binary or Latin-1 file into answers full of U+FFFD.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new KitError("E_INPUT", `${shown}: the file is not UTF-8 text`, { hint: "save the answers file as UTF-8 YAML or JSON" });
  }
  return parseAnswersText(text, shown);
}

export function parseAnswersText(text: string, shown: string): RawAnswers {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): string => {
    const { line, col } = lines.linePos(offset);
    return `${shown}:${line}:${col}`;
  };
  const first = doc.errors[0];
  if (first !== undefined) {
    throw new KitError("E_INPUT", `${at(first.pos[0])}: ${first.message.split("\n")[0] ?? "cannot parse"}`, {
      hint: "an answers file is a YAML or JSON mapping of answer keys to values",
    });
  }
  if (doc.contents === null) return emptyRawAnswers();
  if (!isMap(doc.contents)) {
    throw new KitError("E_INPUT", `${at(doc.contents.range?.[0] ?? 0)}: an answers file must be a mapping of keys to values`, {
      hint: "write one `key: value` per line, e.g. `name: payments-api`",
    });
  }
  const values = valuesOf(doc);
  if (!values.ok) {
    throw new KitError("E_INPUT", `${at(values.problem.offset)}: ${values.problem.message}`, {
      hint: "an answers file is a YAML or JSON mapping of answer keys to values",
    });
  }
  const result = emptyRawAnswers();
  const plain = values.value as Record<string, unknown>;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    result.values[key] = plain[key];
    result.origins[key] = at(isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0);
  }
  return result;
}

/** Parses `--set key=value` flags; the last flag for a key wins. */
export function parseSetFlags(flags: readonly string[]): RawAnswers {
  const result = emptyRawAnswers();
  for (const flag of flags) {
    const eq = flag.indexOf("=");
    const key = eq < 0 ? "" : flag.slice(0, eq).trim();
    if (key === "") {
      throw new KitError("E_USAGE", `--set "${flag}" is not key=value`, { hint: 'write --set name=payments-api (quote values with spaces: --set "name=api example")' });
    }
    result.values[key] = flag.slice(eq + 1);
    result.origins[key] = `--set ${key}`;
  }
  return result;
}

/** Later sources win: `mergeRaw(file, flags)` lets `--set` override the answers file. */
export function mergeRaw(...sources: RawAnswers[]): RawAnswers {
  const merged = emptyRawAnswers();
  for (const source of sources) {
    Object.assign(merged.values, source.values);
    Object.assign(merged.origins, source.origins);
  }
  return merged;
}
