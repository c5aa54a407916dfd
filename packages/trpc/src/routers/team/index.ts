import {
  changeMemberRole,
  inviteMember,
  leaveShop,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
  setMemberPersona,
  transferOwnership,
} from "@omnify/core";
import { z } from "zod";
import { fields, idField } from "../../fields.ts";
import { router, shopProcedure } from "../../trpc.ts";

const memberInput = z.object({ memberId: idField("member") });

export const teamRouter = router({
  listMembers: shopProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.shop)),

  changeRole: shopProcedure
    .input(memberInput.extend({ role: fields.role }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.shop, ctx.actor, input)),

  setPersona: shopProcedure
    .input(memberInput.extend({ persona: fields.persona }))
    .mutation(({ ctx, input }) => setMemberPersona(ctx.db, ctx.shop, ctx.actor, input)),

  removeMember: shopProcedure
    .input(memberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.shop, ctx.actor, input)),

  transferOwnership: shopProcedure
    .input(memberInput)
    .mutation(({ ctx, input }) => transferOwnership(ctx.db, ctx.shop, ctx.actor, input)),

  leave: shopProcedure.mutation(({ ctx }) => leaveShop(ctx.db, ctx.shop, ctx.actor)),

  invite: shopProcedure
    .input(
      z.object({
        email: fields.email,
        role: fields.invitableRole,
        persona: fields.persona.default("marketer"),
      }),
    )
    .mutation(({ ctx, input }) =>
      inviteMember({ db: ctx.db, mailer: ctx.mailer, appUrl: ctx.appUrl }, ctx.shop, ctx.actor, input),
    ),

  listInvitations: shopProcedure.query(({ ctx }) => listInvitations(ctx.db, ctx.shop)),

  revokeInvitation: shopProcedure
    .input(z.object({ invitationId: idField("invitation") }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.shop, ctx.actor, input)),
});
