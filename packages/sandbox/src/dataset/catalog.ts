/**
 * The demo shop's world: "Juniper & Pine", a US home-goods store, and the ad
 * accounts it runs on each platform. Structure only; numbers come from the
 * generator.
 */

export type SandboxAdPlatform = "meta" | "google" | "tiktok";

export interface AdSetTemplate {
  name: string;
  /** A new generation of creatives launches every `cycleDays`. */
  cycleDays: number;
  adsPerCycle: number;
  /** Share of creatives in this ad set whose CTR decays as frequency rises. */
  fatigueShare: number;
}

export interface CampaignTemplate {
  name: string;
  objective: string;
  /** Typical daily spend, major units. */
  dailyBudget: number;
  /** Revenue = scale · spend^elasticity (per day, major units): diminishing returns. */
  scale: number;
  elasticity: number;
  adSets: AdSetTemplate[];
}

export interface AccountTemplate {
  id: string;
  name: string;
  currency: string;
  timeZone: string;
  disabled?: boolean;
  campaigns: CampaignTemplate[];
}

export interface PlatformTemplate {
  /** Digits that start every id on this platform, so ids look like the platform's. */
  idPrefix: string;
  /** Typical cost per 1,000 impressions, major units. */
  cpm: number;
  /** Typical click-through rate. */
  ctr: number;
  /** How much more revenue the platform claims than it caused (attribution overlap). */
  claimFactor: number;
  /** Days during which a day's conversions keep being restated. */
  attributionWindowDays: number;
  /** Google: the manager account that reaches the clients. */
  manager?: { id: string; name: string };
  accounts: AccountTemplate[];
}

const adSets = (names: string[], cycleDays: number, fatigueShare: number): AdSetTemplate[] =>
  names.map((name, index) => ({ name, cycleDays: cycleDays + index * 5, adsPerCycle: 2, fatigueShare }));

