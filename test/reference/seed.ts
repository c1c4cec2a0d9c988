/**
 * The seed quickstart page (reference folder `seed/harness-api-quickstart.txt`): its curl
 * commands parsed (URL, -H headers, -d body) exactly as published. Reference suite only.
 */
import { readFileSync } from "node:fs";
import { REFERENCE, referenceFile } from "../helpers/reference.js";
import type { QuickstartRequest } from "../helpers/quickstart.js";

export const seedText = (): string => readFileSync(referenceFile(REFERENCE.seedQuickstart), "utf8");

export function seedCurls(): QuickstartRequest[] {
  const requests: QuickstartRequest[] = [];
  const curl = /curl -i -X (\w+) \\\n'([^']+)' \\\n((?:-H '[^']+' \\\n)*)-d '([^']*)'/g;
  for (const match of seedText().matchAll(curl)) {
    const headers = [...(match[3] ?? "").matchAll(/-H '([^:]+): ([^']*)'/g)].map((h) => [h[1], h[2]] as [string, string]);
    requests.push({ method: match[1] as string, url: match[2] as string, headers, body: match[4] as string });
  }
  return requests;
}

/** The page lost the braces around the connector's `auth` object; this puts them back. */
export const fixConnectorBraces = (body: string): string => body.replace('"auth":\n"type": "Anonymous"\n', '"auth": {\n"type": "Anonymous"\n}\n');

/** Lines without their indentation, blank lines dropped: what survives of the page's YAML. */
export const flushLeft = (text: string): string[] => text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
