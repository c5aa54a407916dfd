import { randomUUID } from "node:crypto";
import {
  type AdAccount,
  type AnyConnector,
  isConnectorError,
  type Platform,
  platformNames,
  staticToken,
  type TokenGrant,
} from "@omnify/connectors";
import { type Actor, recordAudit } from "../audit/audit.ts";
import { AppError } from "../errors.ts";
import { assertCan, can } from "../shops/permissions.ts";
import { resolveShopScope, type ShopScope } from "../shops/scope.ts";
import { backfillNewAccounts } from "../sync/runs.ts";
import { saveAccounts } from "./accounts.ts";
import { callbackUrl, type IntegrationDeps } from "./deps.ts";
import { consumeOAuthState, createOAuthState, pruneOAuthStates, type StateProblem } from "./oauth-state.ts";
import { normaliseShopDomain } from "./shop-domain.ts";
import { sealedGrant } from "./token-store.ts";

export function configuredConnector(
  deps: Pick<IntegrationDeps, "connectors">,
  platform: Platform,
): AnyConnector {
  const connector = deps.connectors[platform];
  if (!connector) {
    throw new AppError(
      "UNAVAILABLE",
      `${platformNames[platform]} is not set up on this Omnify server yet (its app credentials are missing).`,
    );
  }
  return connector;
}

/** Begins a connect flow: returns the platform's consent URL, with a `state` bound to this session and shop. */
export async function startConnect(
  deps: IntegrationDeps,
  scope: ShopScope,
  session: { sessionId: string },
  input: { platform: Platform; shopDomain?: string },
): Promise<{ authorizationUrl: string }> {
  assertCan(scope.role, "integrations.manage");
  const connector = configuredConnector(deps, input.platform);
  let shopDomain: string | undefined;
  if (input.platform === "shopify") {
    if (!input.shopDomain) throw new AppError("BAD_REQUEST", "Enter your store's myshopify.com address.");
    shopDomain = normaliseShopDomain(input.shopDomain);
  }
  await pruneOAuthStates(deps.db);
  const state = await createOAuthState(deps.db, {
    platform: input.platform,
    shopId: scope.shopId,
    userId: scope.userId,
    sessionId: session.sessionId,
    externalShop: shopDomain,
  });
  const url = connector.auth.authorizationUrl({
    state,
    redirectUri: callbackUrl(deps.appUrl, input.platform),
    shopDomain,
  });
  return { authorizationUrl: url.toString() };
}

export type ConnectProblem =
  | StateProblem
  | "hmac_invalid"
  | "denied"
  | "not_allowed"
  | "exchange_failed"
  | "accounts_failed";

const problemMessages: Record<ConnectProblem, string> = {
  state_invalid: "This connection link is not valid. Start again from the integrations page.",
  state_expired:
    "This connection link has expired (they last 10 minutes). Start again from the integrations page.",
  state_used: "This connection link was already used. Start again from the integrations page.",
  session_mismatch:
    "This connection was started from a different sign-in. Sign in as the person who started it, or start again.",
  hmac_invalid:
    "Shopify's signature on this request did not verify, so it was ignored. Start again from Omnify.",
  denied: "You cancelled on the platform's consent screen, so nothing was connected.",
  not_allowed: "Your role in this shop no longer allows connecting integrations.",
  exchange_failed: "The platform did not accept the authorisation. Please try again.",
  accounts_failed: "Connected, but the platform would not list your accounts, so nothing was saved.",
};

/** A refused callback: `message` is for the page shown to the user; nothing was stored. */
export class ConnectFailure extends Error {
  override name = "ConnectFailure";

  constructor(
    readonly problem: ConnectProblem,
    readonly platform: Platform,
    /** Where to send the user back to, when the state named a shop. */
    readonly shopId: string | null = null,
    detail?: string,
  ) {
    super(detail ? `${problemMessages[problem]} (${detail})` : problemMessages[problem]);
  }
}

export interface CallbackResult {
  shopId: string;
  integrationId: string;
  platform: Platform;
  /** Accounts the user still has to choose from. */
  needsAccountChoice: boolean;
}

/**
 * Finishes a connect flow from the platform's redirect: verifies Shopify's
 * HMAC, the state (this session, unused, fresh), exchanges the code, lists the
 * accounts and stores the sealed tokens. Anything refused stores nothing.
 */
