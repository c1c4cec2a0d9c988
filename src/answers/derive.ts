/**
 * Defaults computed from other answers: the owner of a Git URL, the registry and path of an image,
 * a Kubernetes namespace from a display name. Each returns undefined when nothing sensible follows,
 * so the answer then has to be given.
 */

/** `https://github.com/acme/payments-api(.git)` → `{ owner: "acme", repo: "payments-api" }`. */
export function gitOwnerRepo(url: string): { owner: string; repo: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const parts = parsed.pathname.split("/").filter((p) => p !== "");
  const [owner, repo] = parts;
  if (parts.length !== 2 || owner === undefined || repo === undefined) return undefined;
  return { owner, repo: repo.replace(/\.git$/, "") };
}

export interface ImageParts {
  /** Registry host (with port) when the image names one, e.g. `ghcr.io`; undefined for Docker Hub. */
  host: string | undefined;
  /** Repository path inside the registry, e.g. `acme/payments-api`. */
  path: string;
  /** First path segment: the account or namespace that owns the repository. */
  owner: string;
}

/** Splits `ghcr.io/acme/api` into host and path, the way Docker reads image references. */
export function imageParts(image: string): ImageParts {
  const segments = image.split("/");
  const first = segments[0] ?? "";
  const hasHost = segments.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost");
  const pathSegments = hasHost ? segments.slice(1) : segments;
  return {
    host: hasHost ? first : undefined,
    path: pathSegments.join("/"),
    owner: pathSegments.length > 1 ? (pathSegments[0] ?? "") : "",
  };
}

/** A DNS-1123 label from a display name: `Payments API` → `payments-api`. */
export function namespaceFromName(name: string): string | undefined {
  const label = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return label === "" ? undefined : label;
}

/** `<base>-<suffix>` kept within Kubernetes's 63 characters by shortening the base. */
export function namespaceWithSuffix(base: string, suffix: string): string {
  const cleanSuffix = namespaceFromName(suffix) ?? "env";
  const room = 63 - cleanSuffix.length - 1;
  const head = base.slice(0, Math.max(1, room)).replace(/-+$/, "");
  return `${head}-${cleanSuffix}`;
}
