import { z } from "zod";

/**
 * The parts of Graph API responses the connector relies on. Graph adds fields
 * over time, so objects are loose; numbers Meta sends as strings are checked
 * to be decimal text before anything trusts them.
 */

const integerText = z.string().regex(/^\d+$/, { error: "expected a whole number as text" });
const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, { error: "expected a decimal number as text" });
const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a YYYY-MM-DD date" });

export const graphErrorSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.coerce.number().optional(),
    error_subcode: z.coerce.number().optional(),
    is_transient: z.boolean().optional(),
    error_user_msg: z.string().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphErrorBody = z.infer<typeof graphErrorSchema>["error"];

export const pagingSchema = z
  .looseObject({
    cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
    next: z.string().optional(),
  })
  .optional();

export const listSchema = <Item extends z.ZodType>(item: Item) =>
  z.looseObject({ data: z.array(item), paging: pagingSchema });

export const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().optional(),
});

export const permissionsSchema = listSchema(z.looseObject({ permission: z.string(), status: z.string() }));

/** `DELETE /me/permissions`: `{"success":true}` (older versions answered a bare `true`). */
export const revokeSchema = z.union([z.literal(true), z.looseObject({ success: z.literal(true) })]);

export const adAccountSchema = z.looseObject({
  id: z.string(),
  account_id: z.string(),
  name: z.string(),
  currency: z.string().length(3),
  timezone_name: z.string().min(1),
  account_status: z.number(),
});

const statusFields = {
  status: z.string().optional(),
  effective_status: z.string().optional(),
};

export const campaignSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  objective: z.string().optional(),
  daily_budget: integerText.optional(),
  created_time: z.string().optional(),
  updated_time: z.string().optional(),
  ...statusFields,
});

export const adSetSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  campaign_id: z.string(),
  daily_budget: integerText.optional(),
  created_time: z.string().optional(),
  updated_time: z.string().optional(),
  ...statusFields,
});

export const adSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  campaign_id: z.string(),
  adset_id: z.string(),
  creative: z.looseObject({ id: z.string() }).optional(),
  created_time: z.string().optional(),
  updated_time: z.string().optional(),
  ...statusFields,
});

export const creativeSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  title: z.string().optional(),
  body: z.string().optional(),
  image_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
});

const actionSchema = z.looseObject({ action_type: z.string(), value: decimalText });

export const insightSchema = z.looseObject({
  account_currency: z.string().length(3).optional(),
  campaign_id: z.string(),
  adset_id: z.string(),
  ad_id: z.string(),
  date_start: dateText,
  date_stop: dateText,
  impressions: integerText.optional(),
  reach: integerText.optional(),
  clicks: integerText.optional(),
  spend: decimalText.optional(),
  actions: z.array(actionSchema).optional(),
  action_values: z.array(actionSchema).optional(),
});
export type InsightRow = z.infer<typeof insightSchema>;
export type ActionEntry = z.infer<typeof actionSchema>;

export const reportRunStartSchema = z.looseObject({ report_run_id: z.string().min(1) });

export const reportRunSchema = z.looseObject({
  id: z.string(),
  async_status: z.string(),
  async_percent_completion: z.number().optional(),
});
