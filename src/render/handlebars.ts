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
engine.registerHelper("json", (value: unknown, options: Handlebars.HelperOptions) => jsonLiteral(defined(value, options)));
engine.registerHelper("yaml", (value: unknown, options: Handlebars.HelperOptions) => yamlInline(defined(value, options)));
engine.registerHelper("eq", (a: unknown, b: unknown) => a === b);
engine.registerHelper("ne", (a: unknown, b: unknown) => a !== b);
engine.registerHelper("or", (...args: unknown[]) => args.slice(0, -1).some(Boolean));
engine.registerHelper("and", (...args: unknown[]) => args.slice(0, -1).every(Boolean));
engine.registerHelper("includes", (list: unknown, item: unknown) => Array.isArray(list) && list.includes(item));

/**
 * Strict mode does not reach helper arguments, so a misspelt `{{json nmae}}` would print null.
 * Template data holds null (never undefined) for answers that do not apply, so undefined here
 * always means a variable the template names does not exist.
 */
function defined(value: unknown, options: Handlebars.HelperOptions): unknown {
  if (value !== undefined) return value;
  const loc = (options as { loc?: hbs.AST.SourceLocation }).loc;
  const at = loc === undefined ? "" : ` at ${loc.start.line}:${loc.start.column + 1}`;
  throw new Error(`the value printed${at} is not defined (a misspelt or unknown variable)`);
}

export interface TemplateProblem {
  line: number;
  column: number;
  message: string;
}

type Node = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };

/** Finds every place a template prints something without a quoting helper. */
export function checkTemplateOutputs(text: string): TemplateProblem[] {
  return findUnquotedOutputs(engine.parse(text));
}

function findUnquotedOutputs(program: hbs.AST.Program): TemplateProblem[] {
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
  visit(program);
  return problems;
}

export interface CompiledTemplate {
  /** Places that print without a quoting helper; a template with any is never run. */
  problems: TemplateProblem[];
  render: (data: object) => string;
}

const compiled = new Map<string, CompiledTemplate>();

/**
 * Parses once, checks the outputs, compiles the same AST (strict, so a misspelt block variable is
 * an error). Cached by text: the service bootstrap renders some templates several times.
 */
export function compileTemplate(text: string): CompiledTemplate {
  let entry = compiled.get(text);
  if (entry === undefined) {
    const ast = engine.parse(text);
    entry = { problems: findUnquotedOutputs(ast), render: engine.compile(ast, { noEscape: true, strict: true }) };
    compiled.set(text, entry);
  }
  return entry;
}
