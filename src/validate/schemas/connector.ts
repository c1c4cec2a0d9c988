/**
 * The connector request body `{ "connector": {...} }` (shared/harness-api.md §1.3). The identifier
 * may contain `$` here, unlike in YAML entities.
 */
import { closed, connectorIdentifier, description, entityName, identifier, tags, text, typedSpec, type Schema } from "./common.js";
import { CONNECTOR_TYPES } from "../../rules/connector-types.js";
import { CONNECTOR_SPECS } from "./connector-specs.js";


export const connectorSchema: Schema = closed(
  {
    connector: typedSpec(CONNECTOR_TYPES, "connector type", CONNECTOR_SPECS, {
      properties: {
        name: entityName,
        identifier: connectorIdentifier,
        description,
        accountIdentifier: text,
        orgIdentifier: identifier,
        projectIdentifier: identifier,
        tags,
      },
      required: ["name", "identifier", "spec"],
      closed: true,
    }),
  },
  ["connector"],
  { "x-unknown": "error" },
);
