/** The kit's own schema for each entity kind (layer 1 of validation). */
import type { EntityKind } from "../../layout.js";
import type { Schema } from "./common.js";
import { connectorSchema } from "./connector.js";
import { environmentSchema, infrastructureSchema, serviceSchema } from "./entities.js";
import { pipelineSchema } from "./pipeline.js";
import { projectSchema } from "./project.js";
import { inputSetSchema, triggerSchema } from "./trigger.js";
import { templateSchema } from "./template.js";
import { secretSchema } from "./secret.js";

export const KIND_SCHEMAS: Readonly<Record<EntityKind, Schema>> = {
  project: projectSchema,
  connector: connectorSchema,
  service: serviceSchema,
  environment: environmentSchema,
  infrastructure: infrastructureSchema,
  template: templateSchema,
  pipeline: pipelineSchema,
  inputset: inputSetSchema,
  trigger: triggerSchema,
  secret: secretSchema,
};