export const platformTemplates: Record<SandboxAdPlatform, PlatformTemplate> = {
  meta: {
    idPrefix: "1202",
    cpm: 11.5,
    ctr: 0.014,
    claimFactor: 1.2,
    attributionWindowDays: 7,
    accounts: [
      {
        id: "1010000001",
        name: "Juniper & Pine — Prospecting",
        currency: "USD",
        timeZone: "America/New_York",
        campaigns: [
          {
            name: "Prospecting — Broad",
            objective: "OUTCOME_SALES",
            dailyBudget: 420,
            scale: 22,
            elasticity: 0.62,
            adSets: adSets(["Broad 25-54", "Advantage+ audience"], 35, 0.5),
          },
          {
            name: "Prospecting — Lookalike 1%",
            objective: "OUTCOME_SALES",
            dailyBudget: 260,
            scale: 14,
            elasticity: 0.7,
            adSets: adSets(["LAL purchasers 1%", "LAL top AOV 1%"], 30, 0.5),
          },
          {
            name: "Holiday gift guide",
            objective: "OUTCOME_SALES",
            dailyBudget: 150,
            scale: 9,
            elasticity: 0.68,
            adSets: adSets(["Gift guide — interests"], 28, 0.5),
          },
        ],
      },
      {
        id: "1010000002",
        name: "Juniper & Pine — Retargeting",
        currency: "USD",
        timeZone: "America/Los_Angeles",
        campaigns: [
          {
            name: "Retargeting — Cart abandoners",
            objective: "OUTCOME_SALES",
            dailyBudget: 120,
            scale: 16,
            elasticity: 0.55,
            adSets: adSets(["ATC 7d", "Viewed product 14d"], 42, 0.6),
          },
          {
            name: "Retention — Past purchasers",
            objective: "OUTCOME_SALES",
            dailyBudget: 70,
            scale: 7,
            elasticity: 0.6,
            adSets: adSets(["Purchasers 180d"], 45, 0.6),
          },
        ],
      },
      {
        id: "1010000003",
        name: "Juniper & Pine — Former agency",
        currency: "USD",
        timeZone: "America/New_York",
        disabled: true,
        campaigns: [],
      },
    ],
  },
  google: {
    idPrefix: "21",
    cpm: 24,
    ctr: 0.042,
    claimFactor: 1.05,
    attributionWindowDays: 14,
    manager: { id: "1000000001", name: "Juniper & Pine — Manager" },
    accounts: [
      {
        id: "2000000001",
        name: "Juniper & Pine — Search",
        currency: "USD",
        timeZone: "America/New_York",
        campaigns: [
          {
            name: "Brand — Exact",
            objective: "SEARCH",
            dailyBudget: 90,
            scale: 18,
            elasticity: 0.5,
            adSets: adSets(["Brand exact"], 60, 0),
          },
          {
            name: "Non-brand — Home decor",
            objective: "SEARCH",
            dailyBudget: 230,
            scale: 9,
            elasticity: 0.72,
            adSets: adSets(["Throw blankets", "Candles & diffusers"], 50, 0.1),
          },
        ],
      },
      {
        id: "2000000002",
        name: "Juniper & Pine — Shopping & PMax",
        currency: "USD",
        timeZone: "America/New_York",
        campaigns: [
          {
            name: "Performance Max — All products",
            objective: "PERFORMANCE_MAX",
            dailyBudget: 310,
            scale: 15,
            elasticity: 0.66,
            adSets: adSets(["Asset group — Bestsellers", "Asset group — New in"], 40, 0.2),
          },
          {
            name: "Shopping — Bedding",
            objective: "SHOPPING",
            dailyBudget: 140,
            scale: 10,
            elasticity: 0.64,
            adSets: adSets(["Bedding — all"], 45, 0.1),
          },
        ],
      },
    ],
  },
  tiktok: {
    idPrefix: "17",
    cpm: 7.5,
    ctr: 0.009,
    claimFactor: 1.35,
    attributionWindowDays: 7,
    accounts: [
      {
        id: "7010000000000000001",
        name: "Juniper & Pine US",
        currency: "USD",
        timeZone: "America/New_York",
        campaigns: [
          {
            name: "Spark Ads — Creator UGC",
            objective: "CONVERSIONS",
            dailyBudget: 210,
            scale: 8,
            elasticity: 0.7,
            adSets: adSets(["UGC — cozy home", "UGC — unboxing"], 21, 0.8),
          },
          {
            name: "Video Shopping — Catalog",
            objective: "PRODUCT_SALES",
            dailyBudget: 160,
            scale: 7,
            elasticity: 0.66,
            adSets: adSets(["Catalog — broad"], 28, 0.5),
          },
        ],
      },
      {
        id: "7010000000000000002",
        name: "Juniper & Pine Creators",
        currency: "USD",
        timeZone: "UTC",
        campaigns: [
          {
            name: "Creator whitelisting",
            objective: "CONVERSIONS",
            dailyBudget: 90,
            scale: 5,
            elasticity: 0.72,
            adSets: adSets(["Whitelisted creators"], 24, 0.8),
          },
        ],
      },
    ],
  },
};

/** The bulk-test Meta account's id (`largeAccount` option); never one of the demo shop's own accounts. */
export const largeAccountId = "1010000009";

/** The most ads the bulk-test account can be asked for: 20,000 make 7.3M ad-day rows a year, and every ad made is kept. */
export const largeAccountMaxAds = 20_000;

const largeAccountThemes = ["Prospecting", "Advantage+ shopping", "Lookalike", "Catalog", "Retargeting"];

/**
 * A Meta account for load tests: campaigns of ten ad sets, each ad set with
 * two overlapping creative generations, so that `ads` ads (rounded up to an
 * even number) deliver on every day once the rotation has started (well
 * before any history window). Each ad spends about $6–12 a day.
 */
