/**
 * Reads Ajv's standalone code as a list of top-level statements, so that split-standalone.ts can
 * move whole validate functions into separately loaded chunks. Not a JavaScript parser: it knows the
 * few shapes Ajv emits (`"use strict";`, `module.exports = …;`, `const name = …;`, `function name(…){…}`),
 * double-quoted strings (every string Ajv writes) and the regex literals of its JSON-pointer escaping
 * (`key0.replace(/~/g, "~0")`). Anything else it does not recognise makes it throw, and the caller
 * then caches the code unsplit.
 */

export interface TopLevelStatement {
  text: string;
  /** The name a `function name(` or `const name =` statement declares. */
  name?: string;
  isFunction: boolean;
  /** Identifiers the statement uses (not property names after a dot); a superset of the top-level names it needs. */
  identifiers: Set<string>;
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
const NUMBER = /\d[\w.]*/y;
const DECLARES = /^(?:function ([A-Za-z_$][\w$]*)\(|const ([A-Za-z_$][\w$]*) = )/;
/** After these (the last non-blank character), a `/` starts a regex literal, not a division. */
const BEFORE_REGEX = new Set(["(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";", ""]);
const OPEN = new Set(["(", "[", "{"]);
const CLOSE = new Set([")", "]", "}"]);

function unsupported(code: string, at: number, what: string): Error {
  return new Error(`standalone code: ${what} at offset ${at} (${JSON.stringify(code.slice(at, at + 40))})`);
}

function endOfString(code: string, start: number): number {
  for (let i = start + 1; i < code.length; i++) {
    if (code[i] === "\\") i++;
    else if (code[i] === '"') return i + 1;
    else if (code[i] === "\n") break;
  }
  throw unsupported(code, start, "unterminated string");
}

function endOfRegex(code: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < code.length; i++) {
    const c = code[i];
    if (c === "\\") i++;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) {
      IDENTIFIER.lastIndex = i + 1;
      return IDENTIFIER.test(code) ? IDENTIFIER.lastIndex : i + 1;
    } else if (c === "\n") break;
  }
  throw unsupported(code, start, "unterminated regex literal");
}

function lastSignificant(code: string, before: number): string {
  for (let i = before - 1; i >= 0; i--) if (code[i] !== " " && code[i] !== "\n" && code[i] !== "\t") return code[i]!;
  return "";
}

export function topLevelStatements(code: string): TopLevelStatement[] {
  const statements: TopLevelStatement[] = [];
  let start = 0;
  let depth = 0;
  let identifiers = new Set<string>();
  const end = (to: number): void => {
    const text = code.slice(start, to).trim();
    if (text !== "") {
      const declared = DECLARES.exec(text);
      const name = declared?.[1] ?? declared?.[2];
      statements.push({ text, ...(name ? { name } : {}), isFunction: declared?.[1] !== undefined, identifiers });
    }
    identifiers = new Set();
    start = to;
  };
  for (let i = 0; i < code.length; ) {
    const c = code[i]!;
    if (c === '"') {
      i = endOfString(code, i);
    } else if (c === "'" || c === "`" || (c === "/" && (code[i + 1] === "/" || code[i + 1] === "*"))) {
      throw unsupported(code, i, "a quote, template or comment Ajv does not write");
    } else if (c === "/") {
      i = BEFORE_REGEX.has(lastSignificant(code, i)) ? endOfRegex(code, i) : i + 1;
    } else if (/[A-Za-z_$]/.test(c)) {
      IDENTIFIER.lastIndex = i;
      IDENTIFIER.test(code);
      if (code[i - 1] !== ".") identifiers.add(code.slice(i, IDENTIFIER.lastIndex));
      i = IDENTIFIER.lastIndex;
    } else if (/\d/.test(c)) {
      NUMBER.lastIndex = i;
      NUMBER.test(code);
      i = NUMBER.lastIndex;
    } else {
      if (OPEN.has(c)) depth++;
      else if (CLOSE.has(c) && --depth < 0) throw unsupported(code, i, "unbalanced bracket");
      i++;
      // A function declaration ends at its closing brace; every other statement at its semicolon.
      if (depth === 0 && (c === ";" || (c === "}" && code.startsWith("function ", start + leadingBlanks(code, start))))) end(i);
    }
  }
  if (depth !== 0) throw unsupported(code, code.length, "unbalanced brackets at the end");
  end(code.length);
  return statements;
}

function leadingBlanks(code: string, from: number): number {
  let n = 0;
  while (/\s/.test(code[from + n] ?? "")) n++;
  return n;
}
