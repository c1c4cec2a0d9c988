/**
 * The template service's answers (shared/harness-api-templates.md §4–§6). Marks as in messages.ts:
 * [source-code] reproduces Harness's wording; the rest are the emulator's words.
 */
type Where = { account: string; org: string | null; project: string | null };

export const templateDuplicate = (id: string, label: string, w: Where): string =>
  `The template with identifier ${id} and version label ${label} already exists in the account ${w.account}, org ${w.org ?? ""}, project ${w.project ?? ""}`; // [source-code]
export const templateAlreadyExists = (id: string, account: string): string =>
  `The template with identifier ${id} already exists in account ${account}, if you want to create a new version of the template then use save as new version option from the already existing template or if you want to create a new Template then use a different identifier.`; // [source-code]
export const templateNotFound = (id: string, label: string | null): string =>
  `Template with the given Identifier: ${id} and ${label === null ? "stable versionLabel" : `versionLabel: ${label}`} does not exist or has been deleted`; // [source-code]
export const templateMissingOnUpdate = (id: string, label: string): string =>
  `Error while saving template [${id}] of versionLabel [${label}]: Template with identifier [${id}] and versionLabel [${label}] doesn't exist.`; // [source-code] (wrapping likely)
export const templateMissingOnStable = (id: string, label: string): string =>
  `Error while updating template with identifier [${id}] to stable template of versionLabel [${label}]: Template with identifier [${id}] and versionLabel [${label}] doesn't exist.`; // [source-code]
export const templateMissingOnDelete = (id: string, label: string, w: Where): string =>
  `Template with identifier [${id}] and versionLabel [${label}] under Project[${w.project ?? ""}], Organization [${w.org ?? ""}] does not exist.`; // [source-code]
export const templateStableDelete =
  "You cannot delete the stable version of the template. Please update another version as the stable version before deleting this version"; // [source-code]
export const templateReferenced = (id: string): string => `Could not delete the template ${id} as it is referenced by other entities`; // [source-code]
export const forceDeleteOff = "FORCE_DELETE_SETTING_NOT_ENABLED"; // [source-code]
export const noTemplateRoot = 'The provided template yaml does not contain the "template" keyword at the root level'; // [source-code]
export const templateYamlMismatch = (field: "ProjectIdentifier" | "OrgIdentifier" | "Template Identifier" | "VersionLabel"): string =>
  `${field} for template is not matching as in template yaml.`; // [source-code]
export const templateMissingChildType = (type: string): string => `Unable to save the template. Missing property [type] for ${type} template`; // [source-code]
export const templateOtherType = (type: string): string => `Template should have same template entity type ${type} as other template versions`; // [source-code]
export const templateTypeChange = (id: string, label: string): string =>
  `Template with identifier [${id}] and versionLabel [${label}] cannot update the template type`;
export const templateRefMissing = (id: string, label: string | null): string =>
  `The template identifier ${id} and version label ${label ?? "stable"} does not exist. Could not replace this template`; // [source-code]
export const templateInputsMismatch = (ref: string, problems: readonly string[]): string =>
  `Exception in resolving template refs in given pipeline yaml. Template ${ref}: ${problems.join("; ")}`;
export const templateCycle = (ref: string): string => `Exception in resolving template refs in given yaml: template ${ref} refers to itself (directly or through other templates)`;
