/**
 * Writing values into JSON and YAML text so that no value can change the document's shape: a
 * string always comes out as one scalar, whatever quotes, colons, newlines or braces it holds.
 */

/** A JSON literal for any answer value. */
export function jsonLiteral(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/**
 * Words a YAML 1.1 reader (Harness's server) turns into booleans or null when unquoted; YAML 1.2
 * readers would keep most of them as strings, so plain output would mean different things.
 */
const YAML_SPECIAL_WORDS = /^(?:y|n|yes|no|true|false|on|off|null|~)$/i;

/**
 * Plain (unquoted) only for the boring case: starts with a letter, then letters, digits, `_`, `.`,
 * `/`, `-` and single inner spaces. No `:`, `#`, quotes, brackets or leading digits, so it can
 * be neither a key, a comment, a flow collection, a number nor a date in any YAML version.
 */
const YAML_PLAIN_SAFE = /^[A-Za-z][A-Za-z0-9_./-]*(?: [A-Za-z0-9_./-]+)*$/;

/** Harness durations (10m, 1h30m): no YAML reader takes these for numbers or dates. */
const YAML_DURATION = /^(?:[0-9]{1,9}(?:ms|s|m|h|d|w)){1,6}$/;

/** Characters YAML 1.1 treats as line breaks or that readers may drop; always escaped. */
const YAML_RISKY_CHARS = /[\u0080-\u009f\u2028\u2029\ufeff]/g;

/** One YAML scalar (or flow collection) on one line, valid in block and flow context. */
export function yamlInline(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : yamlString(String(value));
  if (typeof value === "string") return yamlString(value);
  if (Array.isArray(value)) return `[${value.map(yamlInline).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${yamlString(k)}: ${yamlInline(v)}`).join(", ")}}`;
  }
  return yamlString(String(value));
}

export function yamlString(value: string): string {
  if (YAML_PLAIN_SAFE.test(value) && !YAML_SPECIAL_WORDS.test(value) && value.length <= 200) return value;
  if (YAML_DURATION.test(value)) return value;
  // A JSON string is a valid YAML double-quoted scalar; escape what YAML 1.1 would read as breaks.
  return JSON.stringify(value).replace(
    YAML_RISKY_CHARS,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
