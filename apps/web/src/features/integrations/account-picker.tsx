import { describeError, useTRPC } from "@omnify/client";
import { Button, cx, FormAlert } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { Integration, IntegrationAccount } from "../../api-types.ts";
import { SubmitButton } from "../../forms/submit-button.tsx";
import { accountDetails } from "./account-list.tsx";
import { useRefreshIntegrations } from "./use-refresh-integrations.ts";

export interface AccountPickerProps {
  shopId: string;
  /** The platform's name: "Meta". */
  name: string;
  integration: Integration;
  /** The connect flow just sent the owner here to choose: prompts them to. */
  choosing: boolean;
  /** Called once a choice is saved. */
  onSaved?: () => void;
}

type Notice = { tone: "success" | "error"; text: string };

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Which of a connection's ad accounts sync, and a way to ask the platform for new ones. */
export function AccountPicker({ shopId, name, integration, choosing, onSaved }: AccountPickerProps) {
  const trpc = useTRPC();
  const refreshIntegrations = useRefreshIntegrations(shopId);
  const select = useMutation(trpc.integrations.selectAccounts.mutationOptions());
  const refreshAccounts = useMutation(trpc.integrations.refreshAccounts.mutationOptions());
  const { accounts } = integration;
  const syncing = accounts.filter((account) => account.selected && account.status === "active");
  // Unsaved ticks; null follows the server's choice (e.g. after another admin's change).
  const [draft, setDraft] = useState<ReadonlySet<string> | null>(null);
  const ticked = draft ?? new Set(syncing.map((account) => account.id));
  const [notice, setNotice] = useState<Notice | null>(null);

  function toggle(account: IntegrationAccount, checked: boolean) {
    const next = new Set(ticked);
    if (checked) next.add(account.id);
    else next.delete(account.id);
    setDraft(next);
    setNotice(null);
  }

  async function save() {
    const accountIds = accounts
      .filter((account) => account.status === "active" && ticked.has(account.id))
      .map((account) => account.id);
    setNotice(null);
    try {
      await select.mutateAsync({ shopId, integrationId: integration.id, accountIds });
    } catch (error) {
      setNotice({ tone: "error", text: describeError(error) });
      return;
    }
    await refreshIntegrations();
    setDraft(null);
    setNotice({
      tone: "success",
      text:
        accountIds.length === 0
          ? `Saved. No ${name} account syncs now.`
          : `Saved. Omnify syncs ${plural(accountIds.length, "account")} from ${name}.`,
    });
    onSaved?.();
  }

  async function refresh() {
    setNotice(null);
    try {
      const result = await refreshAccounts.mutateAsync({ shopId, integrationId: integration.id });
      setNotice({
        tone: "success",
        text: `Account list updated: ${name} lists ${plural(result.accounts, "account")}.`,
      });
    } catch (error) {
      setNotice({ tone: "error", text: describeError(error) });
    }
    // A refused refresh may have marked the connection for reconnecting.
    await refreshIntegrations();
  }

  return (
    <div className="flex flex-col gap-3">
      <form
        noValidate
        aria-label={`${name} ad accounts`}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        className="flex flex-col gap-3"
      >
        <fieldset className="flex min-w-0 flex-col gap-2">
          <legend className="mb-2 text-sm font-medium text-slate-900">
            Choose which ad accounts to sync{" "}
            <span className="font-normal text-slate-600">
              ({syncing.length} of {plural(accounts.length, "account")} syncing)
            </span>
          </legend>
          {choosing ? (
            <FormAlert tone="info">
              Choose the accounts to sync. Omnify brings in data only from the accounts you tick.
            </FormAlert>
          ) : null}
          {accounts.length === 0 ? (
            <p className="text-sm text-slate-600">
              {name} listed no ad accounts for this login. Check that your {name} user can see an ad account,
              then refresh the account list.
            </p>
          ) : (
            // Long lists scroll inside the card rather than stretching the page.
            <ul className="flex max-h-80 flex-col gap-2 overflow-y-auto">
              {accounts.map((account) => (
                <AccountCheckbox
                  key={account.id}
                  name={name}
                  account={account}
                  checked={account.status === "active" && ticked.has(account.id)}
                  onChange={(checked) => toggle(account, checked)}
                />
              ))}
            </ul>
          )}
        </fieldset>
        <div className="flex flex-wrap gap-2">
          {accounts.length > 0 ? (
            <SubmitButton size="sm" pending={select.isPending}>
              Save accounts<span className="sr-only"> for {name}</span>
            </SubmitButton>
          ) : null}
          <Button
            variant="secondary"
            size="sm"
            disabled={refreshAccounts.isPending}
            aria-busy={refreshAccounts.isPending || undefined}
            onClick={() => void refresh()}
          >
            {refreshAccounts.isPending ? "Refreshing…" : "Refresh account list"}
            <span className="sr-only"> from {name}</span>
          </Button>
        </div>
      </form>
      {notice ? <FormAlert tone={notice.tone}>{notice.text}</FormAlert> : null}
    </div>
  );
}

interface AccountCheckboxProps {
  name: string;
  account: IntegrationAccount;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

function AccountCheckbox({ name, account, checked, onChange }: AccountCheckboxProps) {
  const id = useId();
  const disabled = account.status === "disabled";
  return (
    <li className={cx("flex items-start gap-2", disabled && "opacity-60")}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={`${id}-details`}
        onChange={(event) => onChange(event.target.checked)}
        className="mt-0.5 size-4 shrink-0 rounded border-slate-300 text-indigo-600 disabled:cursor-not-allowed"
      />
      <div className="min-w-0">
        <label htmlFor={id} className="block text-sm text-slate-900 wrap-anywhere">
          {account.name}
        </label>
        <p id={`${id}-details`} className="text-xs text-slate-500 wrap-anywhere">
          {accountDetails(account)}
          {disabled ? ` · Disabled by ${name}` : null}
        </p>
      </div>
    </li>
  );
}
