import type { Db, DbOrTx, Persona } from "@omnify/db";
import { type Actor, recordAudit } from "../audit/audit.ts";
import { AppError } from "../errors.ts";
import { assertCan, permissionsOf } from "./permissions.ts";
import type { ShopScope } from "./scope.ts";

export interface ShopFields {
  name: string;
  /** ISO 4217, validated by the caller. */
  currency: string;
  /** IANA, validated by the caller. */
  timeZone: string;
}

function slugFrom(name: string): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "shop";
}

async function uniqueSlug(db: DbOrTx, name: string): Promise<string> {
  const base = slugFrom(name);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const slug = attempt === 0 ? base : `${base}-${Math.random().toString(36).slice(2, 7)}`;
    if (!(await db.shop.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
  throw new AppError("CONFLICT", "Could not find a free address for this shop name; try another name.");
}

/** Creates a shop with the creator as its owner. Only verified accounts may. */
export async function createShop(
  db: Db,
  actor: Actor & { userId: string },
  user: { emailVerified: boolean },
  input: ShopFields & { persona: Persona },
) {
  if (!user.emailVerified) {
    throw new AppError("FORBIDDEN", "Verify your email address before creating a shop.");
  }
  return db.$transaction(async (tx) => {
    const shop = await tx.shop.create({
      data: {
        slug: await uniqueSlug(tx, input.name),
        name: input.name,
        currency: input.currency,
        timeZone: input.timeZone,
        members: { create: { userId: actor.userId, role: "owner", persona: input.persona } },
      },
    });
    await recordAudit(tx, actor, {
      action: "shop.created",
      shopId: shop.id,
      target: { type: "shop", id: shop.id },
      details: { name: shop.name, currency: shop.currency, timeZone: shop.timeZone },
    });
    return shop;
  });
}

/** The shops the user belongs to, with their role, oldest membership first. */
export async function listMyShops(db: DbOrTx, userId: string) {
  const memberships = await db.shopMember.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      persona: true,
      shop: { select: { id: true, name: true, currency: true, timeZone: true } },
    },
  });
  return memberships.map(({ shop, role, persona }) => ({ ...shop, role, persona }));
}

/** The shop as its member sees it, with what the member may do there. */
export async function getShop(db: DbOrTx, scope: ShopScope) {
  const { shop, persona } = await db.shopMember.findUniqueOrThrow({
    where: { id: scope.memberId },
    select: {
      persona: true,
      shop: { select: { id: true, name: true, slug: true, currency: true, timeZone: true, createdAt: true } },
    },
  });
  return { ...shop, role: scope.role, persona, permissions: permissionsOf(scope.role) };
}

export async function updateShop(db: Db, scope: ShopScope, actor: Actor, input: Partial<ShopFields>) {
  assertCan(scope.role, "shop.update");
  return db.$transaction(async (tx) => {
    const shop = await tx.shop.update({
      where: { id: scope.shopId },
      data: input,
      select: { id: true, name: true, currency: true, timeZone: true },
    });
    await recordAudit(tx, actor, {
      action: "shop.updated",
      shopId: scope.shopId,
      target: { type: "shop", id: scope.shopId },
      details: { ...input },
    });
    return shop;
  });
}
