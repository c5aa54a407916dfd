import { StatusBadge } from "@omnify/ui";
import type { IntegrationAccount } from "../../api-types.ts";

/** "act_1029384756 · EUR · Europe/Paris": which account this is, as the platform knows it. */
export function accountDetails(account: IntegrationAccount): string {
  return [account.externalId, account.currency, account.timeZone].join(" · ");
}

/** The accounts of a connection as those who cannot change them see it: which ones sync. */
export function AccountList({ name, accounts }: { name: string; accounts: IntegrationAccount[] }) {
  if (accounts.length === 0) return <p className="text-sm text-slate-600">{name} listed no ad accounts.</p>;
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-sm font-medium text-slate-900">Ad accounts</h3>
      <ul className="flex flex-col divide-y divide-slate-100">
        {accounts.map((account) => (
          <li key={account.id} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 py-2">
            <div className="min-w-0">
              <p className="text-sm text-slate-900 wrap-anywhere">{account.name}</p>
              <p className="text-xs text-slate-500 wrap-anywhere">{accountDetails(account)}</p>
            </div>
            {account.status === "disabled" ? (
              <StatusBadge tone="neutral">Disabled by {name}</StatusBadge>
            ) : account.selected ? (
              <StatusBadge tone="ok">Syncing</StatusBadge>
            ) : (
              <StatusBadge tone="neutral">Not syncing</StatusBadge>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
