import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestServer, callTrpc, sameOrigin, sessionCookie, signIn, signUp } from "./test-server.ts";

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
    void sameOrigin;
  });
});
