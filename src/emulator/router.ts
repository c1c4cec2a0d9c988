/**
 * Matches a method and path to a route. Paths work with and without Harness's `/gateway` prefix;
 * a known path with another method gets 405 (with `Allow`), anything else 404.
 */
import { ApiError } from "./envelopes.js";
import { methodNotAllowed, unknownRoute } from "./messages.js";
import type { Route } from "./route.js";

export interface Match {
  route: Route;
  params: Record<string, string>;
}

export class Router {
  private readonly compiled: { route: Route; segments: string[] }[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.path.split("/").filter(Boolean) }));
  }

  match(method: string, pathname: string): Match {
    const path = pathname.replace(/^\/gateway(?=\/|$)/, "").replace(/\/+$/, "");
    const segments = path.split("/").filter(Boolean);
    const allowed: string[] = [];
    for (const { route, segments: pattern } of this.compiled) {
      const params = matchSegments(pattern, segments);
      if (params === undefined) continue;
      if (route.method === method) return { route, params };
      allowed.push(route.method);
    }
    if (allowed.length > 0) {
      throw new ApiError(405, "INVALID_REQUEST", methodNotAllowed(method, allowed), { headers: { allow: allowed.join(", ") } });
    }
    throw new ApiError(404, "RESOURCE_NOT_FOUND", unknownRoute(method, pathname));
  }
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] as string;
    const got = actual[i] as string;
    if (want.startsWith("{") && want.endsWith("}")) {
      try {
        params[want.slice(1, -1)] = decodeURIComponent(got);
      } catch {
        return undefined;
      }
    } else if (want !== got) {
      return undefined;
    }
  }
  return params;
}