export function largeAccountTemplate(ads: number): AccountTemplate {
  if (!Number.isInteger(ads) || ads < 1 || ads > largeAccountMaxAds)
    throw new Error(`largeAccount.ads must be an integer from 1 to ${largeAccountMaxAds}`);
  const adSetsPerCampaign = 10;
  // Two generations overlap, so an ad set with k ads per cycle has 2k ads delivering.
  const slots = Math.ceil(ads / 2);
  const adSetCount = Math.ceil(slots / 5);
  const campaignCount = Math.ceil(adSetCount / adSetsPerCampaign);
  const campaigns: CampaignTemplate[] = [];
  for (let campaign = 0; campaign < campaignCount; campaign++) {
    const label = String(campaign + 1).padStart(3, "0");
    const sets: AdSetTemplate[] = [];
    for (
      let set = campaign * adSetsPerCampaign;
      set < Math.min(adSetCount, (campaign + 1) * adSetsPerCampaign);
      set++
    )
      sets.push({
        name: `Bulk ${label}.${String(set - campaign * adSetsPerCampaign + 1).padStart(2, "0")}`,
        // 14–42 days, so creatives launch and retire on many different days.
        cycleDays: 14 + ((set * 7) % 29),
        adsPerCycle: Math.floor(slots / adSetCount) + (set < slots % adSetCount ? 1 : 0),
        fatigueShare: 0.5,
      });
    const delivering = 2 * sets.reduce((sum, set) => sum + set.adsPerCycle, 0);
    const dailyBudget = Math.round(delivering * (6 + ((campaign * 37) % 7)));
    const elasticity = 0.6 + ((campaign * 13) % 10) / 100;
    campaigns.push({
      name: `Bulk ${label} — ${largeAccountThemes[campaign % largeAccountThemes.length]}`,
      objective: "OUTCOME_SALES",
      dailyBudget,
      // ROAS about 2.5 at the typical budget.
      scale: 2.5 * dailyBudget ** (1 - elasticity),
      elasticity,
      adSets: sets,
    });
  }
  return {
    id: largeAccountId,
    name: `Bulk test — ${ads} ads`,
    currency: "USD",
    timeZone: "UTC",
    campaigns,
  };
}

export const shopTemplate = {
  domain: "juniper-and-pine.myshopify.com",
  name: "Juniper & Pine",
  currency: "USD",
  timeZone: "America/New_York",
  email: "owner@demo.omnify.local",
  /** Revenue per day that arrives without ads, major units. */
  organicRevenue: 900,
  averageOrderValue: 64,
};

export const products = [
  { sku: "JP-THROW-OAT", title: "Chunky knit throw — Oat", price: 89 },
  { sku: "JP-THROW-SAGE", title: "Chunky knit throw — Sage", price: 89 },
  { sku: "JP-CANDLE-CEDAR", title: "Cedar & smoke candle", price: 34 },
  { sku: "JP-CANDLE-FIG", title: "Fig leaf candle", price: 34 },
  { sku: "JP-DIFF-PINE", title: "Pine reed diffuser", price: 42 },
  { sku: "JP-MUG-STONE", title: "Stoneware mug", price: 24 },
  { sku: "JP-MUG-SET", title: "Stoneware mug set of 4", price: 82 },
  { sku: "JP-LINEN-QUEEN", title: "Washed linen sheet set — Queen", price: 168 },
  { sku: "JP-LINEN-KING", title: "Washed linen sheet set — King", price: 189 },
  { sku: "JP-PILLOW-WOOL", title: "Wool lumbar pillow", price: 58 },
  { sku: "JP-BASKET-L", title: "Seagrass basket — Large", price: 46 },
  { sku: "JP-BASKET-S", title: "Seagrass basket — Small", price: 29 },
  { sku: "JP-VASE-CLAY", title: "Clay bud vase", price: 22 },
  { sku: "JP-TOWEL-SET", title: "Turkish towel set", price: 64 },
  { sku: "JP-RUG-JUTE", title: "Jute runner rug", price: 129 },
  { sku: "JP-GIFT-CARD", title: "Gift card", price: 50 },
] as const;

/** Creative angles the generator names ads and copy after. */
export const creativeAngles = [
  {
    name: "Cozy season",
    title: "Made for slow evenings",
    body: "Soft knits and warm light for the season ahead.",
  },
  {
    name: "Founder story",
    title: "Why we started Juniper & Pine",
    body: "Small-batch goods from makers we know by name.",
  },
  {
    name: "Bestseller",
    title: "The throw everyone is talking about",
    body: "Over 10,000 five-star reviews. Free shipping over $75.",
  },
  {
    name: "UGC review",
    title: '"I bought three"',
    body: "Real homes, real reviews. See why customers come back.",
  },
  { name: "Gift guide", title: "Gifts they'll keep for years", body: "Thoughtful home gifts under $100." },
  { name: "New in", title: "Just landed: the linen edit", body: "Washed linen in six new colours." },
  { name: "Bundle", title: "Save 15% on bundles", body: "Mix any three candles and save." },
  {
    name: "Unboxing",
    title: "Wrapped with care",
    body: "Every order ships plastic-free in our signature box.",
  },
] as const;
