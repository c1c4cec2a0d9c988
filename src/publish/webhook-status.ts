/**
 * After a webhook trigger is created or updated, Harness registers its webhook with the Git
 * provider asynchronously and the save answers "success" whatever happens
 * (harness-api-triggers.md §0, §5.4). Publish reads the trigger's details until the registration
 * has a result, so a webhook GitHub refused is reported instead of passing as a success.
 */
import { KitError } from "../errors.js";
import type { HarnessClient } from "../harness/client.js";
import type { EntityAddress } from "../harness/entity-api.js";
import { triggerDetailsRequest } from "../harness/entity-api.js";
import { webhookFailed, webhookHint } from "./messages.js";

export type WebhookResult = "SUCCESS" | "FAILED" | "ERROR" | "TIMEOUT" | "UNAVAILABLE";

export interface WebhookStatusOptions {
  /** Reads before giving up on a registration that has no result yet (default 5). */
  reads?: number;
  /** Pause between reads (default 1 s). */
  intervalMs?: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The registration result of a webhook trigger (undefined for other triggers, or when Harness
 * has none after all reads). Throws E_WEBHOOK with Harness's message when it is ERROR or FAILED.
 */
export async function checkWebhook(client: HarnessClient, trigger: EntityAddress, options: WebhookStatusOptions = {}): Promise<WebhookResult | undefined> {
  const reads = options.reads ?? 5;
  for (let read = 1; read <= reads; read++) {
    const details = await client.send(triggerDetailsRequest(trigger));
    if (!isRecord(details) || details.type !== "Webhook") return undefined;
    const status = isRecord(details.triggerStatus) ? details.triggerStatus.webhookAutoRegistrationStatus : undefined;
    const result = isRecord(status) && typeof status.registrationResult === "string" ? (status.registrationResult as WebhookResult) : undefined;
    if (result === "ERROR" || result === "FAILED") {
      const message = isRecord(status) && typeof status.detailedMessage === "string" ? status.detailedMessage : "no message";
      throw new KitError("E_HTTP", webhookFailed(result, message), { hint: webhookHint, details: { webhook: result } });
    }
    if (result !== undefined && result !== "TIMEOUT" && result !== "UNAVAILABLE") return result;
    if (read < reads) await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
  }
  return undefined;
}
