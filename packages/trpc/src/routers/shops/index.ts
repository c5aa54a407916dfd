import { createShop, getShop, listMyShops, updateShop } from "@omnify/core";
import { z } from "zod";
import { fields } from "../../fields.ts";
import { authedProcedure, router, shopProcedure } from "../../trpc.ts";

export const createShopInput = z.object({
  name: fields.shopName,
  currency: fields.currency,
  timeZone: fields.timeZone,
  persona: fields.persona.default("founder"),
});

export const updateShopInput = z
  .object({ name: fields.shopName, currency: fields.currency, timeZone: fields.timeZone })
  .partial();

export const shopsRouter = router({
  /** Shops the caller belongs to, for the shop switcher. */
  listMine: authedProcedure.query(({ ctx }) => listMyShops(ctx.db, ctx.user.id)),

  create: authedProcedure
    .input(createShopInput)
    .mutation(({ ctx, input }) =>
      createShop(ctx.db, ctx.actor as typeof ctx.actor & { userId: string }, ctx.user, input),
    ),

  /** The shop with the caller's role and permissions. */
  get: shopProcedure.query(({ ctx }) => getShop(ctx.db, ctx.shop)),

  update: shopProcedure.input(updateShopInput).mutation(({ ctx, input }) => {
    const { shopId: _shopId, ...changes } = input;
    return updateShop(ctx.db, ctx.shop, ctx.actor, changes);
  }),
});
