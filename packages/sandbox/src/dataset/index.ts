import { addDays, eachDay, localDay } from "./calendar.ts";
import { platformTemplates, type SandboxAdPlatform, shopTemplate } from "./catalog.ts";
import { adsOverlapping, buildAccounts, type SandboxAccount, type SandboxAd } from "./entities.ts";
import { asReported, type CampaignDay, campaignDay, type SandboxMetricRow } from "./metrics.ts";
import {
  orderAt,
  ordersForDay,
  type RevenueSource,
  type SandboxOrder,
  type SandboxOrderView,
} from "./orders.ts";

export { addDays, daysBetween, eachDay, localDay } from "./calendar.ts";
export { platformTemplates, products, type SandboxAdPlatform, shopTemplate } from "./catalog.ts";
export {
  anchorDate,
  type SandboxAccount,
  type SandboxAd,
  type SandboxAdSet,
  type SandboxCampaign,
} from "./entities.ts";
export { type AnomalyKind, type CampaignDay, fatigueCurve, type SandboxMetricRow } from "./metrics.ts";
export type { SandboxOrder, SandboxOrderView } from "./orders.ts";

/** Days of history every account and the shop have, ending today. */
export const historyDays = 400;

/**
 * The demo shop's world, generated from a seed: the same seed gives the same
 * accounts, ads, metrics and orders, whichever piece is asked for first.
 * "Now" is passed in, so a day's numbers depend only on the seed, the day and
 * how long ago it was (recent days are still being restated).
 */
export class SandboxDataset {
  readonly shop = shopTemplate;
  /** Bumped by the control API: every bump changes the last three days' metrics. */
  restatements = 0;
  private readonly accountsByPlatform: Record<SandboxAdPlatform, SandboxAccount[]>;
  private readonly campaignDays = new Map<string, CampaignDay>();
  private readonly shopDays = new Map<string, SandboxOrder[]>();

  constructor(readonly seed: number) {
    this.accountsByPlatform = {
      meta: buildAccounts(seed, "meta", platformTemplates.meta),
      google: buildAccounts(seed, "google", platformTemplates.google),
      tiktok: buildAccounts(seed, "tiktok", platformTemplates.tiktok),
    };
  }

  accounts(platform: SandboxAdPlatform): SandboxAccount[] {
    return this.accountsByPlatform[platform];
  }

  account(platform: SandboxAdPlatform, id: string): SandboxAccount | undefined {
    return this.accountsByPlatform[platform].find((account) => account.id === id);
  }

  /** The first and last day the account has data for, and how much of today has passed. */
  window(timeZone: string, now: Date): { since: string; today: string; elapsed: number } {
    const { date, elapsed } = localDay(now, timeZone);
    return { since: addDays(date, -(historyDays - 1)), today: date, elapsed };
  }

  /** Every ad that delivered in the account's history window or delivers today. */
  ads(account: SandboxAccount, now: Date): SandboxAd[] {
    const { since, today } = this.window(account.timeZone, now);
    const prefix = platformTemplates[account.platform].idPrefix;
    return account.campaigns.flatMap((campaign) =>
      campaign.adSets.flatMap((adSet) => adsOverlapping(this.seed, prefix, account, adSet, since, today)),
    );
  }

  /** Rows with delivery for the account's days in `[since, until]`, as the platform reports them at `now`. */
  metrics(account: SandboxAccount, since: string, until: string, now: Date): SandboxMetricRow[] {
    const window = this.window(account.timeZone, now);
    const from = since > window.since ? since : window.since;
    const to = until < window.today ? until : window.today;
    const template = platformTemplates[account.platform];
    const rows: SandboxMetricRow[] = [];
    for (const date of eachDay(from, to)) {
      const moment = {
        ageDays: Math.round((Date.parse(window.today) - Date.parse(date)) / 86_400_000),
        elapsed: window.elapsed,
        restatements: this.restatements,
        attributionWindowDays: template.attributionWindowDays,
        fractionalConversions: account.platform === "google",
      };
      for (const campaign of account.campaigns) {
        for (const row of this.campaignDay(account, campaign.id, date).rows) {
          const reported = asReported(row, moment);
          if (reported.impressions > 0) rows.push(reported);
        }
      }
    }
    return rows;
  }

  /** A campaign's settled day (cached: the same question comes back on every page and every order day). */
  campaignDay(account: SandboxAccount, campaignId: string, date: string): CampaignDay {
    const key = `${campaignId}|${date}`;
    let day = this.campaignDays.get(key);
    if (!day) {
      const campaign = account.campaigns.find((candidate) => candidate.id === campaignId);
      if (!campaign) throw new Error(`unknown campaign ${campaignId}`);
      const prefix = platformTemplates[account.platform].idPrefix;
      const active = campaign.adSets
        .flatMap((adSet) => adsOverlapping(this.seed, prefix, account, adSet, date, date))
        .filter((ad) => ad.start <= date && ad.end >= date);
      day = campaignDay(
        this.seed,
        platformTemplates[account.platform],
        campaign,
        active,
        date,
        account.platform === "google",
      );
      if (this.campaignDays.size > 200_000) this.campaignDays.clear();
      this.campaignDays.set(key, day);
    }
    return day;
  }

  /** Orders created in the shop's history window, as they stand at `now`. */
  orders(now: Date): SandboxOrderView[] {
    const { since, today } = this.window(this.shop.timeZone, now);
    const at = now.toISOString();
    const views: SandboxOrderView[] = [];
    for (const date of eachDay(since, today)) {
      for (const order of this.ordersOn(date)) {
        if (order.createdAt <= at) views.push(orderAt(order, now));
      }
    }
    return views;
  }

  /** Every order created on a shop-local day, settled (refunds included even if still to come). */
  ordersOn(date: string): SandboxOrder[] {
    let orders = this.shopDays.get(date);
    if (!orders) {
      orders = ordersForDay(this.seed, date, this.revenueSources(date));
      this.shopDays.set(date, orders);
    }
    return orders;
  }

  private revenueSources(date: string): RevenueSource[] {
    return (Object.keys(this.accountsByPlatform) as SandboxAdPlatform[]).flatMap((platform) =>
      this.accountsByPlatform[platform].flatMap((account) =>
        account.campaigns.map((campaign) => {
          const day = this.campaignDay(account, campaign.id, date);
          return {
            platform,
            campaignId: campaign.id,
            adIds: day.rows.map((row) => row.adId),
            revenue: day.trueRevenue,
          };
        }),
      ),
    );
  }
}
