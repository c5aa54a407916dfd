import { z } from "zod";

export const listWorkersInput = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(200).optional(),
});

export const listWorkersOutput = z.object({
  items: z.array(
    z.object({ workerId: z.string(), hostname: z.string(), pid: z.number().int(), beatAt: z.date() }),
  ),
  nextCursor: z.string().nullable(),
});
