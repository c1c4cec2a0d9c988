/** The words of validation: every message a user reads about their files is written here. */
import { describeValue } from "./labels.js";

const didYouMean = (suggestion: string | undefined): string => (suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`);
const list = (values: readonly string[]): string => values.join(", ");

export const words = {
  // Reading and parsing
  emptyFile: "the file is empty",
  notFound: (path: string) => `"${path}" does not exist`,
  unreadable: (reason: string) => `cannot read the file: ${reason}`,
  binary: "this is a binary file, not YAML or JSON",
  notUtf8: "the file is not UTF-8 text; save it as UTF-8",
  noFiles: (where: string) => `no Harness files (.json, .yaml, .yml) found in ${where}`,
  jsonSyntax: (detail: string) => `invalid JSON: ${detail}`,
  yamlSyntax: (detail: string) => `invalid YAML: ${detail}`,
  multipleDocuments: "the file holds several YAML documents (---); Harness takes one per file",
  duplicateKey: (key: string, firstLine: number) => `key "${key}" is set twice (first on line ${firstLine}); only the last one counts`,
  unknownKind: (keys: readonly string[], expected: readonly string[], suggestion: string | undefined) =>
    keys.length === 0
      ? `cannot tell what this file is: expected a map with one of ${list(expected)} at the top`
      : `cannot tell what this file is: top-level key "${keys[0]}" is not one of ${list(expected)}${didYouMean(suggestion)}`,
  kindMismatch: (placeKind: string, rootKind: string) =>
    `this file sits where ${placeKind} files go, but it holds a ${rootKind}; move it or fix its top-level key`,

  // Schema (layer 1 and 2)
  missingKey: (owner: string, key: string) => `${owner} is missing "${key}"`,
  unknownKey: (key: string, owner: string, suggestion: string | undefined) => `unknown key "${key}" in ${owner}${didYouMean(suggestion)}`,
  unknownType: (label: string, value: unknown, suggestion: string | undefined) => `unknown ${label} ${describeValue(value)}${didYouMean(suggestion)}`,
  notOneOf: (label: string, value: unknown, allowed: readonly string[], suggestion: string | undefined) =>
    suggestion !== undefined
      ? `${label} ${describeValue(value)} is not allowed${didYouMean(suggestion)}`
      : `${label} ${describeValue(value)} is not allowed; use one of ${list(allowed.length > 12 ? [...allowed.slice(0, 12), "..."] : allowed)}`,
  wrongType: (label: string, expected: string, value: unknown) => `${label} must be ${expected}, not ${describeValue(value)}`,
  badFormat: (label: string, value: unknown, expected: string) => `${label} ${describeValue(value)} is not valid: expected ${expected}`,
  empty: (label: string) => `${label} cannot be empty`,
  tooLong: (label: string, limit: number) => `${label} is longer than ${limit} characters`,
  tooFewItems: (label: string, limit: number) => (limit <= 1 ? `${label} needs at least one entry` : `${label} needs at least ${limit} entries`),
  tooManyItems: (label: string, limit: number) => `${label} has more than ${limit} entries`,
  outOfRange: (label: string, comparison: string, limit: number) =>
    `${label} must be ${({ ">=": "at least", "<=": "at most", ">": "more than", "<": "less than" } as Record<string, string>)[comparison] ?? comparison} ${limit}`,
  emptyEntry: (owner: string, expected: string) => `${owner} is empty: expected ${expected}`,
  entryWithout: (owner: string, expected: string) => `${owner} is missing its content: expected ${expected}`,
  crowdedEntry: (owner: string, keys: readonly string[], expected: string) =>
    `${owner} holds ${list(keys.map((k) => `"${k}"`))} together: expected ${expected}, each in an entry of its own`,
  needsOneKey: (owner: string, keys: readonly string[]) => `${owner} needs one of ${list(keys.map((k) => `"${k}"`))}`,
  tooManyKeys: (owner: string, keys: readonly string[]) => `${owner} sets ${list(keys.map((k) => `"${k}"`))}; keep only one`,
  notHere: (label: string, value: unknown, stageType: string | undefined) =>
    `${label} ${describeValue(value)} cannot be used ${stageType === undefined ? "here" : `in a ${stageType} stage`}`,
  noMatch: (label: string, value: unknown) => `${label} ${describeValue(value)} does not match any form Harness accepts here`,
  official: (message: string) => `${message} (Harness pipeline schema)`,

  // Rules (layer 3)
  duplicateIdentifier: (what: string, id: string, firstLine: number | undefined) =>
    `${what} identifier "${id}" is already used${firstLine === undefined ? "" : ` on line ${firstLine}`}; identifiers must be unique in their scope`,
  duplicateEntity: (what: string, id: string, other: string) => `${what} "${id}" is also defined in ${other}`,
  stepNotInStage: (stepType: string, stageType: string) => `step type "${stepType}" cannot be used in a ${stageType} stage`,
  badTimeout: (label: string, value: string) =>
    `${label} "${value}" is not a duration: write it like 10s, 10m, 1h30m or 1d (or <+input>)`,
  refNotFound: (what: string, id: string) => `${what} "${id}" not found locally, must exist in Harness`,
  refNotIdentifier: (field: string, id: string, kind: string, problem: string) =>
    `${field} "${id.length > 40 ? `${id.slice(0, 37)}...` : id}" can never name a Harness ${kind}: ${problem}`,
  refBadCharacter: (char: string, dollar: boolean) =>
    `${char.trim() === "" ? `a ${JSON.stringify(char)} character` : `"${char}"`} is not allowed in an identifier (letters, digits${dollar ? ", _ and $ after the first character" : " and _"}; use the identifier, not the name, or <+input>)`,
  refStartsWithDigit: "an identifier cannot start with a digit",
  refTooLong: (limit: number) => `an identifier has at most ${limit} characters`,
  secretRef: (id: string) => `secret "${id}" not found locally, must exist in Harness`,
  secretRefProjectPrefix: (ref: string) =>
    `secret reference "${ref}" is not valid: write a project secret as "${ref.slice("project.".length)}" (no prefix), or use org.x / account.x`,
  secretRefScope: (ref: string, level: string) =>
    `secret reference "${ref}" names a project secret, which a ${level}-level connector cannot use; use org.x or account.x`,
  secretValueInFile: 'secret values never go in files: remove "value" and set valueSource (env:VAR, file:PATH or prompt)',
  secretSourceMissing: 'the secret has no valueSource: add one of env:VAR, file:PATH (relative to the repository) or prompt',
  secretFileNeedsFile: "a SecretFile takes its content from a file: use valueSource file:PATH",
  secretFileOutside: (file: string) => `valueSource file "${file}" is outside the repository: give a path relative to the repository root, without ".."`,
  sshKeyMissing: "an SSHKey secret needs ssh.keyRef: the identifier of the secret (usually a SecretFile) holding the private key",
  sshPasswordMissing: "an SSHKey secret with credentialType Password needs ssh.passwordRef",
  sshKeyHasNoSource: "an SSHKey has no value of its own: remove valueSource (its key comes from ssh.keyRef)",
  sshOnlyForSshKey: '"ssh" only applies to secrets of type SSHKey',
  scopeMismatch: (field: string, value: string, expected: string, projectFile: string) =>
    `${field} "${value}" does not match ${projectFile} ("${expected}")`,
  infraOfOtherEnvironment: (infra: string, owner: string, used: string) =>
    `infrastructure "${infra}" belongs to environment "${owner}", but this stage deploys to "${used}"`,
  inheritNeedsSelectors: "a K8sCluster connector with InheritFromDelegate credentials needs delegateSelectors naming the delegate to inherit from",
  inheritHasSpec: "a K8sCluster connector with InheritFromDelegate credentials takes no credential spec; remove it",
  awsInheritNeedsSelectors: "an Aws connector with InheritFromDelegate credentials needs delegateSelectors naming the delegate to inherit from",
  githubAccountNeedsRepo: "a Github connector of type Account needs validationRepo (a repository used to test the connection)",
  wrongPipelineFolder: (what: string, pipeline: string, folder: string) =>
    `this ${what} is for pipeline "${pipeline}" but sits in the folder of pipeline "${folder}"; move it to ${what === "trigger" ? "triggers" : "inputsets"}/${pipeline}/ or fix the pipeline identifier`,
  inputSetOfOtherPipeline: (id: string, owner: string, pipeline: string, file: string) =>
    `input set "${id}" belongs to pipeline "${owner}" (${file}), not to "${pipeline}"; a run can only use input sets of its own pipeline`,
  inputNotRuntime: (field: string, pipeline: string, file: string) =>
    `${field} is not a runtime input of pipeline "${pipeline}" (${file}): Harness ignores the value or fails the run; set it in the pipeline, or make the field <+input> there`,
  inputBadValue: (field: string, expected: string, spec: string) => `the value for ${field} does not fit the runtime input ${spec}: expected ${expected}`,
  inputMissing: (pipeline: string, fields: readonly string[]) =>
    `the trigger leaves out runtime input${fields.length === 1 ? "" : "s"} of pipeline "${pipeline}": ${fields.join(", ")}; give ${fields.length === 1 ? "it a value" : "them values"} in inputYaml or an input set, or the run fails waiting for input`,
  inputYamlSyntax: (detail: string) => `inputYaml is not valid YAML: ${detail}`,
  inputYamlRoot: "inputYaml must be YAML with a pipeline: map at the top (the pipeline's runtime inputs and their values)",
  inputWrongPipeline: (named: string, pipeline: string) =>
    `inputYaml is for pipeline "${named}", but the trigger starts "${pipeline}"; use pipeline identifier "${pipeline}"`,
  cronSyntax: (expression: string, detail: string) => `cron expression "${expression}" is not valid: ${detail}`,
  cronTooOften: (expression: string, minutes: number) =>
    `cron expression "${expression}" runs ${minutes < 1 ? "more than once a minute" : `every ${minutes} minute${minutes === 1 ? "" : "s"}`}; Harness needs at least 5 minutes between runs`,
  badTimeZone: (zone: string) => `time zone "${zone}" is not known; use an IANA name such as UTC, Europe/Berlin or America/New_York`,
  pushWithoutBranch: "this push trigger has no branch condition, so every push to any branch starts the pipeline; add a payloadCondition { key: targetBranch, operator: Equals, value: <branch> } (or a jexlCondition)",
  templateTypeMismatch: (type: string, childType: string) =>
    `a ${type} template needs a ${type.toLowerCase()} type in spec.type, but "${childType}" is a ${type === "Stage" ? "step" : "stage"} type; change the template type or spec.type`,
  templateRefInvalid: (ref: string, harness: string) => `templateRef "${ref}" is not a template reference: ${harness}`,
  templateRefScope: (ref: string, harness: string) => `templateRef "${ref}": ${harness}; move the template up, or use org.<id> or account.<id>`,
  templateVersionNotFound: (ref: string, label: string, local: readonly string[]) =>
    `template "${ref}" has no version "${label}" here (local versions: ${list(local)}); add templates/<identifier>/${label}.yaml or pick one of those`,
  templateStableUnknown: (ref: string, tag: string) =>
    `template "${ref}" has several local versions and none is tagged ${tag}: "true"; its inputs are not checked (set versionLabel, or tag the stable version)`,
  templateStableTwice: (id: string, other: string) => `template "${id}" is also tagged stable in ${other}; only one version can be stable`,
  templateInput: (kind: string, path: string, template: string, expected: string | undefined) =>
    kind === "missing"
      ? `templateInputs is missing "${path}", a runtime input of template ${template}`
      : kind === "unknown"
        ? `templateInputs sets "${path}", which is not a runtime input of template ${template}; remove it`
        : `templateInputs "${path}" must be ${expected ?? "another kind of value"}, as in template ${template}`,
  templateMisplaced: (field: string, value: string, expected: string) =>
    `${field} "${value}" does not match the file's place ("${expected}"); template versions live in templates/<identifier>/<versionLabel>.yaml`,
  templateCycle: (circle: readonly string[]) => `templates use each other in a circle: ${circle.join(" → ")}; Harness cannot resolve them`,
  projectScopeMissing: (what: string) => `${what} has projectIdentifier but no orgIdentifier; Harness needs both for a project-level entity`,
};
