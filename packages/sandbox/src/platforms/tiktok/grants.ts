import type { SandboxAccount } from "../../dataset/index.ts";
import type { SandboxContext } from "../../platform.ts";
import type { Grant } from "../../tokens.ts";
import { codes, Failure } from "./envelope.ts";

/**
 * The permission scopes of the sandbox's developer app. TikTok returns the
 * granted ones as numbers in `scope`; these ids are the sandbox's own (the
 * real ids depend on the app's configuration).
 */
export const tiktokScopes = {
  accounts: { id: "1", label: "Ad Account Management (read ad account details)" },
  ads: { id: "2", label: "Ads Management (read campaigns, ad groups, ads and creatives)" },
  reporting: { id: "4", label: "Reporting (read performance reports)" },
} as const;

export type TikTokScope = keyof typeof tiktokScopes;

/**
 * On TikTok's consent page the advertiser also picks which ad accounts the
 * app may reach. The sandbox keeps that choice in the grant's scopes as
 * `advertiser:<id>` entries, so it travels inside the signed token.
 */
const advertiserPrefix = "advertiser:";

export const advertiserScope = (id: string) => advertiserPrefix + id;

export const advertisersOf = (grant: Grant): string[] =>
  grant.scopes
    .filter((scope) => scope.startsWith(advertiserPrefix))
    .map((scope) => scope.slice(advertiserPrefix.length));

export const permissionsOf = (grant: Grant): number[] =>
  grant.scopes.filter((scope) => /^\d+$/.test(scope)).map(Number);

export function requireScope(grant: Grant, scope: TikTokScope): void {
  if (!grant.scopes.includes(tiktokScopes[scope].id))
    throw new Failure(
      codes.noPermission,
      `No permission to perform this operation. The advertiser did not grant the "${tiktokScopes[scope].label.split(" (")[0]}" permission to this app.`,
    );
}

/** The advertiser a request names, if it exists (else 40300) and the token covers it (else 40001). */
export function requireAdvertiser(ctx: SandboxContext, grant: Grant, id: string): SandboxAccount {
  const account = ctx.dataset.account("tiktok", id);
  if (!account)
    throw new Failure(codes.advertiserMissing, `Advertiser ${id} does not exist or has been deleted.`);
  if (!advertisersOf(grant).includes(id))
    throw new Failure(codes.noPermission, `No permission to operate advertiser ${id}.`);
  return account;
}
