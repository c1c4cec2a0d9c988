/**
 * A kit as data: what kit.yaml declares, after parsing and checking. Every field keeps the
 * place it was written (`at`: kit.yaml:line:col) so errors found later can point back at it.
 */
import type { AnswerKind, AnswerValue } from "../answers/spec.js";
import type { GeneratorSpec } from "../generate/spec.js";
import type { TemplateSet } from "../render/templates.js";
import type { KitInclude } from "./include-parse.js";
import type { KitMigration } from "./migrations.js";

export type FilePolicy = "managed" | "once" | "enforced";
export const FILE_POLICIES: readonly FilePolicy[] = ["managed", "once", "enforced"];

/** `when:` — every key has one of the values; a list of such mappings applies when any one holds. */
export type KitCondition = Record<string, ReadonlyArray<string>>;

export interface KitAnswer {
  key: string;
  kind: AnswerKind;
  message: string;
  description?: string;
  required: boolean;
  /** A literal, or a string with `{{…}}`: a Handlebars expression over earlier answers. */
  default?: AnswerValue;
  choices?: string[];
  when?: KitCondition[];
  prompted: boolean;
  pattern?: string;
  patternMessage?: string;
  /** Expression over the answers and `value`: rendering any text refuses the value with that text. */
  validate?: string;
  /** How `list` and the README show a computed default. */
  defaultText?: string;
  /** Choices taken from the templates available: `pipeline-templates` (templates/pipeline/*.yaml.hbs). */
  choicesFrom?: "pipeline-templates";
  at: string;
}

export interface KitFile {
  /** Relative to the kit's templates/ folder. */
  template: string;
  /** Handlebars expression giving the file's path in the out dir. */
  path: string;
  /** Answer key of a list: one file per element, the template and path see `item` and `index`. */
  each?: string;
  /** Expression naming an `each` element (default: the item itself). */
  key?: string;
  policy: FilePolicy;
  /** Only rendered when this holds (same form as an answer's `when`). */
  when?: KitCondition[];
  /** Expression over the answers: the file is rendered only when it renders some text (beyond equal-value `when`). */
  if?: string;
  /** project.json only: the identifier the document must hold (default: whatever it names). */
  identifier?: string;
  /** Values the template sees over the answers (see with-values.ts). */
  with?: Record<string, unknown>;
  at: string;
}

export interface KitGenerator {
  name: string;
  description: string;
  answers: KitAnswer[];
  files: KitFile[];
  at: string;
}

export interface KitDefinition {
  name: string;
  version: string;
  description: string;
  /** This kit's own generators (included ones are only in `Kit.specs`). */
  generators: KitGenerator[];
  /** Kits whose generators this kit reuses (src/kit/include.ts). */
  include?: KitInclude[];
  /** Renamed answers and moved files per version (src/kit/migrations.ts). */
  migrations?: KitMigration[];
}

/** Where the kit came from, as recorded in the manifest. */
export interface KitSource {
  /** What the user gave: a folder, a package name, or "built-in". */
  source: string;
  /** Absolute path of the kit's folder. */
  dir: string;
  /** kit.yaml as shown in messages (relative to cwd when inside it). */
  shownFile: string;
  /** Set when `source` named an installed npm package rather than a folder. */
  fromPackage?: boolean;
}

export interface Kit extends KitDefinition {
  origin: KitSource;
  templates: TemplateSet;
  /** The generators in the generic shape `generate` runs: its own, then the included ones. */
  specs: GeneratorSpec[];
}
