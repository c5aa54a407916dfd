import { setTimeout as sleep } from "node:timers/promises";
import { ensurePasswordUser } from "@omnify/auth";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultAuthRateLimits } from "./rate-limits.ts";
import {
  buildTestServer,
  callTrpc,
  sameOrigin,
  sessionCookie,
  signIn,
  testAppUrl,
} from "./testing/test-server.ts";

let database: TestDatabase;
let app: FastifyInstance;
const windowSeconds = 2;
const password = "the-right-password";

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestServer(database.db, {
    authRateLimits: {
      ...defaultAuthRateLimits,
      signInFailuresPerAccount: { points: 10, windowSeconds },
      passwordResetPerAccount: { points: 3, windowSeconds: 60 },
    },
  });
  await ensurePasswordUser(database.db, { email: "target@example.com", name: "Target", password });
  await ensurePasswordUser(database.db, { email: "reset@example.com", name: "Reset", password });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe("sign-in rate limit per account", () => {
  it("locks the account after 10 wrong passwords, refuses even the right one, and lets it in after the window", async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof signIn>> | undefined;
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      last = await signIn(app, { email: "target@example.com", password: `wrong-password-${attempt}` });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([...Array(9).fill(401), 429]);
    const retryAfter = Number(last?.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);

    const right = await signIn(app, { email: "target@example.com", password });
    expect(right.statusCode).toBe(429);
    expect(right.headers["retry-after"]).toBeDefined();
    expect(right.json().message).toMatch(/Too many attempts/);
    expect(right.headers["set-cookie"]).toBeUndefined();

    // The same address, spelt differently, is the same account.
    expect((await signIn(app, { email: " Target@Example.com", password })).statusCode).toBe(429);

    await sleep((retryAfter + 0.2) * 1000);
    const after = await signIn(app, { email: "target@example.com", password });
    expect(after.statusCode).toBe(200);
    expect(sessionCookie(after.headers["set-cookie"])).toContain("session_token");

    const audited = await database.db.auditEvent.groupBy({
      by: ["action"],
      where: { actorEmail: "target@example.com" },
      _count: true,
    });
    expect(Object.fromEntries(audited.map((row) => [row.action, row._count]))).toMatchObject({
      "auth.sign_in_failed": 10,
      "auth.rate_limited": 2,
    });
  });

  it("password-reset requests are limited per account with Retry-After", async () => {
    const request = () =>
      app.inject({
        method: "POST",
        url: "/api/auth/request-password-reset",
        headers: sameOrigin,
        payload: { email: "reset@example.com", redirectTo: "/reset-password" },
      });
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await request()).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number((await request()).headers["retry-after"])).toBeGreaterThan(0);
    expect(await database.db.emailMessage.count({ where: { toAddress: "reset@example.com" } })).toBe(3);
  });
});

describe("cross-site requests", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = sessionCookie(
      (await signIn(app, { email: "reset@example.com", password })).headers["set-cookie"],
    );
  });

  const createShop = (headers: Record<string, string>, payload: string, contentType = "application/json") =>
    app.inject({
      method: "POST",
      url: "/trpc/shops.create",
      headers: { cookie, "content-type": contentType, ...headers },
      payload,
    });
  const body = JSON.stringify({ json: { name: "Forged", currency: "USD", timeZone: "UTC" } });

  it("refuses a cookie-carrying mutation from another origin, including a multipart form post", async () => {
    expect((await createShop({ origin: "https://evil.example" }, body)).statusCode).toBe(403);
    const form = '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nForged\r\n--x--\r\n';
    const multipart = await createShop(
      { origin: "https://evil.example" },
      form,
      "multipart/form-data; boundary=x",
    );
    expect(multipart.statusCode).toBe(403);
    expect((await createShop({ "sec-fetch-site": "cross-site" }, body)).statusCode).toBe(403);
    // Neither Origin nor Fetch Metadata: a mutation is refused.
    expect((await createShop({}, body)).statusCode).toBe(403);
    expect(await database.db.shop.count({ where: { name: "Forged" } })).toBe(0);
  });

  it("accepts the same request from our own page", async () => {
    const fromOrigin = await createShop({ origin: testAppUrl }, body);
    expect(fromOrigin.statusCode).toBe(200);
    const fromFetchMetadata = await createShop({ "sec-fetch-site": "same-origin" }, body);
    expect(fromFetchMetadata.statusCode).toBe(200);
  });

  it("the auth endpoints refuse another origin too", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { cookie, origin: "https://evil.example", "content-type": "application/json" },
      payload: "{}",
    });
    expect(response.statusCode).toBe(403);
    const me = await callTrpc(app, { path: "account.me", type: "query", cookie });
    expect(me.body.result.data.json.user.email).toBe("reset@example.com");
  });

  it("serves only the auth endpoints the apps use", async () => {
    const adminEndpoint = await app.inject({
      method: "POST",
      url: "/api/auth/admin/set-role",
      headers: { cookie, ...sameOrigin },
      payload: { userId: "x", role: "staff" },
    });
    expect(adminEndpoint.statusCode).toBe(404);
  });
});
