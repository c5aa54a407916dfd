import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "./trpc.ts";

/**
 * This deployment's runtime configuration (realtime endpoint, analytics key): one build
 * serves every environment. It does not change while the page is open.
 */
export function useClientConfig() {
  const trpc = useTRPC();
  return useQuery(
    trpc.system.getClientConfig.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }),
  );
}
