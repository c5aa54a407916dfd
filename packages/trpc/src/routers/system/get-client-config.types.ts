import { realtimeClientConfig } from "@omnify/realtime";
import { z } from "zod";

export const getClientConfigOutput = z.object({
  environment: z.enum(["development", "production", "test"]),
  realtime: realtimeClientConfig,
  analytics: z.object({ posthogKey: z.string(), posthogHost: z.string() }).nullable(),
});
