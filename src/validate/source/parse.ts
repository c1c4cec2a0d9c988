/**
 * Parses one file into a JS value plus the YAML syntax tree that locates every node in the
 * original text. JSON files are parsed twice: strictly by JSON.parse (what the publisher sends must
 * be JSON) and by the `yaml` package for positions, JSON being valid YAML.
 */
import { isScalar, LineCounter, parseDocument, visit, type Document, type Node, type Pair } from "yaml";
import { valuesOf } from "../../util/yaml-values.js";
import type { PointerIssue } from "../types.js";
import { words } from "../messages.js";

export interface ParsedSource {
  file: string;
  text: string;
  format: "json" | "yaml";
  /** The document's value; undefined when it could not be parsed at all. */
  value: unknown;
  document: Document.Parsed | undefined;
  lineCounter: LineCounter;
  /** Syntax problems found while parsing; positions are byte offsets into `text`. */
  problems: OffsetIssue[];
}

export interface OffsetIssue extends Omit<PointerIssue, "path" | "at"> {
  offset: number;
  end?: number;
}

export function formatOf(file: string): "json" | "yaml" {
  return file.toLowerCase().endsWith(".json") ? "json" : "yaml";
}

export function parseSource(file: string, text: string): ParsedSource {
  const format = formatOf(file);
  const lineCounter = new LineCounter();
  const problems: OffsetIssue[] = [];
  const parsed: ParsedSource = { file, text, format, value: undefined, document: undefined, lineCounter, problems };
  if (text.trim() === "") {
    problems.push({ offset: 0, severity: "error", code: "empty-file", message: words.emptyFile });
    return parsed;
  }
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, merge: true, prettyErrors: false });
  parsed.document = document;
  if (format === "json") {
    try {
      parsed.value = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = /position (\d+)/.exec(message);
      const offset = at ? Number(at[1]) : text.length;
      problems.push({ offset, severity: "error", code: "syntax", message: words.jsonSyntax(message.replace(/ in JSON at position \d+.*$/, "")) });
      return parsed;
    }
  }
  // After the first syntax error the parser's further complaints are mostly its consequences.
  for (const error of document.errors.slice(0, 1)) {
    const code = error.code === "MULTIPLE_DOCS" ? "multiple-documents" : "syntax";
    const message = code === "multiple-documents" ? words.multipleDocuments : words.yamlSyntax(firstLine(error.message));
    problems.push({ offset: error.pos[0], end: error.pos[1], severity: "error", code, message });
  }
  for (const warning of document.warnings) {
    problems.push({ offset: warning.pos[0], end: warning.pos[1], severity: "warning", code: "yaml-warning", message: firstLine(warning.message) });
  }
  problems.push(...duplicateKeys(document, lineCounter));
  if (document.errors.length > 0) return parsed;
  if (format === "yaml") {
    const values = valuesOf(document);
    if (values.ok) parsed.value = values.value;
    else problems.push({ offset: values.problem.offset, severity: "error", code: "syntax", message: words.yamlSyntax(values.problem.message) });
  }
  return parsed;
}

/** A key set twice in one map: YAML and JSON parsers keep the last one silently. */
function duplicateKeys(document: Document.Parsed, lineCounter: LineCounter): OffsetIssue[] {
  const found: OffsetIssue[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Map<string, Node>();
      for (const pair of map.items as Pair<unknown, unknown>[]) {
        const key = pair.key;
        if (!isScalar(key) || typeof key.value === "symbol") continue;
        const name = String(key.value);
        const first = seen.get(name);
        if (first === undefined) {
          seen.set(name, key);
          continue;
        }
        found.push({
          offset: key.range?.[0] ?? 0,
          end: key.range?.[1],
          severity: "error",
          code: "duplicate-key",
          message: words.duplicateKey(name, lineCounter.linePos(first.range?.[0] ?? 0).line),
        });
      }
    },
  });
  return found;
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "").trim();
}
