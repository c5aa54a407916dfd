import { dayOfWeek, daysBetween } from "./calendar.ts";
import type { PlatformTemplate } from "./catalog.ts";
import type { SandboxAd, SandboxCampaign } from "./entities.ts";
import { randomFor } from "./random.ts";

/** One ad's day. Money in minor units (cents). */
export interface SandboxMetricRow {
  accountId: string;
  campaignId: string;
  adSetId: string;
  adId: string;
  date: string;
  spend: number;
  impressions: number;
  reach: number;
  clicks: number;
  /** Purchases the platform claims; fractional only where the platform reports fractions. */
  conversions: number;
  conversionValue: number;
}

export type AnomalyKind = "spend_spike" | "tracking_outage" | "cpm_spike";

/** A campaign's day as it finally settles: what was spent, what it truly earned, and each ad's row. */
export interface CampaignDay {
  campaignId: string;
  date: string;
  spend: number;
  /** Revenue the campaign caused (before the platform's over-claiming), cents. */
  trueRevenue: number;
  anomaly: AnomalyKind | null;
  rows: SandboxMetricRow[];
}

/** Sunday … Saturday: shoppers browse more at weekends. */
const weekdayFactor = [1.08, 0.92, 0.95, 0.97, 1.0, 1.03, 1.1];

/** Peaks in early December, lowest in early June. */
function yearlyFactor(date: string): number {
  const start = `${date.slice(0, 4)}-01-01`;
  const dayOfYear = daysBetween(start, date);
  return 1 + 0.18 * Math.sin((2 * Math.PI * (dayOfYear - 250)) / 365);
}

/** CTR of a fatiguing creative: steady for 10 days, then an exponential decay (halved by day ~31), floored. */
export function fatigueCurve(ageDays: number): number {
  return ageDays < 10 ? 1 : Math.max(0.3, Math.exp(-(ageDays - 10) / 30));
}

const anomalyRate = 0.004;

export function campaignDay(
  seed: number,
  template: PlatformTemplate,
  campaign: SandboxCampaign,
  activeAds: SandboxAd[],
  date: string,
  fractionalConversions: boolean,
): CampaignDay {
  const random = randomFor(seed, "campaign-day", campaign.id, date);
  const anomalyRandom = randomFor(seed, "anomaly", campaign.id, date);
  const anomaly: AnomalyKind | null = anomalyRandom.chance(anomalyRate)
    ? anomalyRandom.pick(["spend_spike", "tracking_outage", "cpm_spike"] as const)
    : null;

  let spendMajor =
    campaign.dailyBudget *
    (weekdayFactor[dayOfWeek(date)] ?? 1) *
    yearlyFactor(date) *
    Math.exp(0.06 * random.normal());
  if (anomaly === "spend_spike") spendMajor *= 2.6;
  if (activeAds.length === 0) spendMajor = 0;
  const trueRevenueMajor = spendMajor > 0 ? campaign.scale * spendMajor ** campaign.elasticity : 0;
  const claimedRevenueMajor =
    trueRevenueMajor *
    template.claimFactor *
    (anomaly === "tracking_outage" ? 0.12 : 1) *
    Math.exp(0.08 * random.normal());

  const weights = activeAds.map((ad) => ad.quality);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0) || 1;
  const drafts = activeAds.map((ad, index) => {
    const adRandom = randomFor(seed, "ad-day", ad.id, date);
    const ageDays = daysBetween(ad.start, date);
    const spend = spendMajor * ((weights[index] ?? 0) / totalWeight);
    const cpm = template.cpm * (anomaly === "cpm_spike" ? 2.2 : 1) * Math.exp(0.1 * adRandom.normal());
    const impressions = Math.round((spend / cpm) * 1000);
    const frequency = (1.05 + (ad.fatigues ? 0.06 : 0.012) * ageDays) * Math.exp(0.04 * adRandom.normal());
    const ctr =
      template.ctr *
      ad.quality *
      (ad.fatigues ? fatigueCurve(ageDays) : 1) *
      Math.exp(0.08 * adRandom.normal());
    return {
      ad,
      spend,
      impressions,
      reach: Math.round(impressions / frequency),
      clicks: Math.round(impressions * ctr),
      adRandom,
    };
  });
  const totalClicks = drafts.reduce((sum, draft) => sum + draft.clicks, 0) || 1;
  const averageOrderValue = 64;

  const rows = drafts.map((draft): SandboxMetricRow => {
    const value = claimedRevenueMajor * (draft.clicks / totalClicks);
    const rawConversions = (value / averageOrderValue) * Math.exp(0.1 * draft.adRandom.normal());
    return {
      accountId: campaign.accountId,
      campaignId: campaign.id,
      adSetId: draft.ad.adSetId,
      adId: draft.ad.id,
      date,
      spend: Math.round(draft.spend * 100),
      impressions: draft.impressions,
      reach: draft.reach,
      clicks: draft.clicks,
      conversions: fractionalConversions
        ? Math.round(rawConversions * 100) / 100
        : Math.round(rawConversions),
      conversionValue: Math.round(value * 100),
    };
  });
  return {
    campaignId: campaign.id,
    date,
    spend: rows.reduce((sum, row) => sum + row.spend, 0),
    trueRevenue: Math.round(trueRevenueMajor * 100),
    anomaly,
    rows,
  };
}

export interface ReportingMoment {
  /** Days from the row's date to the account's today (0 = today). */
  ageDays: number;
  /** How much of today has passed in the account's time zone (0–1). */
  elapsed: number;
  /** Bumped by the control API to restate the last three days. */
  restatements: number;
  attributionWindowDays: number;
  fractionalConversions: boolean;
}

/**
 * A settled row as the platform reports it at a moment: today is partial,
 * conversions inside the attribution window are still arriving, and every
 * restatement changes the last three days.
 */
export function asReported(row: SandboxMetricRow, moment: ReportingMoment): SandboxMetricRow {
  const delivered = moment.ageDays === 0 ? moment.elapsed : 1;
  const maturity =
    moment.ageDays >= moment.attributionWindowDays
      ? 1
      : 0.55 + (0.45 * (moment.ageDays + 1)) / (moment.attributionWindowDays + 1);
  const restated = moment.ageDays <= 2 ? 1 + 0.08 * moment.restatements : 1;
  const conversions = row.conversions * delivered * maturity * restated;
  return {
    ...row,
    spend: Math.round(row.spend * delivered * (moment.ageDays <= 2 ? 1 + 0.03 * moment.restatements : 1)),
    impressions: Math.round(row.impressions * delivered),
    reach: Math.round(row.reach * delivered),
    clicks: Math.round(row.clicks * delivered * restated),
    conversions: moment.fractionalConversions ? Math.round(conversions * 100) / 100 : Math.round(conversions),
    conversionValue: Math.round(row.conversionValue * delivered * maturity * restated),
  };
}
