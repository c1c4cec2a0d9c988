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
