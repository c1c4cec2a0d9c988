/**
 * The kit's own Handlebars instance. Helpers are registered once, on a private instance, never on
 * the global one (node-plop registers its helpers globally; we must not depend on or leak into it).
 * Templates may print values only through the quoting helpers; `checkTemplateOutputs` refuses a
 * template that prints a bare `{{value}}`, so an answer can never reach a file unquoted.
 */
import { createRequire } from "node:module";
import { loadPrecompiled } from "../util/load-precompiled.js";
import { registerHelpers } from "./helpers.js";
import { jsonLiteral, yamlInline } from "./quote.js";

const require = createRequire(import.meta.url);

/** Helpers whose output is safe to print: they quote for the target format. */
const OUTPUT_HELPERS = new Set(["json", "yaml"]);

/**
 * Running a template needs only Handlebars' runtime. Its compiler (with source-map) is loaded only
 * for a template that was not precompiled at build time: a `--templates` override, or any
 * template when running from the TS sources.
 */
const runtime = require("handlebars/runtime") as typeof Handlebars;
let compilerModule: typeof Handlebars | undefined;
const compiler = (): typeof Handlebars => (compilerModule ??= require("handlebars") as typeof Handlebars);

const engine = runtime.create();
engine.registerHelper("json", (value: unknown, options: Handlebars.HelperOptions) => jsonLiteral(defined(value, options)));
engine.registerHelper("yaml", (value: unknown, options: Handlebars.HelperOptions) => yamlInline(defined(value, options)));
registerHelpers(engine);

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
  return findUnquotedOutputs(compiler().parse(text));
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

/** Strict, so a misspelt block variable is an error. The same for build time and run time. */
const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** A template as the build stores it: its outputs checked, its code as JavaScript source. */
export interface PrecompiledTemplate {
  text: string;
  problems: TemplateProblem[];
  /** Handlebars' template spec, an object literal in JavaScript source. */
  spec: string;
}

/** Parses once, checks the outputs and turns the same AST into JavaScript source. */
export function precompileTemplate(text: string): PrecompiledTemplate {
  const ast = compiler().parse(text);
  return { text, problems: findUnquotedOutputs(ast), spec: compiler().precompile(ast, COMPILE_OPTIONS) as unknown as string };
}

/**
 * Compiles a template now. It is compiled to source and evaluated, exactly the code the build
 * stores for the built-in templates, so both paths run the same functions. As with
 * Handlebars.compile, code is made on the first render.
 */
export function compileTemplateLive(text: string): CompiledTemplate {
  const ast = compiler().parse(text);
  let template: HandlebarsTemplateDelegate | undefined;
  const render = (data: object): string => {
    template ??= engine.template(evaluateSpec(compiler().precompile(ast, COMPILE_OPTIONS) as unknown as string));
    return template(data);
  };
  return { problems: findUnquotedOutputs(ast), render };
}

function evaluateSpec(spec: string): TemplateSpecification {
  // The spec is Handlebars' own output for a template's text: code the kit made, not input.
  return new Function(`return ${spec};`)() as TemplateSpecification;
}

let builtIn: ReadonlyMap<string, CompiledTemplate> | undefined;

/**
 * The templates the build precompiled, by text (see src/precompile.ts), ready to run; empty when
 * there are none. `dir` is for tests that load another build's.
 */
export function precompiledTemplates(dir?: string): ReadonlyMap<string, CompiledTemplate> {
  const stored = (loadPrecompiled(PRECOMPILED_TEMPLATES, {}, dir)?.value ?? []) as ReadonlyArray<Omit<PrecompiledTemplate, "spec"> & { spec: TemplateSpecification }>;
  return new Map(stored.map((t) => [t.text, { problems: t.problems, render: engine.template(t.spec) }]));
}

export const PRECOMPILED_TEMPLATES = "templates";

/**
 * The compiled form of a template's text: precompiled when the build stored this exact text,
 * else compiled now. Cached by text: the service bootstrap renders some templates several times.
 */
export function compileTemplate(text: string): CompiledTemplate {
  let entry = compiled.get(text);
  if (entry === undefined) {
    builtIn ??= precompiledTemplates();
    entry = builtIn.get(text) ?? compileTemplateLive(text);
    compiled.set(text, entry);
  }
  return entry;
}

/** Every expression text compiled in this process; the build precompiles the built-in kit's. */
export const expressionTexts = new Set<string>();

/**
 * A small expression from a kit (an answer's default, a file's path or key): Handlebars over the
 * answers, printing bare values (the result is a value, not a document). Same helpers, strict.
 * The built-in kit's expressions are precompiled at build time, found by text like templates.
 */
export function compileExpression(text: string): (data: object) => string {
  expressionTexts.add(text);
  builtIn ??= precompiledTemplates();
  const stored = builtIn.get(text);
  if (stored !== undefined) return stored.render;
  const ast = compiler().parse(text);
  const spec = evaluateSpec(compiler().precompile(ast, COMPILE_OPTIONS) as unknown as string);
  const template = engine.template(spec);
  return (data) => template(data);
}

/** The value the last `__value` call saw; rendering is synchronous, so one slot is enough. */
let captured: unknown;
engine.registerHelper("__value", (value: unknown) => {
  captured = value;
  return "";
});

/**
 * An expression whose whole text is one `{{…}}` gives its value itself (a list, a map, a boolean,
 * null), not its printed text: `tags: "{{tags}}"` passes the map on. Any other text renders to a
 * string as compileExpression does.
 */
export function compileValueExpression(text: string): (data: object) => unknown {
  // One plain mustache (no block, comment or partial), told apart without the compiler.
  const single = /^\{\{(?![#/!>^&{~]|else\b)([^{}]*)\}\}$/.exec(text);
  const inner = single?.[1]?.trim();
  if (inner === undefined || inner === "") return compileExpression(text);
  const render = compileExpression(`{{__value ${/\s/.test(inner) ? `(${inner})` : inner}}}`);
  return (data) => {
    captured = undefined;
    render(data);
    return captured;
  };
}
