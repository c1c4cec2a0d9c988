/**
 * API keys: the account ids and tokens the emulator hands out (the real shapes: 22-character
 * base64url account ids, `pat.<accountId>.<tokenId>.<secret>` tokens — shared/harness-api.md §4),
 * and checking them on each request in Harness's order: the key must be sent and valid (else 401
 * `INVALID_TOKEN`), then `accountIdentifier` must be the key's account (else 403
 * `NG_ACCESS_DENIED`, the recommendation of shared/harness-api.md §2).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { KitError } from "../errors.js";
import { ApiError, fieldFailure } from "./envelopes.js";
import { accountDenied, invalidApiKey, missingApiKey } from "./messages.js";

const ACCOUNT_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const TOKEN_PATTERN = /^(pat|sat)\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{1,128})$/;
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function randomAccountId(): string {
  return randomBytes(16).toString("base64url");
}

export function randomToken(account: string): string {
  const tokenId = randomBytes(12).toString("hex");
  const secret = Array.from(randomBytes(20), (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join("");
  return `pat.${account}.${tokenId}.${secret}`;
}

/** The account segment of a well-formed token, or undefined. */
export function tokenAccount(token: string): string | undefined {
  return TOKEN_PATTERN.exec(token)?.[2];
}

/** Settles the account and token from the options, or says which option is wrong. */
export function resolveCredentials(account: string | undefined, token: string | undefined): { account: string; token: string } {
  if (account !== undefined && !ACCOUNT_PATTERN.test(account)) {
    throw new KitError("E_USAGE", `account id "${account}" may only contain letters, digits, "-" and "_" (at most 64)`);
  }
  if (token === undefined) {
    const id = account ?? randomAccountId();
    return { account: id, token: randomToken(id) };
  }
  const fromToken = tokenAccount(token);
  if (fromToken === undefined) {
    throw new KitError("E_USAGE", "the token is not of the form pat.<accountId>.<tokenId>.<secret>", {
      hint: "Leave --token out to get a random token, or pass one shaped like Harness's personal access tokens.",
    });
  }
  if (account !== undefined && account !== fromToken) {
    throw new KitError("E_USAGE", `the token belongs to account "${fromToken}", not "${account}"`, {
      hint: "Drop --account (it is read from the token) or use a token of that account.",
    });
  }
  return { account: fromToken, token };
}

/** Constant-time comparison, so response timing says nothing about the expected token. */
export function sameToken(expected: string, presented: string): boolean {
  const a = createHash("sha256").update(expected).digest();
  const b = createHash("sha256").update(presented).digest();
  return timingSafeEqual(a, b);
}

/** A stable key for per-key rate limiting that does not keep the secret itself in memory. */
export function keyFingerprint(presented: string): string {
  return createHash("sha256").update(presented).digest("base64url").slice(0, 16);
}


/** The presented key (header names are case-insensitive; node lowercases them). */
export function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const value = headers["x-api-key"];
  const key = Array.isArray(value) ? value[0] : value;
  return key === undefined || key.trim() === "" ? undefined : key.trim();
}

/** Returns the authorized account id, or throws the answer Harness would give. */
export function authorize(
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
  expected: { account: string; token: string; accountMismatchStatus: 401 | 403 },
): string {
  const key = presentedKey(headers);
  if (key === undefined) throw new ApiError(401, "INVALID_TOKEN", missingApiKey);
  if (!sameToken(expected.token, key)) throw new ApiError(401, "INVALID_TOKEN", invalidApiKey);
  const account = query.get("accountIdentifier");
  if (account === null || account === "") throw fieldFailure([{ path: "accountIdentifier", error: "must not be null" }]);
  if (account !== expected.account) {
    if (expected.accountMismatchStatus === 401) throw new ApiError(401, "INVALID_TOKEN", invalidApiKey);
    throw new ApiError(403, "NG_ACCESS_DENIED", accountDenied(account));
  }
  return account;
}
