/**
 * Checking `startEmulator` options and parsing the CLI's flag values. Every problem is an
 * E_USAGE KitError naming the option and the accepted form.
 */
import { KitError } from "../errors.js";
import { FAULT_KINDS, isFaultKind } from "./faults.js";
import type { EmulatorOptions, FaultKind, RateLimitOptions } from "./types.js";

/** 5 MiB. Harness publishes no body limit; large pipelines stay well below this. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

export function checkEmulatorOptions(options: EmulatorOptions): void {
  const { port, rateLimit, duplicateStatus, identifierMaxLength, reserveDeletedIdentifiers, maxBodyBytes, faultRate, accountMismatchStatus, missingConnectorStatus, missingInputSetStatus, missingTemplateStatus } = options;
  if (missingInputSetStatus !== undefined && missingInputSetStatus !== 400 && missingInputSetStatus !== 404) {
    throw usage(`missingInputSetStatus ${String(missingInputSetStatus)} must be 400 or 404`);
  }
  if (missingTemplateStatus !== undefined && missingTemplateStatus !== 400 && missingTemplateStatus !== 404) {
    throw usage(`missingTemplateStatus ${String(missingTemplateStatus)} must be 400 or 404`);
  }
  if (accountMismatchStatus !== undefined && accountMismatchStatus !== 401 && accountMismatchStatus !== 403) {
    throw usage(`accountMismatchStatus ${String(accountMismatchStatus)} must be 401 or 403`);
  }
  if (missingConnectorStatus !== undefined && missingConnectorStatus !== 400 && missingConnectorStatus !== 404) {
    throw usage(`missingConnectorStatus ${String(missingConnectorStatus)} must be 400 or 404`);
  }
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw usage(`port ${port} is not a whole number from 0 to 65535`);
  }
  if (rateLimit !== undefined && rateLimit !== false && !(Number.isInteger(rateLimit.requests) && rateLimit.requests > 0 && rateLimit.windowMs > 0)) {
    throw usage("the rate limit needs a positive whole number of requests and a positive window");
  }
  if (duplicateStatus !== undefined && duplicateStatus !== 400 && duplicateStatus !== 409) {
    throw usage(`duplicate status ${String(duplicateStatus)} must be 400 or 409`);
  }
  if (identifierMaxLength !== undefined && identifierMaxLength !== 64 && identifierMaxLength !== 128) {
    throw usage(`identifierMaxLength ${String(identifierMaxLength)} must be 64 or 128`);
  }
  if (reserveDeletedIdentifiers !== undefined && typeof reserveDeletedIdentifiers !== "boolean") {
    throw usage(`reserveDeletedIdentifiers ${String(reserveDeletedIdentifiers)} must be true or false`);
  }
  if (maxBodyBytes !== undefined && !(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw usage(`the body size limit ${maxBodyBytes} is not a positive whole number of bytes`);
  }
  if (faultRate !== undefined && !(faultRate >= 0 && faultRate <= 1)) throw usage(`fault rate ${faultRate} is not between 0 and 1`);
}

/** `1000/60` → 1000 requests per 60 s. */
export function parseRateLimit(text: string): RateLimitOptions | false {
  if (text.trim() === "off") return false;
  const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(text.trim());
  const requests = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  if (match === null || !(requests > 0) || !(seconds > 0)) {
    throw usage(`--rate-limit "${text}" is not of the form REQUESTS/SECONDS`, "For Harness's documented API limit use --rate-limit 1000/60.");
  }
  return { requests, windowMs: seconds * 1000 };
}

export function parseWholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || value < min || value > max) {
    throw usage(`${flag} "${text}" is not a whole number from ${min} to ${max}`);
  }
  return value;
}

export function parseFraction(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw usage(`${flag} "${text}" is not a number from 0 to 1`, "For example --fault-rate 0.1 fails one request in ten.");
  }
  return value;
}

export function parseDuplicateStatus(text: string): 400 | 409 {
  if (text === "400" || text === "409") return Number(text) as 400 | 409;
  throw usage(`--duplicate-status "${text}" must be 400 or 409`);
}

export function parseIdentifierMaxLength(text: string): 64 | 128 {
  if (text === "64" || text === "128") return Number(text) as 64 | 128;
  throw usage(`--identifier-max-length "${text}" must be 64 or 128`);
}

/** `503,reset-after-store` → the kinds, each checked. */
export function parseFaultKinds(text: string): FaultKind[] {
  const kinds = text.split(",").map((k) => k.trim()).filter(Boolean);
  const unknown = kinds.filter((k) => !isFaultKind(k));
  if (kinds.length === 0 || unknown.length > 0) {
    throw usage(`--fault-kinds: unknown kind "${unknown[0] ?? text}"`, `Known kinds: ${FAULT_KINDS.join(", ")}.`);
  }
  return kinds as FaultKind[];
}

function usage(message: string, hint?: string): KitError {
  return new KitError("E_USAGE", message, hint === undefined ? {} : { hint });
}
