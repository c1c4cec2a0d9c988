import { describe, expect, it } from "vitest";
import { envelope, failure, fixture, json, KEY, mockClient, networkFault } from "./mock.js";

const PROJECT = { project: { identifier: "shop", name: "Shop", orgIdentifier: "default" } };

describe("Harness client", () => {
  it("sends the key, the account and JSON, and returns the envelope's data", async () => {
    const { pool, client } = mockClient();
    let seen: { headers: Record<string, string>; body: string; path: string } | undefined;
    pool.intercept({ path: (p) => p.startsWith("/ng/api/projects"), method: "POST" }).reply(200, (opts) => {
      seen = { headers: opts.headers as Record<string, string>, body: String(opts.body), path: opts.path };
      return envelope(PROJECT);
    }, { headers: json });
    const data = await client.send({ method: "POST", path: "/ng/api/projects", query: { orgIdentifier: "default" }, json: PROJECT });
    expect(data).toEqual(PROJECT);
    expect(seen?.headers["x-api-key"]).toBe(KEY);
    expect(seen?.path).toBe("/ng/api/projects?accountIdentifier=acct_Test-1&orgIdentifier=default");
    expect(JSON.parse(seen?.body ?? "")).toEqual(PROJECT);
  });

  it("retries 429, 500, 502, 503 and 504 on a GET with capped, growing backoff", async () => {
    const { pool, client, clock } = mockClient({ retryPolicy: { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 300 } });
    for (const status of [429, 500, 502, 503, 504]) pool.intercept({ path: /projects\/shop/, method: "GET" }).reply(status, "{}", { headers: json });
    pool.intercept({ path: /projects\/shop/, method: "GET" }).reply(200, envelope(PROJECT), { headers: json });
    expect(await client.send({ method: "GET", path: "/ng/api/projects/shop" })).toEqual(PROJECT);
    expect(clock.slept).toEqual([100, 200, 300, 300, 300]);
    expect(client.stats().retries).toBe(5);
  });

  it("adds jitter below the computed delay", async () => {
    const { pool, client, clock } = mockClient({ random: () => 1, retryPolicy: { baseDelayMs: 1000, jitter: 0.5 } });
    pool.intercept({ path: /shop/, method: "GET" }).reply(503, "");
    pool.intercept({ path: /shop/, method: "GET" }).reply(200, envelope(1), { headers: json });
    await client.send({ method: "GET", path: "/ng/api/projects/shop" });
    expect(clock.slept).toEqual([500]);
  });

  it("honours Retry-After in seconds and as an HTTP date", async () => {
    const { pool, client, clock } = mockClient();
    const at = new Date(clock.now() + 7000).toUTCString();
    pool.intercept({ path: /shop/, method: "GET" }).reply(429, "", { headers: { "retry-after": "3" } });
    pool.intercept({ path: /shop/, method: "GET" }).reply(503, "", { headers: { "retry-after": at } });
    pool.intercept({ path: /shop/, method: "GET" }).reply(200, envelope(1), { headers: json });
    await client.send({ method: "GET", path: "/ng/api/projects/shop" });
    expect(clock.slept[0]).toBe(3000);
    // The date was 7 s ahead when written; 3 s have passed on the (whole-second) fake clock since.
    expect(clock.slept[1]).toBe(4000);
  });

  it("retries connection resets and timeouts on idempotent methods", async () => {
    const { pool, client } = mockClient({ retryPolicy: { timeoutMs: 50 } });
    pool.intercept({ path: /shop/, method: "PUT" }).replyWithError(networkFault("ECONNRESET"));
    pool.intercept({ path: /shop/, method: "PUT" }).reply(200, envelope("late"), { headers: json }).delay(500);
    pool.intercept({ path: /shop/, method: "PUT" }).reply(200, envelope("ok"), { headers: json });
    expect(await client.send({ method: "PUT", path: "/ng/api/projects/shop", json: {} })).toBe("ok");
    expect(client.stats().byStatus).toMatchObject({ ECONNRESET: 1, TIMEOUT: 1, "200": 1 });
  });

  it("never re-sends a POST whose outcome is unknown; it says so instead", async () => {
    for (const fault of ["reset", "timeout", "500", "502"]) {
      const { pool, client } = mockClient({ retryPolicy: { timeoutMs: 50 } });
      const scope = pool.intercept({ path: /projects/, method: "POST" });
      if (fault === "reset") scope.replyWithError(networkFault("ECONNRESET"));
      else if (fault === "timeout") scope.reply(200, envelope(1), { headers: json }).delay(500);
      else scope.reply(Number(fault), "{}", { headers: json });
      const error = await failure(() => client.send({ method: "POST", path: "/ng/api/projects", json: PROJECT }));
      expect(error.details?.outcomeUnknown, fault).toBe(true);
      expect(client.stats().requests, fault).toBe(1);
    }
  });

  it("re-sends a POST after a 429 or a connect timeout: the server did nothing", async () => {
    const { pool, client } = mockClient();
    pool.intercept({ path: /projects/, method: "POST" }).reply(429, fixture("rate-limited-429.json"), { headers: json });
    pool.intercept({ path: /projects/, method: "POST" }).replyWithError(networkFault("UND_ERR_CONNECT_TIMEOUT"));
    pool.intercept({ path: /projects/, method: "POST" }).reply(200, envelope(PROJECT), { headers: json });
    expect(await client.send({ method: "POST", path: "/ng/api/projects", json: PROJECT })).toEqual(PROJECT);
    expect(client.stats().requests).toBe(3);
    expect(client.stats().limiter.throttled).toBe(1);
  });

  it("fails at once when nothing listens, saying so", async () => {
    const { pool, client } = mockClient();
    pool.intercept({ path: /shop/, method: "GET" }).replyWithError(networkFault("ECONNREFUSED"));
    const error = await failure(() => client.send({ method: "GET", path: "/ng/api/projects/shop" }));
    expect(error.message).toBe("[GET] https://app.harness.io/ng/api/projects/shop: connection refused (nothing listening there) (ECONNREFUSED)");
    expect(client.stats().requests).toBe(1);
  });

  it("gives up after maxAttempts with the last answer", async () => {
    const { pool, client } = mockClient({ retryPolicy: { maxAttempts: 3 } });
    for (let i = 0; i < 3; i += 1) pool.intercept({ path: /shop/, method: "GET" }).reply(429, fixture("rate-limited-429.json"), { headers: json });
    const error = await failure(() => client.send({ method: "GET", path: "/ng/api/projects/shop" }));
    expect(error.message).toBe(
      "[GET] https://app.harness.io/ng/api/projects/shop: 429 Too Many Requests (TOO_MANY_REQUESTS, 1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e): Too many requests, slow down",
    );
    expect(client.stats().requests).toBe(3);
  });

  it("does not retry a 400 and reports it on one line", async () => {
    const { pool, client } = mockClient();
    pool.intercept({ path: /projects/, method: "POST" }).reply(400, fixture("error-dto-400-duplicate.json"), { headers: json });
    const error = await failure(() => client.send({ method: "POST", path: "/ng/api/projects", json: PROJECT }));
    expect(error.code).toBe("E_HTTP");
    expect(error.message).toBe(
      "[POST] https://app.harness.io/ng/api/projects: 400 Bad Request (DUPLICATE_FIELD, 5f0b6c2e-8f1a-4d0c-9b7e-3c2d1a0f9e8d): A project with identifier shop and orgIdentifier default is already present or was deleted",
    );
    expect(error.message).not.toContain("\n");
    expect(error.details?.outcomeUnknown).toBe(false);
  });

  it("understands an HTML page from a proxy, even with a 200", async () => {
    const { pool, client } = mockClient({ retryPolicy: { maxAttempts: 1 } });
    pool.intercept({ path: /a/, method: "GET" }).reply(502, fixture("proxy-502.html"), { headers: { "content-type": "text/html" } });
    pool.intercept({ path: /b/, method: "GET" }).reply(200, "<html><head><title>Sign in</title></head></html>", { headers: { "content-type": "text/html" } });
    const bad = await failure(() => client.send({ method: "GET", path: "/ng/api/a" }));
    expect(bad.message).toBe(
      '[GET] https://app.harness.io/ng/api/a: 502 Bad Gateway: an HTML page ("502 Bad Gateway") instead of JSON: a proxy, firewall or login page answered, not the Harness API',
    );
    const login = await failure(() => client.send({ method: "GET", path: "/ng/api/b" }));
    expect(login.message).toContain('200 OK: an HTML page ("Sign in")');
    expect(login.message).toContain("expected a JSON answer");
  });

  it("reports truncated JSON and FailureDTO field errors", async () => {
    const { pool, client } = mockClient();
    pool.intercept({ path: /a/, method: "PUT" }).reply(400, fixture("truncated-400.json"), { headers: json });
    pool.intercept({ path: /b/, method: "PUT" }).reply(400, fixture("failure-dto-400.json"), { headers: json });
    const cut = await failure(() => client.send({ method: "PUT", path: "/ng/api/a", json: {} }));
    expect(cut.message).toMatch(/^\[PUT\] https:\/\/app\.harness\.io\/ng\/api\/a: 400 Bad Request: unreadable JSON body \(cut off or malformed\): \{"status"/);
    const field = await failure(() => client.send({ method: "PUT", path: "/ng/api/b", json: {} }));
    expect(field.message).toContain("(INVALID_REQUEST, 0c7d2a1e-5b4f-4e3a-8d9c-1f2e3a4b5c6d): Invalid request — yaml: must not be empty");
  });

  it("never lets the key into an error, even when the server echoes it", async () => {
    const { pool, client } = mockClient({ retryPolicy: { maxAttempts: 1 } });
    pool.intercept({ path: /a/, method: "GET" }).reply(401, JSON.stringify({ code: "INVALID_TOKEN", message: `Token ${KEY} is invalid` }), { headers: json });
    pool.intercept({ path: /b/, method: "GET" }).reply(500, `<html><title>${KEY}</title></html>`);
    pool.intercept({ path: /c/, method: "GET" }).replyWithError(networkFault(`E${KEY}`));
    for (const p of ["/a", "/b", "/c"]) {
      const error = await failure(() => client.send({ method: "GET", path: p }));
      const everything = JSON.stringify({ m: error.message, h: error.hint, d: error.details, c: String((error as { cause?: unknown }).cause) });
      expect(everything).not.toContain("SuperSecretValue42xyz");
    }
    expect(JSON.stringify(client)).not.toContain("SuperSecret");
  });

  it("hints at the key on 401", async () => {
    const { pool, client } = mockClient();
    pool.intercept({ path: /a/, method: "GET" }).reply(401, fixture("invalid-token-401.json"), { headers: json });
    const error = await failure(() => client.send({ method: "GET", path: "/ng/api/a" }));
    expect(error.message).toContain("401 Unauthorized (INVALID_TOKEN, 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d): Token is invalid or expired");
    expect(error.hint).toContain("HARNESS_PLATFORM_API_KEY");
  });

  it("sends YAML with its content type", async () => {
    const { pool, client } = mockClient();
    let type = "";
    pool.intercept({ path: /pipelines\/v2/, method: "POST" }).reply(200, (opts) => {
      type = (opts.headers as Record<string, string>)["content-type"] ?? "";
      return envelope({ identifier: "p" });
    }, { headers: json });
    await client.send({ method: "POST", path: "/pipeline/api/pipelines/v2", yaml: "pipeline:\n  identifier: p\n" });
    expect(type).toBe("application/yaml");
  });
});

describe("Harness client, cut-off answers", () => {
  it("retries a GET whose 200 body is cut off, and flags such a POST as outcome unknown", async () => {
    const { pool, client } = mockClient();
    const whole = JSON.stringify(envelope(PROJECT));
    pool.intercept({ path: /shop/, method: "GET" }).reply(200, whole.slice(0, 30), { headers: json });
    pool.intercept({ path: /shop/, method: "GET" }).reply(200, whole, { headers: json });
    expect(await client.send({ method: "GET", path: "/ng/api/projects/shop" })).toEqual(PROJECT);
    pool.intercept({ path: /projects/, method: "POST" }).reply(200, whole.slice(0, 30), { headers: json });
    const error = await failure(() => client.send({ method: "POST", path: "/ng/api/projects", json: PROJECT }));
    expect(error.code).toBe("E_NETWORK");
    expect(error.message).toBe("[POST] https://app.harness.io/ng/api/projects: the answer was cut off (INCOMPLETE_BODY)");
    expect(error.details?.outcomeUnknown).toBe(true);
  });
});
