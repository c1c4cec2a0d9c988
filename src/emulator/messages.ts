/**
 * Every message text the emulator answers with, in one place. Templates marked [source-code]
 * or [confirmed] reproduce Harness's own wording (shared/harness-api.md §1–§2); the rest are
 * the emulator's words where Harness's exact text is unknown ([UNCONFIRMED] there).
 */

export const projectDuplicate = (id: string, org: string): string =>
  `A project with identifier ${id} and orgIdentifier ${org} is already present or was deleted`; // [source-code]
export const projectNotFound = (org: string, id: string): string =>
  `Project with orgIdentifier [${org}] and identifier [${id}] not found`; // [source-code]
export const orgDuplicate = (id: string): string =>
  `An organization with identifier ${id} is already present or was deleted`; // [source-code]
export const orgNotFound = (id: string): string => `Organization with identifier [${id}] not found`;

export const connectorDuplicate = (id: string): string => `Connector [${id}] already exists`; // [source-code]
export const connectorNameDuplicate = (name: string): string => `Connector with name [${name}] already exists`;
/** [source-code] ConnectorErrorMessagesHelper: the scope parts appear only when set. */
export function connectorNotFound(id: string, account: string, org: string | null, project: string | null): string {
  let text = `No connector exists with the identifier ${id} in account ${account}`;
  if (org !== null) text += `, organisation ${org}`;
  if (project !== null) text += `, project ${project}`;
  return text;
}

export const pipelineDuplicate = (id: string, project: string, org: string): string =>
  `Pipeline [${id}] under Project[${project}], Organization [${org}] already exists or has been deleted.`; // [source-code]
export const pipelineNotFound = (id: string): string =>
  `Pipeline with the given ID: ${id} does not exist or has been deleted.`; // [source-code]
export const pipelineMissingOnChange = (id: string, project: string, org: string): string =>
  `Pipeline [${id}] under Project[${project}], Organization [${org}] does not exist.`; // [source-code] (delete)

type ScopeWords = { org: string | null; project: string | null };
const where = (s: ScopeWords): string => `Project[${s.project ?? ""}], Organization [${s.org ?? ""}]`;
export const serviceDuplicate = (id: string, s: ScopeWords): string => `Service [${id}] under ${where(s)} already exists`;
export const serviceNotFound = (id: string, s: ScopeWords): string =>
  `Service with identifier [${id}] in project [${s.project ?? ""}], org [${s.org ?? ""}] not found`;
export const environmentDuplicate = (id: string, s: ScopeWords): string => `Environment [${id}] under ${where(s)} already exists`;
export const environmentNotFound = (id: string, s: ScopeWords): string =>
  `Environment with identifier [${id}] in project [${s.project ?? ""}], org [${s.org ?? ""}] not found`;
export const infrastructureDuplicate = (id: string, env: string, s: ScopeWords): string =>
  `Infrastructure [${id}] under Environment [${env}] ${where(s)} already exists`;
export const infrastructureNotFound = (id: string, env: string, s: ScopeWords): string =>
  `Infrastructure with identifier [${id}] in project [${s.project ?? ""}], org [${s.org ?? ""}], environment [${env}] not found`;

// Triggers and input sets (harness-api-triggers.md §1.2, §4). Harness wraps every trigger save error.
export const triggerSaveFailed = (detail: string): string => `Failed while Saving Trigger: ${detail}`; // [source-code]
export const triggerUpdateFailed = (detail: string): string => `Failed while updating Trigger: ${detail}`; // [source-code]
export const triggerDuplicate = (id: string): string => `Trigger [${id}] already exists or is soft deleted`; // [source-code]
export const triggerNotFound = (id: string): string => `Trigger ${id} does not exist`; // [source-code]
export const triggerIdMismatch = "Identifier in url and yaml do not match"; // [source-code]
export const triggerNoRoot = "the yaml must have a trigger: mapping at its root"; // emulator wording (Jackson's is unknown)
export const triggerBlank = { identifier: "Identifier can not be empty", name: "Name can not be empty", pipelineIdentifier: "Pipeline identifier can not be empty" } as const; // [source-code]
export const triggerIdPattern = "Trigger identifier must start with a letter or underscore and can contain only letters, digits and underscores"; // [source-code] (prefix)
export const triggerNamePattern = "Trigger name must start with a letter, number, underscore, hyphen, or dot and can contain only letters, digits, spaces, underscores, hyphens and dots"; // [source-code] (prefix)
export const cronTooOften = "Cron interval must be greater than or equal to 5 minutes"; // [source-code] (prefix)
export const cronInvalid = (detail: string): string => `Invalid cron expression: ${detail}`; // emulator wording
export const unknownTimeZone = (zone: string): string => `Unknown time-zone ID: ${zone}`; // Java ZoneId's wording
export const webhookConnectorMissing = (detail: string): string => `Failed to fetch connector details: ${detail}`; // [source-code] (prefix)
export const webhookNotGithub = (ref: string): string => `Connector [${ref}] is not a Github connector`; // emulator wording
export const webhookNoApiAccess = (ref: string): string =>
  `Failed to register webhook: connector [${ref}] has no API access; enable API access with a token that has the repo and admin:repo_hook scopes`; // emulator wording
