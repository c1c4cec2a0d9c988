/**
 * Turns the bytes of a schema file or download into a schema object, or a KitError that says where
 * the JSON breaks (line:col) and what was expected instead.
 */
import { KitError } from "../../errors.js";

/** At least one of these at the root, or it is some other JSON document. */
const ROOT_KEYWORDS = ["$schema", "$ref", "type", "properties", "definitions", "$defs", "allOf", "anyOf", "oneOf"];

const SCHEMA_HINT =
  "pass Harness's v0 pipeline schema: a local copy of pipeline.json or " +
  "https://raw.githubusercontent.com/harness/harness-schema/main/v0/pipeline.json";

/** 1-based line and column of a 0-based offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function parseSchemaJson(bytes: Uint8Array, label: string): Record<string, unknown> {
  // Strip a UTF-8 byte order mark: some editors and servers add one, JSON.parse refuses it.
  const text = Buffer.from(bytes).toString("utf8").replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // V8 names the offset for some mistakes only; "Unexpected token '<'" (an HTML page) has none.
    const position = /at position (\d+)/.exec(reason);
    const offset = position ? Number(position[1]) : /end of JSON input/.test(reason) ? text.length : undefined;
    const at = offset === undefined ? undefined : lineColumn(text, offset);
    const where = at ? `${label}:${at.line}:${at.column}` : label;
    throw new KitError("E_INPUT", `${where}: the official schema is not valid JSON (${reason})`, {
      hint: SCHEMA_HINT,
      cause: error,
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value) || !ROOT_KEYWORDS.some((k) => k in value)) {
    throw new KitError("E_INPUT", `${label}: not a JSON Schema (no ${ROOT_KEYWORDS.slice(0, 5).join(", ")}… at its root)`, {
      hint: SCHEMA_HINT,
    });
  }
  return value as Record<string, unknown>;
}
