import { createHmac } from "node:crypto";
import { ensurePasswordUser } from "@omnify/auth";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { channelAuthorizationPath, shopChannel } from "@omnify/realtime";
import { createTwoShops } from "@omnify/trpc/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestServer,
  sameOrigin,
  sessionCookie,
  signIn,
  testRealtimeConfig,
} from "./testing/test-server.ts";

let database: TestDatabase;
let app: FastifyInstance;
let shops: Awaited<ReturnType<typeof createTwoShops>>;
/** A viewer of shop A (the least role: every member sees live progress), signed in. */
let cookie: string;

const password = "correct horse battery";
const socketId = "123456.7890123";

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestServer(database.db);
  shops = await createTwoShops(database.db, "realtime");
  // The fixture's users have no password: this one can sign in for real.
  const email = "viewer-a@realtime.test";
  const user = await ensurePasswordUser(database.db, { email, name: "Viewer A", password });
  await database.db.shopMember.create({
    data: { shopId: shops.shopA.id, userId: user.id, role: "viewer", persona: "marketer" },
  });
  cookie = sessionCookie((await signIn(app, { email, password })).headers["set-cookie"]);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

/** Posts as pusher-js does: form-encoded, from our own page. */
function requestAuth(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return app.inject({
    method: "POST",
    url: channelAuthorizationPath,
    headers: { ...sameOrigin, "content-type": "application/x-www-form-urlencoded", ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
}

const expectedAuth = (channelName: string) =>
  `${testRealtimeConfig.key}:${createHmac("sha256", testRealtimeConfig.secret).update(`${socketId}:${channelName}`).digest("hex")}`;

describe("POST /api/realtime/auth", () => {
  it("signs a member's subscription to their own shop's channel", async () => {
    const channel = shopChannel(shops.shopA.id).name;
    const response = await requestAuth({ socket_id: socketId, channel_name: channel }, { cookie });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ auth: expectedAuth(channel) });
  });

  it("refuses another shop's channel and signs nothing", async () => {
    const response = await requestAuth(
      { socket_id: socketId, channel_name: shopChannel(shops.shopB.id).name },
      { cookie },
    );

    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: expect.any(String) });
    expect(response.body).not.toContain(testRealtimeConfig.key);
  });

  it.each([
    ["a private channel that is not a shop's", "private-admin"],
    ["a shop channel with a malformed id", "private-shop-not-a-uuid"],
    ["a presence channel", `presence-shop-${crypto.randomUUID()}`],
  ])("refuses %s", async (_case, channelName) => {
    const response = await requestAuth({ socket_id: socketId, channel_name: channelName }, { cookie });

    expect(response.statusCode).toBe(403);
    expect(response.json()).not.toHaveProperty("auth");
  });

  it("asks for a sign-in when there is no session", async () => {
    const response = await requestAuth({
      socket_id: socketId,
      channel_name: shopChannel(shops.shopA.id).name,
    });

    expect(response.statusCode).toBe(401);
    expect(response.json()).not.toHaveProperty("auth");
  });

  it.each([
    ["a malformed socket id", { socket_id: "123456", channel_name: "private-shop-x" }],
    ["a socket id with extra text", { socket_id: "1.2:private-shop-x", channel_name: "private-shop-x" }],
    ["no channel name", { socket_id: socketId }],
  ])("rejects %s before anything else", async (_case, fields) => {
    const response = await requestAuth(fields, { cookie });

    expect(response.statusCode).toBe(400);
    expect(response.json()).not.toHaveProperty("auth");
  });

  it("refuses a cross-site page posting with the member's cookie", async () => {
    const response = await requestAuth(
      { socket_id: socketId, channel_name: shopChannel(shops.shopA.id).name },
      { cookie, origin: "https://evil.example" },
    );

    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain(expectedAuth(shopChannel(shops.shopA.id).name));
  });
});
