import { publicProcedure } from "../../trpc.ts";
import { getClientConfigOutput } from "./get-client-config.types.ts";

/**
 * Runtime configuration for the SPAs (realtime endpoint, analytics key), so one
 * build serves every environment. The output schema strips anything else.
 */
export const getClientConfig = publicProcedure
  .output(getClientConfigOutput)
  .query(({ ctx }) => ctx.clientConfig);
