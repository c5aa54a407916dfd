import type { SandboxApp, SandboxPlatform } from "./platform.ts";

/**
 * The sandbox's app credentials. Like the local Soketi key, they only open the
 * local sandbox, so they are fixed and public.
 */
export const sandboxApps: Record<SandboxPlatform, SandboxApp> = {
  meta: { clientId: "100000000000001", clientSecret: "sandbox-meta-app-secret" },
  google: {
    clientId: "sandbox-omnify.apps.googleusercontent.com",
    clientSecret: "sandbox-google-client-secret",
    developerToken: "sandbox-developer-token",
  },
  tiktok: { clientId: "7100000000000000001", clientSecret: "sandbox-tiktok-app-secret" },
  shopify: { clientId: "sandbox-shopify-client-id", clientSecret: "sandbox-shopify-client-secret" },
};
