import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { parseConfig, platformFields } from "@omnify/config";
import { type Connectors, createConnectors, type Platform } from "@omnify/connectors";
import { defaultSyncSettings, type SyncSettings, saveAccounts, sealedGrant } from "@omnify/core";
import type { Db } from "@omnify/db";
import { createLogger } from "@omnify/logger";
import type { RealtimePublisher } from "@omnify/realtime/server";
import { createSandbox, type Faults, type Sandbox } from "@omnify/sandbox";
import { sandboxPlatformEnv } from "@omnify/sandbox/hosts";
import { answerConsent } from "@omnify/sandbox/testing";
import { createSecretBox, generateKeyEntry, parseKeyring, type SecretBox } from "@omnify/secrets";
import { z } from "zod";
import type { TaskDeps } from "../task.ts";

// Test support for sync tests: the sandbox served on a real port (so child
// worker processes reach it too), connections made through its consent pages,
// and the dependencies a worker needs.

export interface SandboxServer {
  sandbox: Sandbox;
  url: string;
  /** The platform variables that point a worker at this sandbox. */
  env: Record<string, string>;
  connectors: Connectors;
  close(): Promise<void>;
}

export async function startSandboxServer(
  options: { faults?: Partial<Faults>; largeAccountAds?: number; now?: () => Date } = {},
): Promise<SandboxServer> {
  let url = "";
  let sandbox: Sandbox | undefined;
  const server = serve({
    fetch: (request) => (sandbox as Sandbox).fetch(request),
    hostname: "127.0.0.1",
    port: 0,
  });
  await new Promise<void>((resolve) => (server as Server).once("listening", resolve));
  url = `http://127.0.0.1:${((server as Server).address() as AddressInfo).port}`;
  sandbox = createSandbox({
    publicUrl: url,
    faults: options.faults,
    now: options.now,
    ...(options.largeAccountAds ? { largeAccount: { ads: options.largeAccountAds } } : {}),
  });
  const env = sandboxPlatformEnv(url);
  return {
    sandbox,
    url,
    env,
    connectors: createConnectors(parseConfig(z.object(platformFields), env)),
    close: () =>
      new Promise<void>((resolve) => {
        (server as Server).closeAllConnections();
        (server as Server).close(() => resolve());
      }),
  };
}

export const testKeys = generateKeyEntry();
export const testSecrets: SecretBox = createSecretBox(parseKeyring(testKeys));

/**
 * Connects a shop to a platform through the sandbox's consent page and token
 * endpoint, as the product does, and selects accounts (`externalIds`, or every
 * active one).
 */
export async function connectPlatform(
  db: Db,
  connectors: Connectors,
  input: { shopId: string; platform: Platform; externalIds?: string[] },
): Promise<string> {
  const redirectUri = "http://127.0.0.1/callback";
  const shopDomain = input.platform === "shopify" ? "juniper-and-pine.myshopify.com" : undefined;
  const connector = connectors[input.platform];
  if (!connector) throw new Error(`${input.platform} is not configured`);
  const consent = connector.auth.authorizationUrl({ state: "test-state", redirectUri, shopDomain });
  const callback = await answerConsent(consent.toString(), "allow");
  const code = callback.searchParams.get("code") ?? callback.searchParams.get("auth_code");
  if (!code) throw new Error(`no code in ${callback.pathname}`);
  const grant = await connector.auth.exchangeCode({ code, redirectUri, shopDomain });
  const integration = await db.integration.create({
    data: { shopId: input.shopId, platform: input.platform, status: "connected", scopes: grant.scopes },
  });
  await db.integration.update({
    where: { id: integration.id },
    data: { externalShop: shopDomain ?? null, ...sealedGrant(testSecrets, integration.id, grant) },
  });
  const tokens = { accessToken: async () => grant.accessToken };
  const accounts =
    connector.platform === "shopify"
      ? [await connector.getShop(tokens, shopDomain as string)]
      : await connector.listAccounts(tokens);
  await db.$transaction((tx) =>
    saveAccounts(tx, { integrationId: integration.id, shopId: input.shopId }, accounts),
  );
  await db.integrationAccount.updateMany({
    where: {
      integrationId: integration.id,
      status: "active",
      ...(input.externalIds ? { externalId: { in: input.externalIds } } : {}),
    },
    data: { selected: true },
  });
  return integration.id;
}

/** Publishes nowhere, remembering what was sent. */
export function recordingPublisher(): RealtimePublisher & {
  sent: { channel: string; event: string; payload: unknown }[];
} {
  const sent: { channel: string; event: string; payload: unknown }[] = [];
  return {
    sent,
    async publish(channel, event, payload) {
      sent.push({ channel: channel.name, event, payload });
    },
  };
}

/** Settings that keep tests quick: small chunks, short backoffs. */
export const quickSyncSettings: SyncSettings = {
  ...defaultSyncSettings,
  chunkDays: 10,
  backoffBaseMs: 200,
  backoffMaxMs: 2_000,
  scheduleSpreadSeconds: 0,
};

export function testTaskDeps(db: Db, world: SandboxServer, overrides: Partial<TaskDeps> = {}): TaskDeps {
  return {
    db,
    log: createLogger({ service: "worker-test", level: "silent" }),
    realtime: recordingPublisher(),
    smtp: null,
    connectors: world.connectors,
    secrets: testSecrets,
    syncSettings: quickSyncSettings,
    now: () => new Date(),
    ...overrides,
  };
}

export async function createShop(db: Db, slug: string) {
  return db.shop.create({ data: { slug, name: slug, currency: "USD", timeZone: "America/New_York" } });
}

/** The sync-related dependencies for tests that do not sync (every platform unconfigured). */
export const withoutPlatforms = (): Pick<TaskDeps, "connectors" | "secrets" | "syncSettings" | "now"> => ({
  connectors: { meta: null, google: null, tiktok: null, shopify: null },
  secrets: testSecrets,
  syncSettings: quickSyncSettings,
  now: () => new Date(),
});
