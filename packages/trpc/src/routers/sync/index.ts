import { listActiveSyncRuns, listSyncRuns, syncNow } from "@omnify/core";
import { z } from "zod";
import { fields, idField } from "../../fields.ts";
import { router, shopProcedure } from "../../trpc.ts";

export const syncRouter = router({
  /** "Sync now": queues a sync of the integration, or joins the one already queued or running. */
  now: shopProcedure
    .input(z.object({ integrationId: idField("integration") }))
    .mutation(({ ctx, input }) => syncNow(ctx.db, ctx.shop, input)),

  /** Queued and running runs of the shop (live progress then arrives on the shop's private channel). */
  active: shopProcedure.query(({ ctx }) => listActiveSyncRuns(ctx.db, ctx.shop)),

  /** The shop's run history, newest first; optionally one integration's. */
  runs: shopProcedure
    .input(
      z.object({
        integrationId: idField("integration").optional(),
        limit: fields.pageLimit,
        cursor: fields.cursor,
      }),
    )
    .query(({ ctx, input }) => listSyncRuns(ctx.db, ctx.shop, input)),
});
