import type { StatusTone } from "@omnify/ui";
import type { IntegrationCard, IntegrationStatus, Platform, Revocation } from "../../api-types.ts";

/** A card's state: the connection's status, or `not_connected` when the shop never connected it. */
export type CardStatus = IntegrationStatus | "not_connected";

export function cardStatus(card: IntegrationCard): CardStatus {
  return card.integration?.status ?? "not_connected";
}

const badges: Record<CardStatus, { label: string; tone: StatusTone }> = {
  connected: { label: "Connected", tone: "ok" },
  needs_reauth: { label: "Needs reconnecting", tone: "warn" },
  error: { label: "Error", tone: "error" },
  disconnected: { label: "Disconnected", tone: "neutral" },
  not_connected: { label: "Not connected", tone: "neutral" },
};

/** The card's badge. A server without the platform's credentials can connect nothing new. */
export function statusBadge(card: IntegrationCard): { label: string; tone: StatusTone } {
  const status = cardStatus(card);
  const live = status !== "not_connected" && status !== "disconnected";
  if (!card.available && !live) return { label: "Not available on this server", tone: "neutral" };
  return badges[status];
}

/** What each platform brings into Omnify, under its name. */
export const platformDescriptions: Record<Platform, string> = {
  meta: "Spend, clicks and conversions from your Facebook and Instagram ad accounts.",
  google: "Spend, clicks and conversions from your Google Ads accounts.",
  tiktok: "Spend, clicks and conversions from your TikTok ad accounts.",
  shopify: "Orders and revenue from your Shopify store.",
};

/** Ad platforms have accounts to choose; a Shopify connection is one store. */
export function hasAccountChoice(platform: Platform): boolean {
  return platform !== "shopify";
}

/** After a disconnect: whether the platform also dropped Omnify's access on its side. */
export function disconnectedMessage(name: string, revocation: Revocation): string {
  switch (revocation) {
    case "revoked":
      return `${name} is disconnected, and ${name} confirmed that Omnify's access is removed.`;
    case "not_supported":
      return `${name} is disconnected and Omnify deleted its tokens. ${name} does not let apps withdraw their own access: remove Omnify in your ${name} settings if you want that gone too.`;
    case "failed":
      return `${name} is disconnected, but ${name} did not confirm that it removed Omnify's access. Remove Omnify in your ${name} settings to be sure.`;
    case "already_disconnected":
      return `${name} is disconnected.`;
  }
}
