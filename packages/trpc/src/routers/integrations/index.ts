import {
  disconnectIntegration,
  listIntegrations,
  refreshAccounts,
  selectAccounts,
  startConnect,
} from "@omnify/core";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { fields, idField } from "../../fields.ts";
import { router, shopProcedure } from "../../trpc.ts";

const integrationInput = z.object({ integrationId: idField("integration") });

export const integrationsRouter = router({
  /** One card per platform, with its connection and accounts (never a token). */
  list: shopProcedure.query(({ ctx }) => listIntegrations(ctx, ctx.shop)),

  /** Starts a connect flow; the browser then goes to `authorizationUrl` (the platform's consent page). */
  connect: shopProcedure
    .input(z.object({ platform: fields.platform, shopDomain: fields.shopDomain.optional() }))
    .mutation(({ ctx, input }) => {
      if (ctx.viewer.kind !== "user")
        throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
      return startConnect(ctx, ctx.shop, { sessionId: ctx.viewer.sessionId }, input);
    }),

  selectAccounts: shopProcedure
    .input(
      integrationInput.extend({
        accountIds: z
          .array(idField("account"), { error: "must be a list of account ids" })
          .max(200, { error: "must list at most 200 accounts" })
          .meta({ examples: [["01939f6e-5b1a-7cc0-8000-000000000001"]] }),
      }),
    )
    .mutation(({ ctx, input }) => selectAccounts(ctx, ctx.shop, ctx.actor, input)),

  refreshAccounts: shopProcedure
    .input(integrationInput)
    .mutation(({ ctx, input }) => refreshAccounts(ctx, ctx.shop, input)),

  disconnect: shopProcedure
    .input(integrationInput)
    .mutation(({ ctx, input }) => disconnectIntegration(ctx, ctx.shop, ctx.actor, input)),
});
