/**
 * Splits a `multipart/form-data` body into its named parts (RFC 7578), enough for the SecretFile
 * endpoints: a `spec` part holding JSON text and a `file` part holding the bytes. Bodies arrive
 * as UTF-8 text, so a binary file's exact bytes are not kept; the emulator only needs to know
 * that a file came and a digest of what came.
 */
import { invalidRequest } from "./route.js";

export function multipartParts(text: string, contentType: string): Map<string, string> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (marker === undefined) throw invalidRequest("The multipart body has no boundary in its Content-Type");
  const parts = new Map<string, string>();
  for (const chunk of text.split(`--${marker}`).slice(1)) {
    if (chunk.startsWith("--")) break;
    const split = chunk.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const head = chunk.slice(0, split);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name !== undefined) parts.set(name, chunk.slice(split + 4).replace(/\r\n$/, ""));
  }
  return parts;
}
