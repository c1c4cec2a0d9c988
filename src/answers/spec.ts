/**
 * What a generator asks for. One `AnswerSpec` per answer key: its kind (which decides how it is
 * parsed and checked), when it applies, its default and how it is prompted. The same spec drives
 * the prompts, the checks on answers files and `--set`, `harness-scaffold list` and the README.
 */

/** A resolved answer. Lists and maps come from answers files or comma-separated `--set` values. */
export type AnswerValue = string | boolean | string[] | Record<string, string>;
export type Answers = Record<string, AnswerValue>;

export type AnswerKind =
  | "identifier" // Harness identifier rules (pattern, length, reserved words)
  | "name" // Harness name rules for YAML entities (pipelines, services, environments…): 128 characters
  | "entity-name" // a project's, connector's or secret's name: Harness checks these at 64 characters
  | "template-name" // a template's name (Harness's template rule: no leading digit or "-", no ".")
  | "text" // free text (descriptions, shell commands)
  | "url" // http(s) URL
  | "git-url" // https URL or scp-like SSH address (git@host:owner/repo)
  | "choice" // one of `choices`
  | "list" // list of strings; `choices` restricts the items when given
  | "tags" // string→string map: `team:payments,tier:1` on the command line
  | "secret-ref" // a Harness secret identifier, optionally `org.` / `account.` scoped
  | "ref" // an identifier of another entity (e.g. a connector), optionally `org.` / `account.` scoped
  | "token" // one word without spaces (usernames, image references with tags, repository names)
  | "timeout" // a Harness duration such as 10m or 1h30m
  | "version-label" // a template's versionLabel (Harness's rule: no spaces, "/" or "&", up to 64 characters)
  | "namespace" // Kubernetes namespace (DNS-1123 label)
  | "image" // container image repository without tag, e.g. acme/payments-api
  | "color" // #RRGGBB
  | "region" // AWS region, e.g. us-east-1
  | "boolean";

/** Things checks need to know besides the answers, e.g. which pipeline templates exist. */
export interface AnswerContext {
  /** Names of the pipeline templates available (built in and from --templates). */
  pipelineTemplates: readonly string[];
}

/** Earlier answer key → the values for which a later key applies. */
export type Condition = Readonly<Record<string, readonly string[]>>;

export interface AnswerSpec {
  key: string;
  kind: AnswerKind;
  /** The question shown at the prompt. */
  message: string;
  /** A longer explanation for the README and `list`; the message is used when absent. */
  doc?: string;
  /** No default: the run fails (naming the key) when it is missing and cannot be prompted. */
  required?: boolean;
  /** A fixed default, or one computed from earlier answers (then it is reported as derived). */
  default?: AnswerValue | ((answers: Answers) => AnswerValue | undefined);
  /** How the default reads in the README and `list` when it is computed. */
  defaultText?: string;
  choices?: readonly string[] | ((ctx: AnswerContext) => readonly string[]);
  /**
   * The key only applies when every listed earlier key has one of the listed values; a list of
   * such conditions applies when any one of them holds.
   */
  only?: Condition | readonly Condition[];
  /** Ask at the prompt even though there is a default (required keys are always asked). */
  ask?: boolean;
  /** A rule involving other answers; returns one sentence when the value is refused. */
  check?: (value: AnswerValue, answers: Answers) => string | undefined;
  /** Left out of the manifest (kept for future secret-like answers; none carry secret values). */
  sensitive?: boolean;
}

export function choicesOf(spec: AnswerSpec, ctx: AnswerContext): readonly string[] | undefined {
  return typeof spec.choices === "function" ? spec.choices(ctx) : spec.choices;
}

function conditions(spec: AnswerSpec): readonly Condition[] {
  if (spec.only === undefined) return [];
  return Array.isArray(spec.only) ? (spec.only as readonly Condition[]) : [spec.only as Condition];
}

/** True when the spec's `only` conditions hold for the answers so far. */
export function applies(spec: AnswerSpec, answers: Answers): boolean {
  const all = conditions(spec);
  if (all.length === 0) return true;
  return all.some((condition) =>
    Object.entries(condition).every(([key, allowed]) => {
      const value = answers[key];
      return (typeof value === "string" || typeof value === "boolean") && allowed.includes(String(value));
    }),
  );
}

/** Every key the conditions look at (to tell "not applicable" from "not answered yet"). */
export function conditionKeys(spec: AnswerSpec): string[] {
  return [...new Set(conditions(spec).flatMap((c) => Object.keys(c)))];
}

/** "type is DockerRegistry and auth is UsernamePassword" — for docs and error messages. */
export function describeOnly(spec: AnswerSpec): string | undefined {
  const all = conditions(spec);
  if (all.length === 0) return undefined;
  return all
    .map((c) => Object.entries(c).map(([key, allowed]) => `${key} is ${allowed.join(" or ")}`).join(" and "))
    .join(", or ");
}

/** Whether the key is asked at an interactive prompt. */
export function isAsked(spec: AnswerSpec): boolean {
  return spec.required === true || spec.ask === true;
}
