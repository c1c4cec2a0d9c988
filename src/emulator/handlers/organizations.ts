/**
 * Organizations: `default` exists in every account (as on Harness); others can be created.
 * Data: OrganizationResponse `{organization:{identifier,name,description,tags}, createdAt, lastModifiedAt, harnessManaged}`.
 */
import { FieldChecker } from "../fields.js";
import { orgDuplicate, orgNotFound } from "../messages.js";
import type { Route, RouteContext } from "../route.js";
import { duplicate, notFound } from "../route.js";
import type { EntityRecord, Store } from "../store.js";
import { compact, matchesSearch, newRecord, objectBody } from "./common.js";
import { page } from "../envelopes.js";

export const DEFAULT_ORG = "default";

/** Adds the `default` organization to an account that has none (fresh start or new account). */
export function ensureDefaultOrg(store: Store, account: string, now: number): void {
  const address = { kind: "organization" as const, account, org: null, project: null, identifier: DEFAULT_ORG };
  if (store.get(address) !== undefined) return;
  const entity = { identifier: DEFAULT_ORG, name: "default", description: "Default Organization", tags: {} };
  store.put({ ...newRecord("organization", address, DEFAULT_ORG, entity, now), entity: { ...entity, harnessManaged: true } });
}

function toResponse(r: EntityRecord): Record<string, unknown> {
  const { harnessManaged, ...organization } = r.entity;
  return { organization, createdAt: r.createdAt, lastModifiedAt: r.lastModifiedAt, harnessManaged: harnessManaged === true };
}

function address(ctx: RouteContext, identifier: string) {
  return { kind: "organization" as const, account: ctx.account, org: null, project: null, identifier };
}

export const organizationRoutes: Route[] = [
  {
    method: "POST",
    path: "/ng/api/organizations",
    accepts: ["json", "yaml"],
    handle(ctx) {
      const org = objectBody(ctx, "organization");
      const check = new FieldChecker("organization");
      const identifier = check.identifier(org, "identifier", { allowDollar: true, maxLength: ctx.identifierMaxLength });
      const name = check.name(org, "name", { rule: "entity" });
      const description = check.description(org, "description");
      const tags = check.tags(org, "tags");
      check.done();
      const id = identifier as string;
      if (ctx.store.taken(address(ctx, id))) throw duplicate(ctx, orgDuplicate(id));
      const entity = compact({ identifier: id, name, description: description ?? "", tags: tags ?? {} });
      const record = newRecord("organization", { account: ctx.account, org: null, project: null }, id, entity, ctx.now);
      ctx.store.put(record);
      return toResponse(record);
    },
  },
  {
    method: "GET",
    path: "/ng/api/organizations/{identifier}",
    handle(ctx) {
      const id = ctx.params.identifier as string;
      const record = ctx.store.get(address(ctx, id));
      if (record === undefined) throw notFound(orgNotFound(id));
      return toResponse(record);
    },
  },
  {
    method: "GET",
    path: "/ng/api/organizations",
    handle(ctx) {
      const records = ctx.store.list("organization", { account: ctx.account, org: null, project: null });
      return page(records.filter((r) => matchesSearch(r, ctx.query)).map(toResponse), ctx.query);
    },
  },
];
