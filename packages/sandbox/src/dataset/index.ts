import { addDays, eachDay, localDay } from "./calendar.ts";
import { largeAccountTemplate, platformTemplates, type SandboxAdPlatform, shopTemplate } from "./catalog.ts";
import {
  adsOverlapping,
  buildAccount,
  buildAccounts,
  type SandboxAccount,
  type SandboxAd,
  type SandboxCampaign,
} from "./entities.ts";
import { asReported, type CampaignDay, campaignDay, type SandboxMetricRow } from "./metrics.ts";
import {
  orderAt,
  ordersForDay,
  type RevenueSource,
  type SandboxOrder,
  type SandboxOrderView,
} from "./orders.ts";

export { addDays, daysBetween, eachDay, localDay } from "./calendar.ts";
export {
  largeAccountId,
  largeAccountMaxAds,
  platformTemplates,
  products,
  type SandboxAdPlatform,
  shopTemplate,
} from "./catalog.ts";
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

export interface SandboxDatasetOptions {
  /**
   * Adds a Meta ad account for load tests (`largeAccountId`, UTC, USD) on
   * which about `ads` ads deliver every day. It is listed and served like the
   * demo accounts, but drives no Shopify orders: the shop is the same with or
   * without it.
   */
  largeAccount?: { ads: number };
}

/** A moment a report is taken at: the clock, and how many restatements had happened by then. */
export interface ReportingSnapshot {
  now: Date;
  restatements: number;
}

/**
 * Settled campaign days kept, counted in ad rows (a bulk-test day holds
 * hundreds): enough for the whole demo world several times over; beyond it,
 * the oldest days are dropped and made again when asked for.
 */
const cachedRowBudget = 250_000;

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
  /** The shop's own accounts, whose campaigns drive its orders (the bulk-test account is not one). */
  private readonly revenueAccounts: Record<SandboxAdPlatform, SandboxAccount[]>;
  private readonly campaigns = new Map<string, SandboxCampaign>();
  private readonly campaignDays = new Map<string, CampaignDay>();
  private cachedRows = 0;
  private readonly adLists = new Map<string, { key: string; ads: SandboxAd[] }>();
  private readonly shopDays = new Map<string, SandboxOrder[]>();

  constructor(
    readonly seed: number,
    options: SandboxDatasetOptions = {},
  ) {
    this.revenueAccounts = {
      meta: buildAccounts(seed, "meta", platformTemplates.meta),
      google: buildAccounts(seed, "google", platformTemplates.google),
      tiktok: buildAccounts(seed, "tiktok", platformTemplates.tiktok),
    };
    this.accountsByPlatform = { ...this.revenueAccounts };
    if (options.largeAccount) {
      // Index 9, like its id: ids of its campaigns, ad sets and ads cannot meet the demo accounts'.
      const large = buildAccount(
        seed,
        "meta",
        platformTemplates.meta,
        largeAccountTemplate(options.largeAccount.ads),
        9,
      );
      this.accountsByPlatform.meta = [...this.revenueAccounts.meta, large];
    }
    for (const accounts of Object.values(this.accountsByPlatform))
      for (const account of accounts)
        for (const campaign of account.campaigns) this.campaigns.set(campaign.id, campaign);
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

  /** Every ad that delivered in the account's history window or delivers today (the same list until the day turns). */
  ads(account: SandboxAccount, now: Date): SandboxAd[] {
    const { since, today } = this.window(account.timeZone, now);
    const key = `${since}|${today}`;
    const cached = this.adLists.get(account.id);
    if (cached?.key === key) return cached.ads;
    const prefix = platformTemplates[account.platform].idPrefix;
    const ads = account.campaigns.flatMap((campaign) =>
      campaign.adSets.flatMap((adSet) => adsOverlapping(this.seed, prefix, account, adSet, since, today)),
    );
    this.adLists.set(account.id, { key, ads });
    return ads;
  }

  /** Rows with delivery for the account's days in `[since, until]`, as the platform reports them at `now`. */
  metrics(account: SandboxAccount, since: string, until: string, now: Date): SandboxMetricRow[] {
    return [...this.reportedRows(account, since, until, { now, restatements: this.restatements })];
  }

  /**
   * The same rows one at a time, day by day and campaign by campaign, as they
   * stood at a snapshot: a long range never has to be held at once.
   */
  *reportedRows(
    account: SandboxAccount,
    since: string,
    until: string,
    snapshot: ReportingSnapshot,
  ): Generator<SandboxMetricRow> {
    const window = this.window(account.timeZone, snapshot.now);
    const from = since > window.since ? since : window.since;
    const to = until < window.today ? until : window.today;
    const template = platformTemplates[account.platform];
    for (const date of eachDay(from, to)) {
      const moment = {
        ageDays: Math.round((Date.parse(window.today) - Date.parse(date)) / 86_400_000),
        elapsed: window.elapsed,
        restatements: snapshot.restatements,
        attributionWindowDays: template.attributionWindowDays,
        fractionalConversions: account.platform === "google",
      };
      for (const campaign of account.campaigns) {
        for (const row of this.settledDay(account, campaign, date).rows) {
          const reported = asReported(row, moment);
          if (reported.impressions > 0) yield reported;
        }
      }
    }
  }

  /** A campaign's settled day (cached: the same question comes back on every page and every order day). */
  campaignDay(account: SandboxAccount, campaignId: string, date: string): CampaignDay {
    const campaign = this.campaigns.get(campaignId);
    if (!campaign || campaign.accountId !== account.id) throw new Error(`unknown campaign ${campaignId}`);
    return this.settledDay(account, campaign, date);
  }

  private settledDay(account: SandboxAccount, campaign: SandboxCampaign, date: string): CampaignDay {
    const key = `${campaign.id}|${date}`;
    let day = this.campaignDays.get(key);
    if (!day) {
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
      this.remember(key, day);
    }
    return day;
  }

  /** Caches a settled day, dropping the oldest ones once the row budget is spent. */
  private remember(key: string, day: CampaignDay): void {
    const cost = day.rows.length + 1;
    this.campaignDays.set(key, day);
    this.cachedRows += cost;
    for (const [oldKey, oldDay] of this.campaignDays) {
      if (this.cachedRows <= cachedRowBudget) break;
      this.campaignDays.delete(oldKey);
      this.cachedRows -= oldDay.rows.length + 1;
    }
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
    return (Object.keys(this.revenueAccounts) as SandboxAdPlatform[]).flatMap((platform) =>
      this.revenueAccounts[platform].flatMap((account) =>
        account.campaigns.map((campaign) => {
          const day = this.settledDay(account, campaign, date);
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
