/** Settings for the Google Ads connector. The URLs point at Google by default and at the sandbox locally. */
export interface GoogleConfig {
  clientId: string;
  clientSecret: string;
  /** The app's Ads API developer token, sent with every Ads API call. */
  developerToken: string;
  /** Default https://googleads.googleapis.com. */
  adsUrl?: string;
  /** The Ads API version in the URL path, e.g. "v23". */
  apiVersion?: string;
  /** Where the consent screen lives. Default https://accounts.google.com. */
  accountsUrl?: string;
  /** Token and revocation endpoints. Default https://oauth2.googleapis.com. */
  oauthUrl?: string;
  /** Days per searchStream request for daily metrics (Airbyte's default, 14). */
  sliceDays?: number;
}

export type ResolvedGoogleConfig = Required<GoogleConfig>;

export const googleDefaults = {
  adsUrl: "https://googleads.googleapis.com",
  apiVersion: "v23",
  accountsUrl: "https://accounts.google.com",
  oauthUrl: "https://oauth2.googleapis.com",
  sliceDays: 14,
} as const;

export function resolveConfig(config: GoogleConfig): ResolvedGoogleConfig {
  const resolved = {
    ...config,
    adsUrl: config.adsUrl ?? googleDefaults.adsUrl,
    apiVersion: config.apiVersion ?? googleDefaults.apiVersion,
    accountsUrl: config.accountsUrl ?? googleDefaults.accountsUrl,
    oauthUrl: config.oauthUrl ?? googleDefaults.oauthUrl,
    sliceDays: config.sliceDays ?? googleDefaults.sliceDays,
  };
  if (!Number.isInteger(resolved.sliceDays) || resolved.sliceDays < 1)
    throw new Error("Google Ads sliceDays must be a positive whole number of days");
  if (!/^v\d+$/.test(resolved.apiVersion)) throw new Error('Google Ads apiVersion must look like "v23"');
  return resolved;
}
