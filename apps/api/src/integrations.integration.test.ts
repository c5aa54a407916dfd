import { createHmac } from "node:crypto";
import { Writable } from "node:stream";
import { ensurePasswordUser } from "@omnify/auth";
import { parseConfig, platformFields } from "@omnify/config";
import { createConnectors } from "@omnify/connectors";
import { reencryptSecrets } from "@omnify/core";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { createLogger } from "@omnify/logger";
import { createSandbox, sandboxApps, sandboxCredentialEnv } from "@omnify/sandbox";
import { sandboxHandlers } from "@omnify/sandbox/msw";
import { createSecretBox, formatKeyring, generateKeyEntry, parseKeyring } from "@omnify/secrets";
import type { FastifyInstance } from "fastify";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  answerConsent,
  connectThroughSandbox,
  deliverCallback,
  startConnect,
} from "./testing/connect-flow.ts";
import { buildTestServer, callTrpc, sessionCookie, signIn } from "./testing/test-server.ts";

const sandbox = createSandbox({ publicUrl: "https://sandbox.omnify.test" });
const mock = setupServer(...sandboxHandlers(sandbox));
const connectors = createConnectors(parseConfig(z.object(platformFields), sandboxCredentialEnv()));
const olderKey = generateKeyEntry(new Date("2026-01-01T00:00:00Z"));
const keyring = parseKeyring(olderKey);
const secrets = createSecretBox(keyring);

