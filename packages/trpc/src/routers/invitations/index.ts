import { acceptInvitation, declineInvitation, previewInvitation } from "@omnify/core";
import { z } from "zod";
import { fields } from "../../fields.ts";
import { authedProcedure, publicProcedure, router } from "../../trpc.ts";

const tokenInput = z.object({ token: fields.invitationToken });

/** The invitee's side: the token from the emailed link is the credential. */
export const invitationsRouter = router({
  preview: publicProcedure
    .input(tokenInput)
    .query(({ ctx, input }) => previewInvitation(ctx.db, input.token)),

  accept: authedProcedure
    .input(tokenInput)
    .mutation(({ ctx, input }) =>
      acceptInvitation(ctx.db, { ...ctx.actor, userId: ctx.user.id }, ctx.user, input.token),
    ),

  decline: authedProcedure
    .input(tokenInput)
    .mutation(({ ctx, input }) => declineInvitation(ctx.db, ctx.actor, ctx.user, input.token)),
});
