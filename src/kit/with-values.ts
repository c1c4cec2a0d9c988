/**
 * A kit file's `with:` — values the template sees besides (or instead of) the answers, so one
 * template can serve several files (the built-in service renders its connectors through the
 * connector templates this way). Values are YAML data whose strings may be expressions; a string
 * that is exactly one `{{…}}` keeps its value's type. `{ $each: <list answer>, $value: … }`
 * builds a list, one `$value` per element (which sees `item` and `index`).
 */
import { KitError } from "../errors.js";
import { compileValueExpression } from "../render/handlebars.js";
import type { KitIssue } from "./kit-yaml.js";

export type WithValue = (data: Record<string, unknown>) => unknown;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Compiles `with` once; syntax errors go to `issues` at `at`. */
export function compileWith(raw: unknown, at: string, issues: KitIssue[]): WithValue {
  if (typeof raw === "string" && raw.includes("{{")) {
    let fn: (data: object) => unknown;
    try {
      fn = compileValueExpression(raw);
    } catch (cause) {
      issues.push({ at, message: `with value "${raw}" is not a valid Handlebars expression: ${firstLine(cause)}` });
      return () => null;
    }
    return (data) => {
      let value: unknown;
      try {
        value = fn(data);
      } catch (cause) {
        throw new KitError("E_TEMPLATE", `${at}: with value "${raw}" cannot render: ${firstLine(cause)}`, { cause });
      }
      if (value === undefined) throw new KitError("E_TEMPLATE", `${at}: with value "${raw}" names a variable that is not defined`);
      return value;
    };
  }
  if (Array.isArray(raw)) {
    const items = raw.map((item) => compileWith(item, at, issues));
    return (data) => items.map((item) => item(data));
  }
  if (isObj(raw) && "$each" in raw) {
    const key = raw.$each;
    if (typeof key !== "string" || !("$value" in raw) || Object.keys(raw).length !== 2) {
      issues.push({ at, message: "a \"$each\" value needs exactly \"$each: <list answer>\" and \"$value: …\"" });
      return () => [];
    }
    const value = compileWith(raw.$value, at, issues);
    return (data) => {
      const list = data[key];
      if (list === undefined) throw new KitError("E_TEMPLATE", `${at}: "$each: ${key}" names no answer`);
      return (Array.isArray(list) ? list : []).map((item, index) => value({ ...data, item, index }));
    };
  }
  if (isObj(raw)) {
    const entries = Object.entries(raw).map(([k, v]) => [k, compileWith(v, at, issues)] as const);
    return (data) => Object.fromEntries(entries.map(([k, fn]) => [k, fn(data)]));
  }
  return () => raw;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}