export async function completeConnect(
  deps: IntegrationDeps,
  actor: Actor,
  platform: Platform,
  query: URLSearchParams,
  session: { userId: string; sessionId: string } | null,
): Promise<CallbackResult> {
  const connector = configuredConnector(deps, platform);
  // Shopify signs its redirect; a forged or altered one is dropped before the state is even looked at.
  if (connector.auth.verifyCallback && !connector.auth.verifyCallback(query)) {
    throw new ConnectFailure("hmac_invalid", platform);
  }
  const consumed = await consumeOAuthState(deps.db, platform, query.get("state"), session);
  if (!consumed.ok) throw new ConnectFailure(consumed.problem, platform);
  const { shopId, userId, externalShop } = consumed.binding;

  if (query.has("error") || query.has("error_reason")) throw new ConnectFailure("denied", platform, shopId);
  let scope: ShopScope;
  try {
    scope = await resolveShopScope(deps.db, userId, shopId);
  } catch {
    throw new ConnectFailure("not_allowed", platform);
  }
  if (!can(scope.role, "integrations.manage")) throw new ConnectFailure("not_allowed", platform, shopId);
  const code = query.get("code") ?? query.get("auth_code");
  if (!code) throw new ConnectFailure("state_invalid", platform, shopId);
  if (platform === "shopify" && query.get("shop") !== externalShop)
    throw new ConnectFailure("state_invalid", platform, shopId);

  let grant: TokenGrant;
  try {
    grant = await connector.auth.exchangeCode({
      code,
      redirectUri: callbackUrl(deps.appUrl, platform),
      shopDomain: externalShop ?? undefined,
    });
  } catch (error) {
    throw new ConnectFailure(
      "exchange_failed",
      platform,
      shopId,
      isConnectorError(error) ? error.message : undefined,
    );
  }

  let accounts: AdAccount[];
  try {
    accounts =
      connector.platform === "shopify"
        ? [await connector.getShop(staticToken(grant.accessToken), externalShop ?? "")]
        : await connector.listAccounts(staticToken(grant.accessToken));
  } catch (error) {
    await connector.auth.revoke?.({ ...grant, shopDomain: externalShop ?? undefined }).catch(() => undefined);
    throw new ConnectFailure(
      "accounts_failed",
      platform,
      shopId,
      isConnectorError(error) ? error.message : undefined,
    );
  }
  if (grant.accountIds) {
    const granted = new Set(grant.accountIds);
    accounts = accounts.filter((account) => granted.has(account.externalId));
  }

  const integrationId = await storeConnection(deps, scope, actor, {
    platform,
    externalShop,
    grant,
    accounts,
  });
  await backfillNewAccounts(deps.db, integrationId);
  const selectable = accounts.filter((account) => account.status === "active");
  return {
    shopId,
    integrationId,
    platform,
    needsAccountChoice: platform !== "shopify" && selectable.length > 1,
  };
}

async function storeConnection(
  deps: IntegrationDeps,
  scope: ShopScope,
  actor: Actor,
  input: { platform: Platform; externalShop: string | null; grant: TokenGrant; accounts: AdAccount[] },
): Promise<string> {
  const { platform, grant, accounts } = input;
  return deps.db.$transaction(async (tx) => {
    const existing = await tx.integration.findUnique({
      where: { shopId_platform: { shopId: scope.shopId, platform } },
      select: { id: true },
    });
    const id = existing?.id ?? randomUUID();
    const fields = {
      status: "connected" as const,
      externalShop: input.externalShop,
      scopes: grant.scopes,
      ...sealedGrant(deps.secrets, id, grant),
      lastError: null,
      connectedById: scope.userId,
      connectedAt: new Date(),
      disconnectedAt: null,
    };
    await tx.integration.upsert({
      where: { id },
      create: { id, shopId: scope.shopId, platform, ...fields },
      update: fields,
    });
    // One store, or one usable ad account: nothing to choose.
    const autoSelect =
      platform === "shopify" || accounts.filter((account) => account.status === "active").length === 1;
    await saveAccounts(tx, { integrationId: id, shopId: scope.shopId }, accounts, { autoSelect });
    await recordAudit(tx, actor, {
      action: "integration.connected",
      shopId: scope.shopId,
      target: { type: "integration", id },
      details: { platform, accounts: accounts.length, scopes: grant.scopes },
    });
    return id;
  });
}
