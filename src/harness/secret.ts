/**
 * Keeping the API key out of every output. The key travels inside a `Secret` whose string, JSON
 * and inspect forms are a placeholder, so an accidental `${secret}` or JSON.stringify cannot leak
 * it; `redact` scrubs any text that leaves the HTTP layer, as a second line of defence.
 */
import { inspect } from "node:util";

const PLACEHOLDER = "[redacted]";

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The raw value; call it only where the key goes on the wire. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return PLACEHOLDER;
  }

  toJSON(): string {
    return PLACEHOLDER;
  }

  [inspect.custom](): string {
    return `Secret(${PLACEHOLDER})`;
  }
}

/**
 * Anything shaped like a Harness token (`pat.` / `sat.` followed by dot-separated parts): such a
 * string is never worth showing, whoever's key it is.
 */
const TOKEN_SHAPE = /\b(?:pat|sat)\.[\w-]+\.[\w-]+\.[\w-]+/g;

/** Removes the given secrets and anything token-shaped from text meant for people or files. */
export function redact(text: string, secrets: readonly (Secret | string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    const value = secret instanceof Secret ? secret.reveal() : secret;
    // Short values would shred ordinary words; a real key is far longer than this.
    if (value !== undefined && value.length >= 8) out = out.split(value).join(PLACEHOLDER);
  }
  return out.replace(TOKEN_SHAPE, PLACEHOLDER);
}
