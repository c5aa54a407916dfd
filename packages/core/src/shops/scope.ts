import type { DbOrTx, ShopRole } from "@omnify/db";
import { AppError } from "../errors.ts";

declare const verified: unique symbol;

/**
 * Proof that `userId` is a member of `shopId` with `role`. Only
 * `resolveShopScope` makes one, so a service that takes a ShopScope cannot be
 * handed a shop id straight from a request body.
 */
export interface ShopScope {
  readonly shopId: string;
  readonly userId: string;
  readonly memberId: string;
  readonly role: ShopRole;
  readonly [verified]: true;
}

/** The caller's membership of the shop, or NOT_FOUND: a non-member learns nothing about the shop. */
export async function resolveShopScope(db: DbOrTx, userId: string, shopId: string): Promise<ShopScope> {
  const member = await db.shopMember.findUnique({
    where: { shopId_userId: { shopId, userId } },
    select: { id: true, role: true },
  });
  if (!member) throw new AppError("NOT_FOUND", "Shop not found, or you are not a member of it.");
  return { shopId, userId, memberId: member.id, role: member.role } as ShopScope;
}
