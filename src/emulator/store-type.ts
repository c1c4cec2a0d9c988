/**
 * Where a pipeline or template is stored (Git Experience). An account whose default is REMOTE
 * keeps a new entity in Git unless the create says `storeType=INLINE` (shared/harness-api.md §1.4,
 * harness-api-templates.md §1a: likely, so switchable with `defaultStoreType`). The emulator keeps
 * no Git, so under REMOTE it refuses a create that would go there, as the remote save would fail
 * without a connector and repository.
 */
import { ApiError } from "./envelopes.js";
import type { RouteContext } from "./route.js";

export type StoreType = "INLINE" | "REMOTE";

const say = {
  badValue: (value: string) => `Invalid value for storeType: ${value}. Allowed values are INLINE and REMOTE`,
  remoteNeedsGit: (what: string) =>
    `The account stores new ${what}s in Git by default (REMOTE): pass connectorRef, repoName and filePath, ` +
    "or storeType=INLINE to keep it in Harness (emulated --default-store-type REMOTE)",
  remoteUnsupported: "Remote (Git) storage is not emulated; send storeType=INLINE",
  // harness-api-triggers.md §3, rule 9: the input set's store must be its pipeline's.
  inputSetMismatch: "Input Set storeType: REMOTE does not match with Pipeline storeType: INLINE",
};

/**
 * Throws Harness-style 400s unless this create stores the entity inline. (Every pipeline the
 * emulator holds is inline, so an input set that would go to Git mismatches its pipeline.)
 */
export function requireInlineCreate(ctx: RouteContext, what: "pipeline" | "template" | "input set"): void {
  const asked = ctx.query.get("storeType");
  if (asked !== null && asked !== "INLINE" && asked !== "REMOTE") throw new ApiError(400, "INVALID_REQUEST", say.badValue(asked));
  const effective = (asked ?? ctx.defaultStoreType) as StoreType;
  if (effective === "INLINE") return;
  if (what === "input set") throw new ApiError(400, "INVALID_REQUEST", say.inputSetMismatch);
  throw new ApiError(400, "INVALID_REQUEST", asked === null ? say.remoteNeedsGit(what) : say.remoteUnsupported);
}
