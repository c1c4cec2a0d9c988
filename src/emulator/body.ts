/**
 * Turns request text into values, answering 400 with the parse error and its place (line and
 * column) when the text is not valid JSON or YAML.
 */
import { isScalar, parseDocument, visit } from "yaml";
import type { Document } from "yaml";
import { valuesOf } from "../util/yaml-values.js";
import { ApiError } from "./envelopes.js";
import type { MediaKind } from "./http-io.js";
import { jsonErrorOffset, lineColumn } from "./json-offset.js";

export function parseBody(text: string, kind: MediaKind): unknown {
  // Multipart bodies are split by their handler, which needs the boundary from the header.
  if (kind === "multipart") return undefined;
  return kind === "json" ? parseJson(text) : parseYaml(text);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const { line, column } = lineColumn(text, offset < 0 ? text.length : offset);
    // V8's wording minus its position (replaced by line/column) and its echo of the body.
    const reason = (error instanceof Error ? error.message : String(error))
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/, ".*" is not valid JSON$/s, "");
    const near = text.slice(Math.max(0, offset), Math.max(0, offset) + 20).split("\n")[0];
    throw new ApiError(
      400,
      "INVALID_REQUEST",
      `Unable to parse the JSON body at line ${line}, column ${column}: ${reason}${near ? ` (near "${near}")` : ""}`,
    );
  }
}

/** YAML 1.2 with unique keys; the first error's position goes into the message. */
export function parseYaml(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    const duplicate = first.code === "DUPLICATE_KEY" ? findDuplicateKey(doc) : undefined;
    const offset = duplicate?.offset ?? first.pos[0];
    const { line, column } = lineColumn(text, offset);
    let reason = first.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? first.message;
    if (duplicate !== undefined) {
      reason += `: "${duplicate.key}" is already a key of this map (line ${lineColumn(text, duplicate.firstOffset).line})`;
    }
    throw new ApiError(400, "INVALID_YAML_ERROR", `Invalid yaml at line ${line}, column ${column}: ${reason}`);
  }
  const values = valuesOf(doc);
  if (!values.ok) {
    const { line, column } = lineColumn(text, values.problem.offset);
    throw new ApiError(400, "INVALID_YAML_ERROR", `Invalid yaml at line ${line}, column ${column}: ${values.problem.message}`);
  }
  return values.value;
}

/** The yaml library reports a duplicate key at its map; point at the repeated key instead. */
function findDuplicateKey(doc: Document): { key: string; offset: number; firstOffset: number } | undefined {
  let found: { key: string; offset: number; firstOffset: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
        const key = String(pair.key.value);
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          found = { key, offset: pair.key.range[0], firstOffset: earlier };
          return visit.BREAK;
        }
        seen.set(key, pair.key.range[0]);
      }
      return undefined;
    },
  });
  return found;
}
