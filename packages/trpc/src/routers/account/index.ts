import { z } from "zod";
import { publicProcedure, router } from "../../trpc.ts";

const meOutput = z.object({
  user: z
    .object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      emailVerified: z.boolean(),
      isStaff: z.boolean(),
    })
    .nullable(),
});

export const accountRouter = router({
  /** The signed-in user, or null: the SPAs decide what to show from this. */
  me: publicProcedure
    .output(meOutput)
    .query(({ ctx }) => ({ user: ctx.viewer.kind === "user" ? ctx.viewer.user : null })),
});
