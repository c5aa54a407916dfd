import { z } from "zod";
import { isoDatePattern } from "../dates.ts";

/**
 * The shapes we rely on, in proto3 JSON: int64 values are strings, doubles
 * are numbers, and fields the server did not set are absent. Unknown keys
 * (such as each resource's `resourceName`) are ignored.
 */

const int64 = z.string().regex(/^-?\d+$/);
const double = z.number().finite();
const id = z.string().regex(/^\d+$/);

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive().optional(),
  /** Only on an authorization-code exchange with `access_type=offline`; a refresh keeps the old one. */
  refresh_token: z.string().min(1).optional(),
  /** Only for apps whose users granted time-limited access. */
  refresh_token_expires_in: z.number().positive().optional(),
  scope: z.string().optional(),
  token_type: z.string(),
});

export const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export const accessibleCustomersSchema = z.object({
  // proto3 leaves an empty list out.
  resourceNames: z.array(z.string().regex(/^customers\/\d+$/)).default([]),
});

const googleAdsErrorSchema = z.object({
  errorCode: z.record(z.string(), z.string()).optional(),
  details: z
    .object({ quotaErrorDetails: z.object({ retryDelay: z.string().optional() }).optional() })
    .optional(),
});

/** google.rpc.Status, whose details may hold a GoogleAdsFailure or an ErrorInfo. */
export const statusSchema = z.object({
  error: z.object({
    code: z.number().optional(),
    status: z.string().optional(),
    details: z
      .array(
        z.object({
          "@type": z.string().optional(),
          errors: z.array(googleAdsErrorSchema).optional(),
          reason: z.string().optional(),
        }),
      )
      .optional(),
  }),
});

/** One searchStream batch; an empty result may come as a batch without `results`. */
export const batchSchema = <Row extends z.ZodType>(row: Row) =>
  z.object({ results: z.array(row).default([]), requestId: z.string().optional() });

const customerStatus = z.string();

export const customerClientRowSchema = z.object({
  customerClient: z.object({
    id,
    level: int64.optional(),
    manager: z.boolean().default(false),
    descriptiveName: z.string().optional(),
    currencyCode: z.string().regex(/^[A-Z]{3}$/),
    timeZone: z.string().min(1),
    status: customerStatus.optional(),
  }),
});

export const campaignRowSchema = z.object({
  campaign: z.object({
    id,
    name: z.string().default(""),
    status: z.string().optional(),
    advertisingChannelType: z.string().optional(),
  }),
  campaignBudget: z.object({ amountMicros: int64.optional(), period: z.string().optional() }).optional(),
});

export const adGroupRowSchema = z.object({
  campaign: z.object({ id }),
  adGroup: z.object({ id, name: z.string().default(""), status: z.string().optional() }),
});

const textAssets = z.array(z.object({ text: z.string().optional() })).optional();

export const adRowSchema = z.object({
  campaign: z.object({ id }),
  adGroup: z.object({ id }),
  adGroupAd: z.object({
    status: z.string().optional(),
    ad: z.object({
      id,
      name: z.string().optional(),
      type: z.string().optional(),
      responsiveSearchAd: z.object({ headlines: textAssets, descriptions: textAssets }).optional(),
    }),
  }),
});

export const metricRowSchema = z.object({
  campaign: z.object({ id }),
  adGroup: z.object({ id }),
  adGroupAd: z.object({ ad: z.object({ id }) }),
  segments: z.object({ date: z.string().regex(isoDatePattern) }),
  // Additive counters: one Google did not set counts as zero.
  metrics: z
    .object({
      impressions: int64.optional(),
      clicks: int64.optional(),
      costMicros: int64.optional(),
      conversions: double.optional(),
      conversionsValue: double.optional(),
    })
    .default({}),
});

export type CustomerClientRow = z.infer<typeof customerClientRowSchema>;
export type CampaignRow = z.infer<typeof campaignRowSchema>;
export type AdGroupRow = z.infer<typeof adGroupRowSchema>;
export type AdRow = z.infer<typeof adRowSchema>;
export type MetricRow = z.infer<typeof metricRowSchema>;
