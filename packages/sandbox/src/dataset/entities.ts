import { addDays, daysBetween } from "./calendar.ts";
import {
  type AccountTemplate,
  type CampaignTemplate,
  creativeAngles,
  type PlatformTemplate,
  type SandboxAdPlatform,
} from "./catalog.ts";
import { hash32, randomFor } from "./random.ts";

/** Campaigns and ad sets exist from this day; creatives rotate from it on fixed cycles. */
export const anchorDate = "2023-01-02";

export interface SandboxAccount {
  platform: SandboxAdPlatform;
  index: number;
  id: string;
  name: string;
  currency: string;
  timeZone: string;
  disabled: boolean;
  campaigns: SandboxCampaign[];
}

export interface SandboxCampaign {
  accountId: string;
  id: string;
  name: string;
  objective: string;
  dailyBudget: number;
  scale: number;
  elasticity: number;
  createdAt: string;
  adSets: SandboxAdSet[];
}

export interface SandboxAdSet {
  campaignId: string;
  id: string;
  name: string;
  index: number;
  cycleDays: number;
  adsPerCycle: number;
  fatigueShare: number;
  /** Days after the anchor that the first generation launched. */
  offset: number;
  createdAt: string;
}

export interface SandboxAd {
  accountId: string;
  campaignId: string;
  adSetId: string;
  id: string;
  creativeId: string;
  name: string;
  /** First and last day the ad delivers. */
  start: string;
  end: string;
  fatigues: boolean;
  /** Relative strength of the creative (0.7–1.3). */
  quality: number;
  creative: { name: string; title: string; body: string; imageUrl: string };
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");

export function buildAccounts(
  seed: number,
  platform: SandboxAdPlatform,
  template: PlatformTemplate,
): SandboxAccount[] {
  return template.accounts.map((account, index) => buildAccount(seed, platform, template, account, index));
}

export function buildAccount(
  seed: number,
  platform: SandboxAdPlatform,
  template: PlatformTemplate,
  account: AccountTemplate,
  index: number,
): SandboxAccount {
  const campaigns = account.campaigns.map((campaign, campaignIndex) =>
    buildCampaign(seed, template.idPrefix, account, index, campaign, campaignIndex),
  );
  return {
    platform,
    index,
    id: account.id,
    name: account.name,
    currency: account.currency,
    timeZone: account.timeZone,
    disabled: account.disabled ?? false,
    campaigns,
  };
}

function buildCampaign(
  seed: number,
  prefix: string,
  account: AccountTemplate,
  accountIndex: number,
  template: CampaignTemplate,
  campaignIndex: number,
): SandboxCampaign {
  const id = `${prefix}1${accountIndex}${pad(campaignIndex, 3)}0000000001`;
  const createdAt = addDays(anchorDate, -30 - campaignIndex * 7);
  return {
    accountId: account.id,
    id,
    name: template.name,
    objective: template.objective,
    dailyBudget: template.dailyBudget,
    scale: template.scale,
    elasticity: template.elasticity,
    createdAt,
    adSets: template.adSets.map((adSet, adSetIndex) => ({
      campaignId: id,
      id: `${prefix}2${accountIndex}${pad(campaignIndex, 3)}${pad(adSetIndex, 3)}0000001`,
      name: adSet.name,
      index: adSetIndex,
      cycleDays: adSet.cycleDays,
      adsPerCycle: adSet.adsPerCycle,
      fatigueShare: adSet.fatigueShare,
      offset: Math.abs(hash32(seed, id, adSetIndex)) % adSet.cycleDays,
      createdAt: addDays(createdAt, adSetIndex),
    })),
  };
}

/** Each creative delivers for two cycles, so two generations overlap at any time. */
const lifetimeCycles = 2;

/** The ad set's `generation`-th creative pair (and so on), as it was made. */
function buildAd(
  seed: number,
  prefix: string,
  accountIndex: number,
  adSet: SandboxAdSet,
  ordinal: number,
  accountId: string,
): SandboxAd {
  const generation = Math.floor(ordinal / adSet.adsPerCycle);
  const start = addDays(anchorDate, adSet.offset + generation * adSet.cycleDays);
  const random = randomFor(seed, "ad", adSet.id, ordinal);
  const angle =
    creativeAngles[Math.abs(hash32(seed, adSet.id, ordinal)) % creativeAngles.length] ?? creativeAngles[0];
  const suffix = `${pad(ordinal, 5)}`;
  const campaignDigits = adSet.campaignId.slice(prefix.length + 2, prefix.length + 5);
  const id = `${prefix}3${accountIndex}${campaignDigits}${pad(adSet.index, 3)}${suffix}`;
  const name = `${angle.name} — v${generation + 1}${ordinal % adSet.adsPerCycle === 0 ? "a" : "b"}`;
  return {
    accountId,
    campaignId: adSet.campaignId,
    adSetId: adSet.id,
    id,
    creativeId: `${prefix}4${accountIndex}${campaignDigits}${pad(adSet.index, 3)}${suffix}`,
    name,
    start,
    end: addDays(start, adSet.cycleDays * lifetimeCycles - 1),
    fatigues: random.chance(adSet.fatigueShare),
    quality: random.between(0.7, 1.3),
    creative: {
      name: `${angle.name} creative ${generation + 1}`,
      title: angle.title,
      body: angle.body,
      imageUrl: `https://cdn.juniper-and-pine.example/creatives/${id}.jpg`,
    },
  };
}

/** The ad set's ads whose delivery overlaps `[since, until]`. */
export function adsOverlapping(
  seed: number,
  prefix: string,
  account: SandboxAccount,
  adSet: SandboxAdSet,
  since: string,
  until: string,
): SandboxAd[] {
  const lifetime = adSet.cycleDays * lifetimeCycles;
  const firstGeneration = Math.max(
    0,
    Math.floor((daysBetween(anchorDate, since) - adSet.offset - lifetime) / adSet.cycleDays),
  );
  let built = builtAds.get(adSet);
  if (!built) {
    built = [];
    builtAds.set(adSet, built);
  }
  const ads: SandboxAd[] = [];
  for (let generation = firstGeneration; ; generation++) {
    const start = addDays(anchorDate, adSet.offset + generation * adSet.cycleDays);
    if (start > until) break;
    for (let slot = 0; slot < adSet.adsPerCycle; slot++) {
      const ordinal = generation * adSet.adsPerCycle + slot;
      let ad = built[ordinal];
      if (!ad) {
        ad = buildAd(seed, prefix, account.index, adSet, ordinal, account.id);
        built[ordinal] = ad;
      }
      if (ad.end >= since) ads.push(ad);
    }
  }
  return ads;
}

/**
 * Ads already made, by ad set and ordinal: an ad is a pure function of its
 * ad set (which belongs to one dataset, so one seed), and the same ads are
 * asked for on every day they deliver.
 */
const builtAds = new WeakMap<SandboxAdSet, SandboxAd[]>();
