import { createOrPromoteStaff } from "@omnify/auth";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTestServer,
  callTrpc,
  sameOrigin,
  sessionCookie,
  signIn,
  signUp,
} from "./testing/test-server.ts";

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestServer(database.db);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const password = "correct horse battery";

async function verificationLink(email: string): Promise<string> {
  const message = await database.db.emailMessage.findFirstOrThrow({
    where: { toAddress: email, template: "verify-email" },
    orderBy: { createdAt: "desc" },
  });
  const link = message.links[0];
  if (!link) throw new Error("no link");
  return link;
}

describe("sign-up, verification and the first shop", () => {
  it("a new account must verify its email before creating a shop", async () => {
    const { cookie } = await signUp(app, { email: "ada@example.com", password, name: "Ada" });
    const me = await callTrpc(app, { path: "account.me", type: "query", cookie });
    expect(me.body.result.data.json.user).toMatchObject({ email: "ada@example.com", emailVerified: false });

    const shop = { name: "Ada's Atelier", currency: "EUR", timeZone: "Europe/Paris" };
    const refused = await callTrpc(app, { path: "shops.create", type: "mutation", cookie, input: shop });
    expect(refused.status).toBe(403);
    expect(await database.db.shop.count({ where: { name: shop.name } })).toBe(0);

    const link = new URL(await verificationLink("ada@example.com"));
    const verified = await app.inject({ method: "GET", url: `${link.pathname}${link.search}` });
    expect(verified.statusCode).toBe(302);
    const verifiedCookie = sessionCookie(verified.headers["set-cookie"]);

    const created = await callTrpc(app, {
      path: "shops.create",
      type: "mutation",
      cookie: verifiedCookie,
      input: shop,
    });
    expect(created.status).toBe(200);
    const mine = await callTrpc(app, { path: "shops.listMine", type: "query", cookie: verifiedCookie });
    expect(mine.body.result.data.json).toEqual([
      expect.objectContaining({ name: shop.name, currency: "EUR", timeZone: "Europe/Paris", role: "owner" }),
    ]);
  });

  it("signs in with the right password only, and audits both", async () => {
    expect((await signIn(app, { email: "ada@example.com", password: "wrong password!" })).statusCode).toBe(
      401,
    );
    const ok = await signIn(app, { email: "ada@example.com", password });
    expect(ok.statusCode).toBe(200);
    const actions = await database.db.auditEvent.findMany({
      where: { action: { startsWith: "auth.sign_in" } },
    });
    expect(actions.map((event) => event.action)).toEqual(
      expect.arrayContaining(["auth.sign_in", "auth.sign_in_failed"]),
    );
  });
});

describe("sessions and passwords", () => {
  it("sets the session cookie httpOnly and SameSite=Lax", async () => {
    const response = await signIn(app, { email: "ada@example.com", password });
    const cookie = [response.headers["set-cookie"]].flat().find((value) => value?.includes("session_token"));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // http://omnify.test is not https: Secure would drop the cookie locally.
    expect(cookie).not.toMatch(/Secure/i);
  });

  it("revoking another session signs that browser out and is audited", async () => {
    const first = sessionCookie(
      (await signIn(app, { email: "ada@example.com", password })).headers["set-cookie"],
    );
    const second = sessionCookie(
      (await signIn(app, { email: "ada@example.com", password })).headers["set-cookie"],
    );
    const revoke = await app.inject({
      method: "POST",
      url: "/api/auth/revoke-other-sessions",
      headers: { ...sameOrigin, cookie: second },
      payload: {},
    });
    expect(revoke.statusCode).toBe(200);
    expect(
      (await callTrpc(app, { path: "account.me", type: "query", cookie: first })).body.result.data.json.user,
    ).toBeNull();
    expect(
      (await callTrpc(app, { path: "account.me", type: "query", cookie: second })).body.result.data.json.user,
    ).not.toBeNull();
    expect(
      await database.db.auditEvent.count({
        where: { action: "auth.session_revoked", actorEmail: "ada@example.com" },
      }),
    ).toBe(1);
  });

  it("a password reset link from the outbox sets a new password, ends old sessions and is audited", async () => {
    const oldSession = sessionCookie(
      (await signIn(app, { email: "ada@example.com", password })).headers["set-cookie"],
    );
    const requested = await app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      headers: sameOrigin,
      payload: { email: "ada@example.com", redirectTo: "/reset-password" },
    });
    expect(requested.statusCode).toBe(200);
    const email = await database.db.emailMessage.findFirstOrThrow({
      where: { toAddress: "ada@example.com", template: "reset-password" },
    });
    const link = new URL(email.links[0] ?? "");
    const landing = await app.inject({ method: "GET", url: `${link.pathname}${link.search}` });
    expect(landing.statusCode).toBe(302);
    const token = new URL(landing.headers.location ?? "", "http://omnify.test").searchParams.get("token");
    expect(token).toBeTruthy();

    const newPassword = "a-brand-new-password";
    const reset = await app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      headers: sameOrigin,
      payload: { token, newPassword },
    });
    expect(reset.statusCode).toBe(200);
    expect((await signIn(app, { email: "ada@example.com", password })).statusCode).toBe(401);
    expect((await signIn(app, { email: "ada@example.com", password: newPassword })).statusCode).toBe(200);
    expect(
      (await callTrpc(app, { path: "account.me", type: "query", cookie: oldSession })).body.result.data.json
        .user,
    ).toBeNull();
    const actions = await database.db.auditEvent.findMany({
      where: { actorEmail: "ada@example.com" },
      select: { action: true },
    });
    expect(actions.map((event) => event.action)).toEqual(
      expect.arrayContaining(["auth.password_reset_requested", "auth.password_reset"]),
    );
  });
});

describe("staff actions", () => {
  it("a ban ends the user's sessions, refuses their sign-in, and is audited with the staff actor", async () => {
    await createOrPromoteStaff(database.db, {
      email: "ops@omnify.test",
      name: "Ops",
      password: "staff-password-1",
    });
    const staff = sessionCookie(
      (await signIn(app, { email: "ops@omnify.test", password: "staff-password-1" })).headers["set-cookie"],
    );
    const { cookie: victim, userId } = await signUp(app, {
      email: "spammer@example.com",
      password,
      name: "Spam",
    });

    const ban = await callTrpc(app, {
      path: "admin.setUserBanned",
      type: "mutation",
      cookie: staff,
      input: { userId, banned: true, reason: "spam" },
    });
    expect(ban.status).toBe(200);
    expect(
      (await callTrpc(app, { path: "account.me", type: "query", cookie: victim })).body.result.data.json.user,
    ).toBeNull();
    const refused = await signIn(app, { email: "spammer@example.com", password });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toMatch(/suspended/);
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: "staff.user_banned" } });
    expect(audit).toMatchObject({
      actorEmail: "ops@omnify.test",
      targetId: userId,
      details: { reason: "spam" },
    });
  });
});
