import type { IntegrationCard } from "../../api-types.ts";
import { formatDate } from "../../components/format-date.ts";
import { hasAccountChoice } from "./labels.ts";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** The first line of a card: what the connection does now, or why it does not. */
function headline(
  { name, platform, available, integration }: IntegrationCard,
  canManage: boolean,
): string | null {
  const someone = canManage ? "" : " An owner or admin can connect it.";
  if (!integration) {
    if (available) return `Not connected yet.${someone}`;
    // Those who can connect read the reason next to the disabled button.
    return canManage ? null : `This Omnify server cannot connect ${name} yet.`;
  }
  switch (integration.status) {
    case "connected": {
      if (!hasAccountChoice(platform)) return "Connected — syncing orders from your store.";
      const syncing = integration.accounts.filter(
        (account) => account.selected && account.status === "active",
      ).length;
      if (syncing > 0) return `Connected — syncing ${plural(syncing, "ad account")}.`;
      return canManage
        ? "Connected — choose at least one account to start syncing."
        : "Connected — no ad account syncs yet. An owner or admin can choose which ones do.";
    }
    case "needs_reauth":
      return `${name} stopped accepting Omnify's access, so syncing is paused until someone reconnects it.${canManage ? "" : " An owner or admin can reconnect it."}`;
    case "error":
      return `Syncing from ${name} stopped after an error.`;
    case "disconnected": {
      const when = integration.disconnectedAt ? ` on ${formatDate(integration.disconnectedAt)}` : "";
      const again = canManage ? "" : " An owner or admin can connect it again.";
      return `Disconnected${when}. Data already synced stays in Omnify.${again}`;
    }
  }
}

/** Who connected it and when: "Connected by Ada Lovelace on 5 Jan 2026." */
function connectedLine({
  connectedBy,
  connectedAt,
}: {
  connectedBy: string | null;
  connectedAt: Date | null;
}) {
  if (!connectedBy && !connectedAt) return null;
  return `Connected${connectedBy ? ` by ${connectedBy}` : ""}${connectedAt ? ` on ${formatDate(connectedAt)}` : ""}.`;
}

/** What the connection is and what state it is in, in plain words. */
export function ConnectionSummary({ card, canManage }: { card: IntegrationCard; canManage: boolean }) {
  const { integration } = card;
  const text = headline(card, canManage);
  const live = integration !== null && integration.status !== "disconnected";
  const troubled = integration?.status === "needs_reauth" || integration?.status === "error";
  // Nothing to add: the badge and the disabled button say it all.
  if (!text && !integration) return null;
  return (
    <div className="flex flex-col gap-1 text-sm">
      {text ? <p className="text-slate-900">{text}</p> : null}
      {troubled && integration.lastError ? (
        <p className="text-slate-700 wrap-anywhere">Reason: {integration.lastError}</p>
      ) : null}
      {integration?.externalShop ? (
        <p className="text-slate-700">
          Store: <span className="font-medium text-slate-900 wrap-anywhere">{integration.externalShop}</span>
        </p>
      ) : null}
      {live && connectedLine(integration) ? (
        <p className="text-xs text-slate-500">{connectedLine(integration)}</p>
      ) : null}
    </div>
  );
}
