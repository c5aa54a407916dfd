import {
  type ConnectorError,
  isConnectorError,
  platformNames,
  type TokenGrant,
  type TokenSource,
} from "@omnify/connectors";
import type { DbOrTx, Integration } from "@omnify/db";
import type { SecretBox } from "@omnify/secrets";
import { AppError } from "../errors.ts";
import { notifyMembers } from "../notifications/notifications.ts";
import type { IntegrationDeps } from "./deps.ts";

/** Additional data binding a sealed token to its row and column. */
const sealContext = (integrationId: string, column: "access_token" | "refresh_token") =>
  `integration:${integrationId}:${column}`;

/** The columns that hold a grant, sealed for one integration row. */
export function sealedGrant(secrets: SecretBox, integrationId: string, grant: TokenGrant) {
  return {
    accessTokenSealed: secrets.seal(grant.accessToken, sealContext(integrationId, "access_token")),
    refreshTokenSealed: grant.refreshToken
      ? secrets.seal(grant.refreshToken, sealContext(integrationId, "refresh_token"))
      : null,
    accessTokenExpiresAt: grant.expiresAt,
    refreshTokenExpiresAt: grant.refreshTokenExpiresAt,
  };
}

type RefreshOutcome =
  | { refreshed: Integration; refused?: undefined }
  | { refused: ConnectorError; refreshed?: undefined };

type TokenColumns = Pick<Integration, "id" | "accessTokenSealed" | "refreshTokenSealed" | "externalShop">;

export function openTokens(secrets: SecretBox, integration: TokenColumns) {
  if (!integration.accessTokenSealed) {
    throw new AppError("CONFLICT", "This integration is disconnected; connect it again first.");
  }
  return {
    accessToken: secrets.open(integration.accessTokenSealed, sealContext(integration.id, "access_token")),
    refreshToken: integration.refreshTokenSealed
      ? secrets.open(integration.refreshTokenSealed, sealContext(integration.id, "refresh_token"))
      : null,
  };
}

/**
 * Tokens for one integration, opened only when a call needs them. A refresh
 * locks the row, so two workers refreshing at once do not burn each other's
 * rotating refresh tokens: the second one finds the token already replaced
 * and uses it. A refresh the platform refuses marks the integration
 * needs-re-auth.
 */
export function integrationTokenSource(
  deps: Pick<IntegrationDeps, "db" | "connectors" | "secrets">,
  integration: TokenColumns & Pick<Integration, "platform">,
): TokenSource {
  const auth = deps.connectors[integration.platform]?.auth;
  let current = integration;
  const source: TokenSource = {
    accessToken: async () => openTokens(deps.secrets, current).accessToken,
  };
  if (auth?.refresh) {
    const refresh = auth.refresh.bind(auth);
    source.refresh = async () => {
      const seen = current.accessTokenSealed;
      const outcome = await deps.db.$transaction(async (tx): Promise<RefreshOutcome> => {
        const [row] = await tx.$queryRaw<
          { id: string }[]
        >`SELECT id FROM integrations WHERE id = ${integration.id}::uuid FOR UPDATE`;
        if (!row) throw new AppError("NOT_FOUND", "The integration was removed.");
        const latest = await tx.integration.findUniqueOrThrow({ where: { id: integration.id } });
        if (latest.accessTokenSealed !== seen) return { refreshed: latest };
        const { refreshToken } = openTokens(deps.secrets, latest);
        if (!refreshToken)
          throw new AppError("CONFLICT", "The platform gave no refresh token; connect again.");
        try {
          const grant = await refresh(refreshToken, latest.externalShop ?? undefined);
          const updated = await tx.integration.update({
            where: { id: latest.id },
            data: {
              ...sealedGrant(deps.secrets, latest.id, {
                ...grant,
                refreshToken: grant.refreshToken ?? refreshToken,
              }),
            },
          });
          return { refreshed: updated };
        } catch (error) {
          if (isConnectorError(error, "auth_expired") || isConnectorError(error, "permission_denied")) {
            return { refused: error };
          }
          throw error;
        }
      });
      // Marked after the lock's transaction ends: throwing inside it would roll the mark back.
      if (outcome.refused) {
        await markNeedsReauth(deps.db, integration.id, outcome.refused.message);
        throw outcome.refused;
      }
      const refreshed = outcome.refreshed;
      current = refreshed;
      return openTokens(deps.secrets, current).accessToken;
    };
  }
  return source;
}

/**
 * The platform refused the connection: members must reconnect. The first time
 * it happens each member gets a notification; the integrations page and a
 * banner on every shop page show the reason.
 */
export async function markNeedsReauth(db: DbOrTx, integrationId: string, reason: string): Promise<void> {
  const changed = await db.integration.updateManyAndReturn({
    where: { id: integrationId, status: { not: "needs_reauth" } },
    data: { status: "needs_reauth", lastError: reason },
    select: { shopId: true, platform: true },
  });
  const integration = changed[0];
  if (!integration) return;
  await notifyMembers(db, integration.shopId, {
    kind: "integration.needs_reauth",
    title: `${platformNames[integration.platform]} needs reconnecting`,
    body: reason,
    link: `/shops/${integration.shopId}/integrations`,
  });
}

/**
 * Re-seals every token not sealed under the current key. Rows are re-read and
 * updated one at a time under a row lock, so it can run while the product runs.
 */
export async function reencryptSecrets(
  db: DbOrTx & { $transaction: IntegrationDeps["db"]["$transaction"] },
  secrets: SecretBox,
) {
  const rows = await db.integration.findMany({
    where: { accessTokenSealed: { not: null } },
    select: { id: true, accessTokenSealed: true, refreshTokenSealed: true },
  });
  let reencrypted = 0;
  for (const row of rows) {
    const stale = [row.accessTokenSealed, row.refreshTokenSealed].some(
      (value) => value && secrets.isStale(value),
    );
    if (!stale) continue;
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM integrations WHERE id = ${row.id}::uuid FOR UPDATE`;
      const latest = await tx.integration.findUniqueOrThrow({ where: { id: row.id } });
      if (!latest.accessTokenSealed) return;
      const opened = openTokens(secrets, latest);
      await tx.integration.update({
        where: { id: row.id },
        data: {
          accessTokenSealed: secrets.seal(opened.accessToken, sealContext(row.id, "access_token")),
          refreshTokenSealed: opened.refreshToken
            ? secrets.seal(opened.refreshToken, sealContext(row.id, "refresh_token"))
            : null,
        },
      });
      reencrypted += 1;
    });
  }
  const remaining = await db.integration.findMany({
    where: { accessTokenSealed: { not: null } },
    select: { accessTokenSealed: true, refreshTokenSealed: true },
  });
  const keysInUse = new Set(
    remaining
      .flatMap((row) => [row.accessTokenSealed, row.refreshTokenSealed])
      .flatMap((value) => (value ? [secrets.keyIdOf(value)] : [])),
  );
  return { checked: rows.length, reencrypted, keysInUse: [...keysInUse] };
}
