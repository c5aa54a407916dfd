import { z } from "zod";

export const getStatusOutput = z.object({
  database: z.object({ version: z.string() }),
  migrations: z.object({
    applied: z.array(z.string()),
    pending: z.array(z.string()),
    failed: z.array(z.string()),
    current: z.boolean(),
  }),
  latestHeartbeat: z.object({ workerId: z.string(), hostname: z.string(), beatAt: z.date() }).nullable(),
  checkedAt: z.date(),
});
