import {
  type AdAccount,
  isConnectorError,
  type Platform,
  platformNames,
  platforms,
} from "@omnify/connectors";
import type { Prisma } from "@omnify/db";
import { type Actor, recordAudit } from "../audit/audit.ts";
import { AppError } from "../errors.ts";
import { assertCan } from "../shops/permissions.ts";
import type { ShopScope } from "../shops/scope.ts";
import { backfillNewAccounts } from "../sync/runs.ts";
import { saveAccounts } from "./accounts.ts";
import { configuredConnector } from "./connect.ts";
import type { IntegrationDeps } from "./deps.ts";
import { integrationTokenSource, markNeedsReauth, openTokens } from "./token-store.ts";

const integrationView = {
  id: true,
  platform: true,
  status: true,
  externalShop: true,
  scopes: true,
  accessTokenExpiresAt: true,
  lastError: true,
  connectedAt: true,
  disconnectedAt: true,
  connectedById: true,
  accounts: {
    select: {
      id: true,
      externalId: true,
      name: true,
      currency: true,
      timeZone: true,
      status: true,
      selected: true,
    },
    orderBy: [{ status: "asc" as const }, { name: "asc" as const }],
  },
} satisfies Prisma.IntegrationSelect;

/**
 * One card per platform: whether this server can connect it at all, and the
 * shop's connection if there is one. Tokens never leave this package.
 */
export async function listIntegrations(deps: Pick<IntegrationDeps, "db" | "connectors">, scope: ShopScope) {
  const rows = await deps.db.integration.findMany({
    where: { shopId: scope.shopId },
    select: integrationView,
  });
  const connectors = await deps.db.user.findMany({
    where: { id: { in: rows.flatMap((row) => (row.connectedById ? [row.connectedById] : [])) } },
    select: { id: true, name: true },
  });
  return platforms.map((platform) => {
    const row = rows.find((candidate) => candidate.platform === platform);
    return {
      platform,
      name: platformNames[platform],
      available: deps.connectors[platform] !== null,
      integration: row
        ? {
            id: row.id,
            status: row.status,
            externalShop: row.externalShop,
            scopes: row.scopes,
            accessTokenExpiresAt: row.accessTokenExpiresAt,
            lastError: row.lastError,
            connectedAt: row.connectedAt,
            disconnectedAt: row.disconnectedAt,
            connectedBy: connectors.find((user) => user.id === row.connectedById)?.name ?? null,
            accounts: row.accounts,
          }
        : null,
    };
  });
}

async function integrationInShop(deps: Pick<IntegrationDeps, "db">, scope: ShopScope, integrationId: string) {
  const integration = await deps.db.integration.findFirst({
    where: { id: integrationId, shopId: scope.shopId },
  });
  if (!integration) throw new AppError("NOT_FOUND", "Integration not found in this shop.");
  return integration;
}

/** Chooses which of the integration's accounts sync. Disabled accounts cannot be chosen. */
export async function selectAccounts(
  deps: Pick<IntegrationDeps, "db">,
  scope: ShopScope,
  actor: Actor,
  input: { integrationId: string; accountIds: string[] },
) {
  assertCan(scope.role, "integrations.manage");
  const integration = await integrationInShop(deps, scope, input.integrationId);
  if (integration.status === "disconnected") {
    throw new AppError("CONFLICT", "This integration is disconnected; connect it again first.");
  }
  const accounts = await deps.db.integrationAccount.findMany({
    where: { integrationId: integration.id, shopId: scope.shopId },
    select: { id: true, status: true, name: true },
  });
  const wanted = new Set(input.accountIds);
  const unknown = [...wanted].filter((id) => !accounts.some((account) => account.id === id));
  if (unknown.length)
    throw new AppError("BAD_REQUEST", "Some of the chosen accounts do not belong to this integration.");
  const disabled = accounts.filter((account) => wanted.has(account.id) && account.status !== "active");
  if (disabled.length) {
    throw new AppError(
      "BAD_REQUEST",
      `${disabled.map((account) => account.name).join(", ")} cannot sync: the platform has disabled it.`,
    );
  }
  await deps.db.$transaction(async (tx) => {
    for (const account of accounts) {
      await tx.integrationAccount.update({
        where: { id: account.id },
        data: { selected: wanted.has(account.id) },
      });
    }
    await recordAudit(tx, actor, {
      action: "integration.accounts_selected",
      shopId: scope.shopId,
      target: { type: "integration", id: integration.id },
      details: { platform: integration.platform, selected: wanted.size },
    });
  });
  await backfillNewAccounts(deps.db, integration.id);
  return { selected: wanted.size };
}

/** Asks the platform again which accounts the connection reaches (new ad accounts show up here). */
export async function refreshAccounts(
  deps: IntegrationDeps,
  scope: ShopScope,
  input: { integrationId: string },
) {
  assertCan(scope.role, "integrations.manage");
  const integration = await integrationInShop(deps, scope, input.integrationId);
  const connector = configuredConnector(deps, integration.platform);
  const tokens = integrationTokenSource(deps, integration);
  let accounts: AdAccount[];
  try {
    accounts =
      connector.platform === "shopify"
        ? [await connector.getShop(tokens, integration.externalShop ?? "")]
        : await connector.listAccounts(tokens);
  } catch (error) {
    if (isConnectorError(error, "auth_expired")) {
      await markNeedsReauth(deps.db, integration.id, error.message);
      throw new AppError(
        "CONFLICT",
        `${error.message} Reconnect ${platformNames[integration.platform]} to continue.`,
      );
    }
    if (isConnectorError(error)) throw new AppError("UNAVAILABLE", error.message);
    throw error;
  }
  await deps.db.$transaction((tx) =>
    saveAccounts(tx, { integrationId: integration.id, shopId: scope.shopId }, accounts),
  );
  return { accounts: accounts.length };
}

/**
 * Destroys the tokens and, where the platform allows, revokes the grant
 * there. Revocation is best effort: a platform that is down must not keep a
 * shop from disconnecting, so the outcome is recorded instead.
 */
export async function disconnectIntegration(
  deps: IntegrationDeps,
  scope: ShopScope,
  actor: Actor,
  input: { integrationId: string },
) {
  assertCan(scope.role, "integrations.manage");
  const integration = await integrationInShop(deps, scope, input.integrationId);
  let revoked: "revoked" | "not_supported" | "failed" | "already_disconnected" = "already_disconnected";
  if (integration.accessTokenSealed) {
    const auth = deps.connectors[integration.platform]?.auth;
    if (!auth?.revoke) {
      revoked = "not_supported";
    } else {
      try {
        await auth.revoke({
          ...openTokens(deps.secrets, integration),
          shopDomain: integration.externalShop ?? undefined,
        });
        revoked = "revoked";
      } catch {
        revoked = "failed";
      }
    }
  }
  await deps.db.$transaction(async (tx) => {
    await tx.integration.update({
      where: { id: integration.id },
      data: {
        status: "disconnected",
        accessTokenSealed: null,
        refreshTokenSealed: null,
        accessTokenExpiresAt: null,
        refreshTokenExpiresAt: null,
        lastError: null,
        disconnectedAt: new Date(),
      },
    });
    await recordAudit(tx, actor, {
      action: "integration.disconnected",
      shopId: scope.shopId,
      target: { type: "integration", id: integration.id },
      details: { platform: integration.platform, revocation: revoked },
    });
  });
  return { revocation: revoked };
}

export type IntegrationCard = Awaited<ReturnType<typeof listIntegrations>>[number];
export type { Platform };
