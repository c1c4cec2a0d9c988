/**
 * API-key authentication and account authorization, in Harness's order: the key must be sent and
 * valid (else 401 `INVALID_TOKEN`), then the request's `accountIdentifier` must be the key's
 * account (else 403 `NG_ACCESS_DENIED`, the recommendation of shared/harness-api.md §2).
 */
import type { IncomingHttpHeaders } from "node:http";
import { sameToken } from "./credentials.js";
import { ApiError, fieldFailure } from "./envelopes.js";
import { accountDenied, invalidApiKey, missingApiKey } from "./messages.js";

/** The presented key (header names are case-insensitive; node lowercases them). */
export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const value = headers["x-api-key"];
  const key = Array.isArray(value) ? value[0] : value;
  return key === undefined || key.trim() === "" ? undefined : key.trim();
}

/** Returns the authorized account id, or throws the answer Harness would give. */
export function authorize(headers: IncomingHttpHeaders, query: URLSearchParams, expected: { account: string; token: string }): string {
  const key = presentedKey(headers);
  if (key === undefined) throw new ApiError(401, "INVALID_TOKEN", missingApiKey);
  if (!sameToken(expected.token, key)) throw new ApiError(401, "INVALID_TOKEN", invalidApiKey);
  const account = query.get("accountIdentifier");
  if (account === null || account === "") throw fieldFailure([{ path: "accountIdentifier", error: "must not be null" }]);
  if (account !== expected.account) throw new ApiError(403, "NG_ACCESS_DENIED", accountDenied(account));
  return account;
}
