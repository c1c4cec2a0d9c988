/**
 * Shrinks Ajv's standalone code before it is cached. Ajv declares every compiled sub-schema as a
 * constant (`const schema12 = {…}`: ~3.3 MB of object literals for the v0 bundle, the whole bundle
 * once more as `schema0`), but the code only reads small pieces of them: the `enum` list an error
 * reports as `params.allowedValues`. Every run paid for building those objects and for V8's code
 * cache carrying them (8 MB → 5 MB, loading ~35% faster; README.md, "Performance").
 *
 * This puts each piece the code reads in place as a literal (`schema12.properties.type.enum` →
 * `["A","B"]`) and drops the declarations. Errors keep the same values, only not the same array
 * object (nothing compares them by identity).
 */

/** `.name`, `["any key"]` or `[3]`: how Ajv's generated code steps into a schema object. */
const ACCESS = /^(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\]|\[(\d+)\])/;
const DECLARATION = /const (schema\d+) = /y;
const NAME = /schema\d+\b/y;

/** Index just past the JSON value starting at `start` (Ajv writes these with JSON.stringify). */
function endOfJson(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"') i = endOfString(code, i) - 1;
    else if (c === "{" || c === "[") depth++;
    else if ((c === "}" || c === "]") && --depth === 0) return i + 1;
  }
  throw new Error("standalone code: unterminated schema constant");
}

/** Index just past the double-quoted string literal starting at `start`. */
function endOfString(code: string, start: number): number {
  for (let i = start + 1; i < code.length; i++) {
    if (code[i] === "\\") i++;
    else if (code[i] === '"') return i + 1;
  }
  throw new Error("standalone code: unterminated string");
}

const isNameStart = (code: string, i: number): boolean => i === 0 || !/[\w$.]/.test(code[i - 1]!);

/**
 * Scans the code once, outside string literals only (Ajv quotes every string it emits with `"`, and
 * patterns become `new RegExp("…")`), so text inside schema strings is never touched.
 */
export function inlineSchemaValues(code: string): string {
  const values = new Map<string, unknown>();
  const parts: string[] = [];
  let copied = 0;
  const replace = (from: number, to: number, text: string): void => {
    parts.push(code.slice(copied, from), text);
    copied = to;
  };
  for (let i = 0; i < code.length; ) {
    const c = code[i];
    if (c === '"') {
      i = endOfString(code, i);
    } else if (c === "c" && isNameStart(code, i) && match(DECLARATION, code, i)) {
      const [whole, name] = match(DECLARATION, code, i)!;
      const start = i + whole.length;
      const end = endOfJson(code, start);
      values.set(name!, JSON.parse(code.slice(start, end)));
      const next = code[end] === ";" ? end + 1 : end;
      replace(i, next, "");
      i = next;
    } else if (c === "s" && isNameStart(code, i) && match(NAME, code, i)) {
      const name = match(NAME, code, i)![0];
      if (!values.has(name)) throw new Error(`standalone code: ${name} is used before it is declared`);
      const after = i + name.length;
      const [literal, length] = readValue(values.get(name), code.slice(after, after + 2000));
      replace(i, after + length, literal);
      i = after + length;
    } else {
      i++;
    }
  }
  parts.push(code.slice(copied));
  return parts.join("");
}

function match(pattern: RegExp, code: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(code);
}

/** Follows the property accesses at the start of `rest` into `value`; the literal and how much it read. */
function readValue(value: unknown, rest: string): [string, number] {
  let read = 0;
  for (let step = ACCESS.exec(rest); step; step = ACCESS.exec(rest.slice(read))) {
    const key = step[1] ?? (step[2] !== undefined ? (JSON.parse(step[2]) as string) : Number(step[3]));
    value = (value as Record<string | number, unknown>)[key];
    read += step[0].length;
  }
  if (value === undefined) throw new Error("standalone code: a schema constant is read at a path it does not have");
  return [JSON.stringify(value), read];
}
