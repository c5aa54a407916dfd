import { z } from "zod";

/**
 * The shapes Omnify relies on in TikTok's answers. Objects stay loose (TikTok
 * adds fields freely); only what we read is checked.
 */

/** Every answer, success or not: `{code, message, request_id, data}`; `code` 0 is success. */
export const envelopeSchema = z.object({
  code: z.number().int(),
  message: z.string().optional().default(""),
  request_id: z.string().optional(),
  data: z.unknown().optional(),
});

const id = z.union([z.string().min(1), z.number().int()]).transform(String);

export const tokenSchema = z.object({
  access_token: z.string().min(1),
  advertiser_ids: z.array(id).default([]),
  /** Permission scope ids (numbers). */
  scope: z.array(z.union([z.number(), z.string()]).transform(String)).default([]),
});

export const pageInfoSchema = z.object({
  page: z.number().int(),
  page_size: z.number().int().optional(),
  total_number: z.number().int().optional(),
  total_page: z.number().int(),
});

/** A paged list: `data.list` with `data.page_info`. */
export const pagedSchema = <Item extends z.ZodType>(item: Item) =>
  z.object({ list: z.array(item).default([]), page_info: pageInfoSchema });

export const listSchema = <Item extends z.ZodType>(item: Item) =>
  z.object({ list: z.array(item).default([]) });

export const authorizedAdvertiserSchema = z.object({
  advertiser_id: id,
  advertiser_name: z.string().optional(),
});

export const advertiserInfoSchema = z.object({
  advertiser_id: id,
  name: z.string().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** An IANA zone or a fixed offset such as "Etc/GMT+5". */
  timezone: z.string().nullish(),
  /** The IANA zone the account's days follow. */
  display_timezone: z.string().nullish(),
  status: z.string(),
});

const time = z.string().nullish();
const budget = z.union([z.number(), z.string()]).nullish();

export const campaignSchema = z.object({
  campaign_id: id,
  campaign_name: z.string(),
  objective_type: z.string().nullish(),
  budget,
  budget_mode: z.string().nullish(),
  operation_status: z.string().nullish(),
  secondary_status: z.string().nullish(),
  create_time: time,
  modify_time: time,
});

export const adGroupSchema = z.object({
  adgroup_id: id,
  campaign_id: id,
  adgroup_name: z.string(),
  budget,
  budget_mode: z.string().nullish(),
  operation_status: z.string().nullish(),
  secondary_status: z.string().nullish(),
  create_time: time,
  modify_time: time,
});

export const adSchema = z.object({
  ad_id: id,
  adgroup_id: id,
  campaign_id: id,
  ad_name: z.string(),
  ad_text: z.string().nullish(),
  video_id: z.string().nullish(),
  image_ids: z.array(z.string()).nullish(),
  operation_status: z.string().nullish(),
  secondary_status: z.string().nullish(),
  create_time: time,
  modify_time: time,
});

export const videoSchema = z.object({
  video_id: z.string(),
  file_name: z.string().nullish(),
  video_cover_url: z.string().nullish(),
});

/** Metric values are strings ("12.34", "-" when unavailable); attribute metrics are ids or names. */
const metricValue = z.union([z.string(), z.number().transform(String)]);

export const reportRowSchema = z.object({
  dimensions: z.object({
    ad_id: id,
    stat_time_day: z.string(),
  }),
  metrics: z.record(z.string(), metricValue.nullable()),
});

export type CampaignRecord = z.infer<typeof campaignSchema>;
export type AdGroupRecord = z.infer<typeof adGroupSchema>;
export type AdRecord = z.infer<typeof adSchema>;
export type ReportRow = z.infer<typeof reportRowSchema>;
export type AdvertiserInfo = z.infer<typeof advertiserInfoSchema>;
