/**
 * `plan`: what publish would do, entity by entity in publish order, without writing anything.
 * Only GETs are sent.
 */
import path from "node:path";
import { PUBLISH_ORDER } from "../layout.js";
import type { Issue } from "../validate/types.js";
import { repositoryRoot, sourceAvailability } from "../secrets/value-source.js";
import { mapLimit } from "./map-limit.js";
import type { PlanItem } from "./plan-entity.js";
import { NewParents, planEntity } from "./plan-entity.js";
import type { ConnectOptions } from "./session.js";
import { connect, DEFAULT_CONCURRENCY, interrupted, readValidated } from "./session.js";

export type PlanOptions = ConnectOptions;

export interface PlanResult {
  endpoint: string;
  account: string;
  plan: PlanItem[];
  /** Validation warnings of the files (e.g. a secret that must already exist in Harness). */
  warnings: Issue[];
  /** Requests sent, for the curious (and the tests): all GETs. */
  requests: number;
}

export async function plan(options: PlanOptions): Promise<PlanResult> {
  const { dirs, entities, warnings } = await readValidated(options);
  const session = await connect(options, dirs);
  const root = await repositoryRoot(path.resolve(options.cwd, dirs[0] ?? "."), options.cwd);
  try {
    const items: PlanItem[] = [];
    const newParents = new NewParents();
    for (const kind of PUBLISH_ORDER) {
      const ofKind = entities.filter((e) => e.kind === kind);
      const planned = await mapLimit(
        ofKind,
        options.concurrency ?? DEFAULT_CONCURRENCY,
        (entity) => planEntity(session.client, entity, newParents.contains(entity)),
        options.signal,
      );
      for (const [i, { item }] of planned.entries()) {
        const entity = ofKind[i] as (typeof ofKind)[number];
        if (item.action === "create") newParents.add(entity);
        if (item.action === "create" && kind === "secret" && (entity.doc.secret as Record<string, unknown>).type !== "SSHKey") {
          item.valueSource = await sourceAvailability(entity.identifier, (entity.doc.secret as Record<string, unknown>).valueSource, { env: options.env ?? {}, root });
        }
        items.push(item);
      }
    }
    return { endpoint: session.client.endpoint, account: session.client.account, plan: items, warnings, requests: session.client.stats().requests };
  } catch (error) {
    throw interrupted(options.signal, error, "nothing was changed; run the plan again");
  } finally {
    await session.close();
  }
}
