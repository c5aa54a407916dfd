/** How the product reaches Meta: the app's credentials and the API's base URLs. */
export interface MetaConfig {
  appId: string;
  appSecret: string;
  /** Graph API origin (default `https://graph.facebook.com`). */
  graphUrl?: string;
  /** Where Facebook Login's dialog lives (default `https://www.facebook.com`). */
  dialogUrl?: string;
  /** Graph API version in the path (default `v25.0`). */
  apiVersion?: string;
  /** Rows per page for edges and insights (default 100, as Airbyte uses). */
  pageSize?: number;
  /** Wait between status reads of an async insights job (default 5 s). */
  asyncPollIntervalMs?: number;
  /** Ranges longer than this many days are read through an async job (default 31). */
  asyncThresholdDays?: number;
}

export type ResolvedMetaConfig = Required<MetaConfig> & {
  /** Give up on an async job after this long (Meta says jobs can take up to about an hour). */
  asyncTimeoutMs: number;
};

export const metaDefaults = {
  graphUrl: "https://graph.facebook.com",
  dialogUrl: "https://www.facebook.com",
  apiVersion: "v25.0",
  pageSize: 100,
  asyncPollIntervalMs: 5_000,
  asyncThresholdDays: 31,
  asyncTimeoutMs: 60 * 60_000,
} as const;

export function resolveConfig(config: MetaConfig): ResolvedMetaConfig {
  return {
    ...metaDefaults,
    ...Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined)),
  } as ResolvedMetaConfig;
}

/** What Omnify asks for: reading ads and insights, and reaching Business-Manager-owned accounts. */
export const metaScopes = ["ads_read", "business_management"] as const;
