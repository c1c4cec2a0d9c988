/**
 * The project request body `{ "project": {...} }` as POST /ng/api/projects takes it
 * (shared/harness-api.md §1.2). Module names are not limited: newer servers accept more than the
 * 2021 list.
 */
import { closed, description, entityName, identifier, tags, text, type Schema } from "./common.js";

export const projectSchema: Schema = closed(
  {
    project: closed(
      {
        orgIdentifier: identifier,
        identifier,
        name: entityName,
        // Harness documents hex colours (#0063F7) but no server check is known, so any text passes.
        color: text,
        modules: { type: "array", items: text, maxItems: 1024 },
        description,
        tags,
      },
      ["identifier", "name"],
    ),
  },
  ["project"],
  { "x-unknown": "error" },
);