const logLines: string[] = [];
const logger = createLogger({
  service: "api-test",
  level: "trace",
  destination: new Writable({
    write(chunk, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  }),
});

let database: TestDatabase;
let app: FastifyInstance;
let cookie: string;
let shopId: string;
const password = "correct horse battery";

async function signedIn(email: string): Promise<string> {
  await ensurePasswordUser(database.db, { email, name: email.split("@")[0] ?? email, password });
  const response = await signIn(app, { email, password });
  return sessionCookie(response.headers["set-cookie"]);
}

beforeAll(async () => {
  mock.listen({ onUnhandledRequest: "error" });
  database = await createTestDatabase();
  app = await buildTestServer(database.db, { connectors, secrets, logger });
  cookie = await signedIn("owner@integrations.test");
  const created = await callTrpc(app, {
    path: "shops.create",
    type: "mutation",
    cookie,
    input: { name: "Juniper & Pine", currency: "USD", timeZone: "America/New_York" },
  });
  shopId = created.body.result.data.json.id;
});

afterAll(async () => {
  mock.close();
  await app?.close();
  await database?.drop();
});

beforeEach(() => sandbox.setFaults({}));

const integrationOf = (platform: "meta" | "google" | "tiktok" | "shopify") =>
  database.db.integration.findUnique({
    where: { shopId_platform: { shopId, platform } },
    include: { accounts: true },
  });

const shopifyDomain = "juniper-and-pine.myshopify.com";

describe("connecting each platform through its consent page", () => {
  it.each([
    ["meta", undefined, 2],
    ["google", undefined, 2],
    ["tiktok", undefined, 2],
    ["shopify", shopifyDomain, 1],
  ] as const)(
    "%s: consent → callback → sealed tokens and its accounts",
    async (platform, shopDomain, activeAccounts) => {
      const { response } = await connectThroughSandbox(app, cookie, { shopId, platform, shopDomain });
      expect(response.statusCode).toBe(303);
      const landing = new URL(response.headers.location as string);
      expect(landing.pathname).toBe(`/shops/${shopId}/integrations`);
      expect(landing.searchParams.get("connected")).toBe(platform);

      const integration = await integrationOf(platform);
      expect(integration).toMatchObject({ status: "connected", platform });
      expect(integration?.accessTokenSealed).toMatch(/^v1\./);
      expect(integration?.accounts.filter((account) => account.status === "active")).toHaveLength(
        activeAccounts,
      );
      // The raw column is ciphertext: the token only appears once opened with the key.
      const token = secrets.open(
        integration?.accessTokenSealed ?? "",
        `integration:${integration?.id}:access_token`,
      );
      expect(token.length).toBeGreaterThan(10);
      expect(integration?.accessTokenSealed).not.toContain(token);
      if (platform === "shopify")
        expect(integration?.accounts[0]).toMatchObject({ externalId: shopDomain, selected: true });
      else expect(landing.searchParams.get("choose")).toBe(integration?.id);
    },
  );

  it("lists the cards without any token or sealed value", async () => {
    const listed = await callTrpc(app, {
      path: "integrations.list",
      type: "query",
      cookie,
      input: { shopId },
    });
    expect(listed.status).toBe(200);
    const cards = listed.body.result.data.json;
    expect(cards.map((card: { platform: string }) => card.platform)).toEqual([
      "meta",
      "google",
      "tiktok",
      "shopify",
    ]);
    const text = JSON.stringify(listed.body);
    expect(text).not.toMatch(/sealed|v1\.k\d/i);
    for (const integration of await database.db.integration.findMany({ where: { shopId } })) {
      const token = secrets.open(
        integration.accessTokenSealed ?? "",
        `integration:${integration.id}:access_token`,
      );
      expect(text).not.toContain(token);
    }
  });

  it("no log line of the flows above holds a token, refresh token or code", async () => {
    const integrations = await database.db.integration.findMany({ where: { shopId } });
    const secretsSeen = integrations.flatMap((integration) => [
      secrets.open(integration.accessTokenSealed ?? "", `integration:${integration.id}:access_token`),
      ...(integration.refreshTokenSealed
        ? [secrets.open(integration.refreshTokenSealed, `integration:${integration.id}:refresh_token`)]
        : []),
    ]);
    expect(logLines.length).toBeGreaterThan(10);
    const logged = logLines.join("");
    for (const secret of secretsSeen) expect(logged).not.toContain(secret);
    const leak = logged.match(/.{0,200}code=[^&"\s]{8,}.{0,50}/)?.[0];
    expect(leak).toBeUndefined();
  });
});

describe("refused callbacks store nothing", () => {
  let ownerB: string;
  let shopB: string;

  beforeAll(async () => {
    ownerB = await signedIn("owner-b@integrations.test");
    const created = await callTrpc(app, {
      path: "shops.create",
      type: "mutation",
      cookie: ownerB,
      input: { name: "Olive & Oak", currency: "EUR", timeZone: "Europe/Paris" },
    });
    shopB = created.body.result.data.json.id;
  });

  const storedForB = () => database.db.integration.count({ where: { shopId: shopB } });

  async function refusal(response: Awaited<ReturnType<typeof deliverCallback>>, problem: string) {
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body).toContain(`data-problem="${problem}"`);
    expect(await storedForB()).toBe(0);
  }

  it("a tampered state", async () => {
    const callback = await answerConsent(
      await startConnect(app, ownerB, { shopId: shopB, platform: "meta" }),
      "allow",
    );
    callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);
    await refusal(await deliverCallback(app, callback, ownerB), "state_invalid");
  });

  it("a replayed callback", async () => {
    const callback = await answerConsent(
      await startConnect(app, ownerB, { shopId: shopB, platform: "tiktok" }),
      "allow",
    );
    expect((await deliverCallback(app, callback, ownerB)).statusCode).toBe(303);
    await database.db.integration.deleteMany({ where: { shopId: shopB } });
    await refusal(await deliverCallback(app, callback, ownerB), "state_used");
  });

  it("an expired state", async () => {
    const callback = await answerConsent(
      await startConnect(app, ownerB, { shopId: shopB, platform: "google" }),
      "allow",
    );
    await database.db.oAuthState.updateMany({
      where: { shopId: shopB, consumedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await refusal(await deliverCallback(app, callback, ownerB), "state_expired");
  });

  it("a state from another session, or no session", async () => {
    const callback = await answerConsent(
      await startConnect(app, ownerB, { shopId: shopB, platform: "meta" }),
      "allow",
    );
    await refusal(await deliverCallback(app, callback, cookie), "session_mismatch");
    await refusal(await deliverCallback(app, callback, undefined), "session_mismatch");
  });

  it("a Shopify callback whose HMAC does not verify, before its state is even used", async () => {
    const callback = await answerConsent(
      await startConnect(app, ownerB, { shopId: shopB, platform: "shopify", shopDomain: shopifyDomain }),
      "allow",
    );
    const forged = new URL(callback);
    forged.searchParams.set("timestamp", String(Number(callback.searchParams.get("timestamp")) + 1));
    await refusal(await deliverCallback(app, forged, ownerB), "hmac_invalid");
    const missing = new URL(callback);
    missing.searchParams.delete("hmac");
    await refusal(await deliverCallback(app, missing, ownerB), "hmac_invalid");
    // The genuine callback still works: the forged ones did not burn the state.
    expect((await deliverCallback(app, callback, ownerB)).statusCode).toBe(303);
    await database.db.integration.deleteMany({ where: { shopId: shopB } });
  });

  it("the owner cancelling on the consent page", async () => {
    const callback = await answerConsent(
      await startConnect(app, ownerB, { shopId: shopB, platform: "google" }),
      "deny",
    );
    await refusal(await deliverCallback(app, callback, ownerB), "denied");
  });
});

describe("Shopify's install entry", () => {
  /** The request Shopify's admin sends when a merchant installs the app, signed like Shopify signs it. */
  function installUrl(params: Record<string, string>, secret = sandboxApps.shopify.clientSecret) {
    const message = Object.entries(params)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => `${key}=${value}`)
      .join("&");
    const query = new URLSearchParams({
      ...params,
      hmac: createHmac("sha256", secret).update(message).digest("hex"),
    });
    return `/api/integrations/shopify/install?${query}`;
  }
  const now = () => String(Math.floor(Date.now() / 1000));

  it("a verified install goes on to choosing the Omnify shop", async () => {
    const response = await app.inject({
      method: "GET",
      url: installUrl({ shop: shopifyDomain, timestamp: now() }),
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`http://omnify.test/connect/shopify?shop=${shopifyDomain}`);
  });

  it("a forged, stale or foreign-shop install is refused", async () => {
    const forged = await app.inject({
      method: "GET",
      url: installUrl({ shop: shopifyDomain, timestamp: now() }, "wrong"),
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('data-problem="hmac_invalid"');
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    expect(
      (await app.inject({ method: "GET", url: installUrl({ shop: shopifyDomain, timestamp: stale }) }))
        .statusCode,
    ).toBe(400);
    const notAShop = await app.inject({
      method: "GET",
      url: installUrl({ shop: "evil.example.com", timestamp: now() }),
    });
    expect(notAShop.statusCode).toBe(400);
  });
});

describe("tokens over time", () => {
  it("an expired Google access token is refreshed, stored sealed, and the call succeeds", async () => {
    const before = await integrationOf("google");
    sandbox.setFaults({ tokenExpiresAfterCalls: 1, platforms: ["google"] });
    const refreshed = await callTrpc(app, {
      path: "integrations.refreshAccounts",
      type: "mutation",
      cookie,
      input: { shopId, integrationId: before?.id },
    });
    expect(refreshed.status).toBe(200);
    const after = await integrationOf("google");
    expect(after?.accessTokenSealed).not.toBe(before?.accessTokenSealed);
    expect(after?.status).toBe("connected");
  });

  it("disconnecting destroys the tokens and revokes the grant at the platform", async () => {
    const google = await integrationOf("google");
    const disconnected = await callTrpc(app, {
      path: "integrations.disconnect",
      type: "mutation",
      cookie,
      input: { shopId, integrationId: google?.id },
    });
    expect(disconnected.body.result.data.json).toEqual({ revocation: "revoked" });
    expect(await integrationOf("google")).toMatchObject({
      status: "disconnected",
      accessTokenSealed: null,
      refreshTokenSealed: null,
    });
  });

  it("after key rotation every token is re-sealed under the new key and the connection still works", async () => {
    const rotated = parseKeyring(`${generateKeyEntry()},${formatKeyring(keyring)}`);
    const rotatedBox = createSecretBox(rotated);
    const result = await reencryptSecrets(database.db, rotatedBox);
    // Meta, TikTok and Shopify are still connected (Google was disconnected above).
    expect(result.reencrypted).toBe(3);
    expect(result.keysInUse).toEqual([rotated.currentKeyId]);

    // The old key is gone: only the new one can open anything now.
    const onlyNew = createSecretBox(parseKeyring(formatKeyring(rotated).split(",")[0] ?? ""));
    const server = await buildTestServer(database.db, { connectors, secrets: onlyNew });
    try {
      const meta = await integrationOf("meta");
      const refreshed = await callTrpc(server, {
        path: "integrations.refreshAccounts",
        type: "mutation",
        cookie,
        input: { shopId, integrationId: meta?.id },
      });
      expect(refreshed.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
