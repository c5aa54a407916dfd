import { parseConfig, platformFields } from "@omnify/config";
import { createConnectors } from "@omnify/connectors";
import { type Actor, createShop, inviteMember, resolveShopScope } from "@omnify/core";
import type { Db } from "@omnify/db";
import { createMailer } from "@omnify/email";
import { createLogger } from "@omnify/logger";
import { sandboxCredentialEnv } from "@omnify/sandbox";
import { createSecretBox, generateKeyEntry, parseKeyring } from "@omnify/secrets";
import { z } from "zod";
import { type Context, createContext, type SignedInUser, type Viewer } from "../context.ts";

const silent = createLogger({ service: "trpc-test", level: "silent" });

/** Platform clients with the sandbox's app credentials and the real default base URLs (MSW answers them). */
export const testConnectors = createConnectors(parseConfig(z.object(platformFields), sandboxCredentialEnv()));
export const testSecrets = createSecretBox(parseKeyring(generateKeyEntry()));

export const testDeps = (db: Db) => ({
  db,
  mailer: createMailer({ db, smtp: false, log: silent }),
  clientConfig: {
    environment: "test" as const,
    realtime: { key: "k", cluster: "mt1", useTLS: false },
    analytics: null,
  },
  appUrl: "http://omnify.test",
  connectors: testConnectors,
  secrets: testSecrets,
});

/** A server-side call context for `user` (or an anonymous one). */
export function contextFor(db: Db, user: SignedInUser | null): Context {
  const viewer: Viewer = user ? { kind: "user", user, sessionId: "test-session" } : { kind: "anonymous" };
  return createContext(testDeps(db), {
    requestId: "test",
    log: silent,
    viewer,
    ip: "127.0.0.1",
    userAgent: "test",
  });
}

export async function createUser(
  db: Db,
  email: string,
  options: { staff?: boolean } = {},
): Promise<SignedInUser> {
  const user = await db.user.create({
    data: {
      email,
      name: email.split("@")[0] ?? email,
      emailVerified: true,
      role: options.staff ? "staff" : "user",
    },
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    emailVerified: true,
    isStaff: options.staff ?? false,
  };
}

const actorOf = (user: SignedInUser): Actor & { userId: string } => ({
  userId: user.id,
  email: user.email,
  ip: null,
  userAgent: null,
});

/**
 * Two shops with their owners; shop A also has a viewer and a pending
 * invitation, so there are rows of A whose ids B's owner may try to use.
 */
export async function createTwoShops(db: Db, label = "iso") {
  const ownerA = await createUser(db, `owner-a-${label}@example.com`);
  const ownerB = await createUser(db, `owner-b-${label}@example.com`);
  const viewerA = await createUser(db, `viewer-a-${label}@example.com`);
  const fields = { currency: "USD", timeZone: "America/New_York", persona: "founder" as const };
  const shopA = await createShop(db, actorOf(ownerA), ownerA, { name: `Shop A ${label}`, ...fields });
  const shopB = await createShop(db, actorOf(ownerB), ownerB, { name: `Shop B ${label}`, ...fields });
  const viewerMember = await db.shopMember.create({
    data: { shopId: shopA.id, userId: viewerA.id, role: "viewer", persona: "marketer" },
  });
  const scopeA = await resolveShopScope(db, ownerA.id, shopA.id);
  const invitation = await inviteMember(testDeps(db), scopeA, actorOf(ownerA), {
    email: `invitee-${label}@example.com`,
    role: "member",
    persona: "marketer",
  });
  const integration = await db.integration.create({
    data: {
      shopId: shopA.id,
      platform: "meta",
      status: "connected",
      scopes: ["ads_read"],
      accounts: {
        create: {
          shopId: shopA.id,
          externalId: "1010000001",
          name: "Shop A ads",
          currency: "USD",
          timeZone: "America/New_York",
          status: "active",
        },
      },
    },
  });
  return {
    shopA,
    shopB,
    ownerA,
    ownerB,
    viewerA,
    foreignIds: {
      memberId: viewerMember.id,
      invitationId: invitation.id,
      userId: viewerA.id,
      integrationId: integration.id,
    },
  };
}
