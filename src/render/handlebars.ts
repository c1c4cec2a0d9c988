/**
 * The kit's own Handlebars instance. Helpers are registered once, on a private instance, never on
 * the global one (node-plop registers its helpers globally; we must not depend on or leak into it).
 * Templates may print values only through the quoting helpers; `checkTemplateOutputs` refuses a
 * template that prints a bare `{{value}}`, so an answer can never reach a file unquoted.
 */
import Handlebars from "handlebars";
import { jsonLiteral, yamlInline } from "./quote.js";

/** Helpers whose output is safe to print: they quote for the target format. */
const OUTPUT_HELPERS = new Set(["json", "yaml"]);

const engine = Handlebars.create();
engine.registerHelper("json", (value: unknown) => jsonLiteral(value));
engine.registerHelper("yaml", (value: unknown) => yamlInline(value));
engine.registerHelper("eq", (a: unknown, b: unknown) => a === b);
engine.registerHelper("ne", (a: unknown, b: unknown) => a !== b);
engine.registerHelper("or", (...args: unknown[]) => args.slice(0, -1).some(Boolean));
engine.registerHelper("and", (...args: unknown[]) => args.slice(0, -1).every(Boolean));
engine.registerHelper("includes", (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item));

export interface TemplateProblem {
  line: number;
  column: number;
  message: string;
}

type Node = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };

/** Finds every place a template prints something without a quoting helper. */
export function checkTemplateOutputs(text: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const visit = (node: Node | null | undefined): void => {
    if (node === null || node === undefined) return;
    if (node.type === "MustacheStatement") {
      const m = node as hbs.AST.MustacheStatement;
      const head = m.path.type === "PathExpression" ? (m.path as hbs.AST.PathExpression).original : "";
      if (!OUTPUT_HELPERS.has(head) || m.params.length !== 1) {
        problems.push({
          line: m.loc.start.line,
          column: m.loc.start.column + 1,
          message: `prints {{${head || "…"}}} without a quoting helper; write {{json ${head}}} or {{yaml ${head}}}`,
        });
      }
    } else if (node.type === "PartialStatement" || node.type === "PartialBlockStatement" || node.type === "DecoratorBlock") {
      const loc = node.loc;
      problems.push({ line: loc?.start.line ?? 1, column: (loc?.start.column ?? 0) + 1, message: "partials and decorators are not supported" });
    } else if (node.type === "BlockStatement") {
      const b = node as hbs.AST.BlockStatement;
      visit(b.program);
      visit(b.inverse);
    } else if (node.type === "Program") {
      for (const child of (node as hbs.AST.Program).body) visit(child);
    }
  };
  visit(engine.parse(text));
  return problems;
}

/** Compiles a template on the private instance; strict so a misspelt variable is an error. */
export function compileTemplate(text: string): (data: object) => string {
  return engine.compile(text, { noEscape: true, strict: true, knownHelpersOnly: false });
}
