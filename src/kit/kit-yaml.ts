/**
 * kit.yaml as text → its value plus a way to point at any part of it (kit.yaml:line:col), so
 * every problem `kit check` or the loader finds names the exact place to fix.
 */
import type { Node as YamlNode } from "yaml";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { valuesOf } from "../util/yaml-values.js";

export type YamlPath = ReadonlyArray<string | number>;

/** Rules kit.yaml's parts share (parse-kit.ts, include-parse.ts). */
export const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
export const GENERATOR_NAME = /^[a-z][a-z0-9-]*$/;
export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export interface KitIssue {
  /** `kit.yaml:3:5` or `templates/x.hbs:2:7` as shown to the user. */
  at: string;
  message: string;
}

export interface KitYaml {
  value: unknown;
  /** The place of the value at `path` (or of its key with `key`); the nearest existing parent otherwise. */
  at(path: YamlPath, key?: boolean): string;
  /** Parse errors (syntax, duplicate keys). */
  errors: KitIssue[];
}

export function readKitYaml(text: string, shown: string): KitYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number): string => {
    const { line, col } = lines.linePos(offset);
    return `${shown}:${line}:${col}`;
  };
  const errors = doc.errors.map((e) => ({ at: pos(e.pos[0]), message: e.message.split("\n")[0] ?? "cannot parse" }));
  const at = (path: YamlPath, key = false): string => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const step of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        if (pair === undefined) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof step === "number" && node.items[step] !== undefined) {
        node = node.items[step];
      } else break;
    }
    const target = (key && keyNode !== undefined ? keyNode : (node ?? keyNode)) as YamlNode | null | undefined;
    return pos(target?.range?.[0] ?? 0);
  };
  if (errors.length > 0) return { value: undefined, at, errors };
  // A kit is outside input: its aliases expand within the same limit as every YAML read.
  const values = valuesOf(doc);
  if (!values.ok) return { value: undefined, at, errors: [{ at: pos(values.problem.offset), message: values.problem.message }] };
  return { value: values.value, at, errors };
}
