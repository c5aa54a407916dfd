import {
  auditActions,
  listAuditEvents,
  listOutbox,
  listShopsForStaff,
  listUsers,
  revokeUserSessions,
  setUserBanned,
} from "@omnify/core";
import { z } from "zod";
import { fields, idField } from "../../fields.ts";
import { router, staffProcedure } from "../../trpc.ts";

const page = { limit: fields.pageLimit, cursor: fields.cursor };

/** The staff console's procedures: platform-wide views and account actions, all audited. */
export const adminRouter = router({
  auditActions: staffProcedure.query(() => [...auditActions]),

  listAuditEvents: staffProcedure
    .input(
      z.object({
        ...page,
        shopId: idField("shop").optional(),
        actorUserId: idField("user").optional(),
        action: fields.auditAction.optional(),
      }),
    )
    .query(({ ctx, input }) => listAuditEvents(ctx.db, input)),

  listUsers: staffProcedure
    .input(z.object({ ...page, search: z.string().trim().max(200).optional() }))
    .query(({ ctx, input }) => listUsers(ctx.db, input)),

  listShops: staffProcedure.input(z.object(page)).query(({ ctx, input }) => listShopsForStaff(ctx.db, input)),

  listOutbox: staffProcedure
    .input(z.object(page))
    .query(({ ctx, input }) => listOutbox(ctx.db, { ...input, showLinks: !ctx.mailer.delivers })),

  setUserBanned: staffProcedure
    .input(
      z.object({
        userId: idField("user"),
        banned: z.boolean({ error: "must be true or false" }),
        reason: z.string().trim().max(500).optional(),
      }),
    )
    .mutation(({ ctx, input }) => setUserBanned(ctx.db, { ...ctx.actor, userId: ctx.user.id }, input)),

  revokeUserSessions: staffProcedure
    .input(z.object({ userId: idField("user") }))
    .mutation(({ ctx, input }) => revokeUserSessions(ctx.db, ctx.actor, input)),
});
