import { useTRPC } from "@omnify/client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { Platform } from "../../api-types.ts";

/**
 * Starts a connect flow and sends the browser to the platform's consent page, which later
 * redirects back to this page. Stays pending while the browser leaves.
 */
export function useConnect(shopId: string, platform: Platform) {
  const trpc = useTRPC();
  const connect = useMutation(trpc.integrations.connect.mutationOptions());
  const [leaving, setLeaving] = useState(false);

  async function start(shopDomain?: string): Promise<void> {
    const { authorizationUrl } = await connect.mutateAsync(
      shopDomain === undefined ? { shopId, platform } : { shopId, platform, shopDomain },
    );
    setLeaving(true);
    window.location.assign(authorizationUrl);
  }

  return { start, pending: connect.isPending || leaving };
}
