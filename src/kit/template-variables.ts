/**
 * Which answer keys a Handlebars text reads, found from its syntax tree (nothing is run): what
 * `kit check` compares with the answers a generator defines. Inside `{{#each}}`/`{{#with}}` the
 * context changes, so only `@root.x` and `../x` there name answers.
 */
import { createRequire } from "node:module";
import { HELPER_NAMES } from "../render/helpers.js";

const require = createRequire(import.meta.url);
const compiler = (): typeof Handlebars => require("handlebars") as typeof Handlebars;

export interface VariableUse {
  name: string;
  line: number;
  column: number;
}

/** Block helpers whose body runs in another context. */
const CONTEXT_BLOCKS = new Set(["each", "with"]);

type AnyNode = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };

/** Every answer-level variable `text` reads. Throws Handlebars' parse error for bad syntax. */
export function templateVariables(text: string): VariableUse[] {
  const uses: VariableUse[] = [];
  const path = (p: hbs.AST.PathExpression, depth: number): void => {
    const original = p.original;
    if (p.data) {
      if (original.startsWith("@root.")) add(original.slice(6).split(/[.[/]/)[0] ?? "", p);
      return;
    }
    if (p.parts.length === 0 || original === "this" || original.startsWith("this.") || original.startsWith("./")) return;
    if (depth > 0 && p.depth < depth) return;
    add(p.parts[0] ?? "", p);
  };
  const add = (name: string, node: AnyNode): void => {
    if (name !== "") uses.push({ name, line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 });
  };
  const expr = (node: hbs.AST.Expression, depth: number): void => {
    if (node.type === "PathExpression") path(node as hbs.AST.PathExpression, depth);
    else if (node.type === "SubExpression") call(node as hbs.AST.SubExpression, depth);
  };
  const call = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement, depth: number): void => {
    // `(x)` always calls a helper; `{{x}}` does when x is one (Handlebars looks helpers up first).
    const name = node.path.type === "PathExpression" ? (node.path as hbs.AST.PathExpression).original : "";
    const helper = node.type === "SubExpression" || node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || HELPER_NAMES.includes(name);
    if (!helper) expr(node.path as hbs.AST.Expression, depth);
    for (const param of node.params) expr(param, depth);
    for (const pair of node.hash?.pairs ?? []) expr(pair.value, depth);
  };
  const visit = (node: AnyNode | null | undefined, depth: number): void => {
    if (node === null || node === undefined) return;
    if (node.type === "Program") for (const child of (node as hbs.AST.Program).body) visit(child, depth);
    else if (node.type === "MustacheStatement") call(node as hbs.AST.MustacheStatement, depth);
    else if (node.type === "BlockStatement") {
      const block = node as hbs.AST.BlockStatement;
      call(block, depth);
      const name = block.path.type === "PathExpression" ? (block.path as hbs.AST.PathExpression).original : "";
      visit(block.program, CONTEXT_BLOCKS.has(name) ? depth + 1 : depth);
      visit(block.inverse, depth);
    }
  };
  visit(compiler().parse(text), 0);
  return uses;
}
