/**
 * Reads the flat request bodies of services, environments and infrastructures
 * (`{identifier, orgIdentifier, projectIdentifier, name, description, tags, …, yaml}`,
 * shared/harness-api.md §1.5). A field may be given in the body, in the YAML, or both; when both,
 * they must agree. Without YAML (services, environments) the emulator writes one, as Harness does.
 */
import { stringify } from "yaml";
import { parseYaml } from "../body.js";
import { FieldChecker } from "../fields.js";
import type { Json } from "../fields.js";
import { yamlFieldMismatch } from "../messages.js";
import type { RouteContext } from "../route.js";
import { enforceOnYaml } from "../kit-rules.js";
import { invalidRequest } from "../route.js";
import { bodyScope } from "../scope.js";
import type { Scope } from "../store.js";
import { checkYamlEntity, yamlField } from "../yaml-entity.js";
import type { YamlKind } from "../yaml-entity.js";
import { compact, objectBody } from "./common.js";

export interface FlatKindConfig {
  kind: Exclude<YamlKind, "pipeline">;
  yamlRoot: string;
  yamlRequired: boolean;
  /** Kind-specific fields shared by body and YAML (e.g. environment `type`). */
  extraFields: readonly string[];
  /** Extra fields that must end up set. */
  requiredExtras: readonly string[];
}

export interface FlatEntity {
  scope: Scope;
  entity: Json;
}

const COMMON = ["identifier", "name", "description", "tags", "orgIdentifier", "projectIdentifier"] as const;

export function readFlatRequest(ctx: RouteContext, config: FlatKindConfig): FlatEntity {
  const body = objectBody(ctx);
  const pre = new FieldChecker("");
  const yamlText = yamlField(pre, body, config.yamlRequired);
  pre.done();
  const doc = yamlText === undefined ? undefined : parseYaml(yamlText);
  const fromYaml: Json = yamlText === undefined ? {} : checkYamlEntity(config.kind, doc, ctx.identifierMaxLength);

  const merged: Json = {};
  for (const field of [...COMMON, ...config.extraFields]) {
    const inBody = body[field];
    const inYaml = fromYaml[field];
    const bodySet = inBody !== undefined && inBody !== null && inBody !== "";
    const yamlSet = inYaml !== undefined && inYaml !== null && inYaml !== "";
    if (bodySet && yamlSet && JSON.stringify(inBody) !== JSON.stringify(inYaml)) {
      throw invalidRequest(yamlFieldMismatch(field, typeof inBody === "string" ? inBody : JSON.stringify(inBody), typeof inYaml === "string" ? inYaml : JSON.stringify(inYaml)));
    }
    merged[field] = bodySet ? inBody : yamlSet ? inYaml : undefined;
  }
  const scope = bodyScope(ctx, merged);

  const check = new FieldChecker("");
  check.identifier(merged, "identifier", { allowDollar: false, maxLength: ctx.identifierMaxLength });
  check.name(merged, "name");
  check.description(merged, "description");
  check.tags(merged, "tags");
  for (const field of config.extraFields) {
    if (config.requiredExtras.includes(field)) check.required(merged, field);
    else check.optional(merged, field);
  }
  if (config.kind === "environment") check.oneOf(merged, "type", ["PreProduction", "Production"]);
  check.done();

  const entity = compact({
    accountId: ctx.account,
    ...merged,
    description: merged.description ?? "",
    tags: merged.tags ?? {},
  });
  entity.yaml = yamlText ?? generatedYaml(config, entity);
  enforceOnYaml(config.kind, doc ?? parseYaml(entity.yaml as string), entity.yaml as string);
  return { scope, entity };
}

/** The YAML Harness would hold for an entity created from fields only. */
function generatedYaml(config: FlatKindConfig, entity: Json): string {
  const { accountId: _account, yaml: _yaml, ...fields } = entity;
  const ordered = compact({ name: fields.name, identifier: fields.identifier, ...fields });
  return stringify({ [config.yamlRoot]: ordered });
}

