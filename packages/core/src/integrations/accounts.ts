import type { AdAccount } from "@omnify/connectors";
import type { Tx } from "@omnify/db";

/**
 * Records what the platform says the connection reaches. New accounts start
 * unselected unless `autoSelect`; a choice already made is kept; accounts the
 * platform disables or no longer lists stop syncing but keep their history.
 */
export async function saveAccounts(
  tx: Tx,
  target: { integrationId: string; shopId: string },
  accounts: AdAccount[],
  { autoSelect = false }: { autoSelect?: boolean } = {},
): Promise<void> {
  for (const account of accounts) {
    const details = {
      name: account.name,
      currency: account.currency,
      timeZone: account.timeZone,
      status: account.status,
      loginCustomerId: account.loginCustomerId ?? null,
    };
    await tx.integrationAccount.upsert({
      where: {
        integrationId_externalId: { integrationId: target.integrationId, externalId: account.externalId },
      },
      create: {
        ...target,
        externalId: account.externalId,
        ...details,
        selected: autoSelect && account.status === "active",
      },
      update: { ...details, ...(account.status === "active" ? {} : { selected: false }) },
    });
  }
  await tx.integrationAccount.updateMany({
    where: {
      integrationId: target.integrationId,
      externalId: { notIn: accounts.map((account) => account.externalId) },
    },
    data: { status: "disabled", selected: false },
  });
}