export const webhookTokenMissing = (ref: string, secret: string): string =>
  `Failed to register webhook: the API access token secret [${secret}] of connector [${ref}] does not exist`; // emulator wording

export const inputSetNotFound = (id: string): string => `InputSet with the given ID: ${id} does not exist or has been deleted`; // [source-code]
export const inputSetDuplicate = (id: string, s: ScopeWords, pipeline: string): string =>
  `Input set [${id}] under Project[${s.project ?? ""}], Organization [${s.org ?? ""}] for Pipeline [${pipeline}] already exists`; // [source-code]
export const inputSetIdEmpty = "Identifier cannot be empty"; // [source-code]
export const inputSetIdTooLong = (max: number): string => `Input Set identifier length cannot be more that ${max} characters.`; // [source-code] (127)
export const inputSetIdPattern = (id: string): string => `InputSet Identifier cannot contain special characters or spaces: [${id}]`; // [source-code]
export const inputSetNoPipeline = "Input Set provides no values for any runtime input, or the pipeline has no runtime input"; // [source-code]
export const inputSetNoPipelineId = "Pipeline identifier is missing in the YAML. Please give a valid Pipeline identifier"; // [source-code] (prefix)
export const inputSetPipelineMismatch = "Pipeline identifier in input set does not match"; // [source-code]
export const inputSetInputInList = "Input set contains runtime input marker '<+input>' wrapped inside a list, which is not supported"; // [source-code] (prefix)
export const inputSetPipelineMissing = (pipeline: string, s: ScopeWords): string =>
  `Pipeline [${pipeline}] under Project[${s.project ?? ""}], Organization [${s.org ?? ""}] doesn't exist or has been deleted.`; // [source-code]
export const inputSetIdMismatch = (inPath: string, inYaml: string): string =>
  `Input Set Identifier : ${inPath} in input set request doesn't match with identifier : ${inYaml} given in yaml`; // [source-code]
export const inputSetNotUpdated = (id: string): string => `Error while updating input set [${id}]: Input Set [${id}] could not be updated`; // likely wrapping
export const inputSetNotDeleted = (id: string, pipeline: string, s: ScopeWords): string =>
  `InputSet [${id}] for Pipeline [${pipeline}] under Project[${s.project ?? ""}], Organization [${s.org ?? ""}] could not be deleted.`; // [source-code]
export const inputSetNoRoot = (root: string): string => `the yaml must have a ${root}: mapping at its root`; // emulator wording

export const scopeMismatch = "Invalid request, scope in payload and params do not match.";
export const projectWithoutOrg = "orgIdentifier is required when projectIdentifier is given";
export const identifierMismatch = (what: string, inPath: string, inBody: string): string =>
  `${what} identifier in the request path [${inPath}] does not match the identifier in the body [${inBody}]`;
export const yamlFieldMismatch = (field: string, body: string, yaml: string): string =>
  `${field} in the request body [${body}] does not match ${field} in the yaml [${yaml}]`;

export const missingApiKey = "Invalid API token: the request has no x-api-key header";
export const invalidApiKey = "Invalid API token";
export const accountDenied = (account: string): string => `The API key is not authorized for account ${account}`;

export const unknownRoute = (method: string, path: string): string => `HTTP 404 Not Found: no endpoint ${method} ${path}`;
export const methodNotAllowed = (method: string, allowed: readonly string[]): string =>
  `HTTP 405 Method Not Allowed: ${method} is not supported here (allowed: ${allowed.join(", ")})`;
export const unsupportedMedia = (got: string | undefined, accepted: readonly string[]): string =>
  `HTTP 415 Unsupported Media Type: Content-Type ${got === undefined ? "is missing" : `"${got}" is not accepted`}; send ${accepted.join(" or ")}`;
export const bodyTooLarge = (limit: number): string => `Request body is larger than the limit of ${limit} bytes`;
export const rateLimited = "Too many requests: the rate limit for this API key was exceeded, retry later";
export const stateNotSaved = "The emulator could not save its state file; the change may not survive a restart";
export const unexpected = "Oops, something went wrong on our end. Please contact Harness Support.";
