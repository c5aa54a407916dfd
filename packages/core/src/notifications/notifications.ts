import type { DbOrTx } from "@omnify/db";
import type { ShopScope } from "../shops/scope.ts";

export interface NotificationContent {
  /** e.g. "integration.needs_reauth", "sync.failed". */
  kind: string;
  title: string;
  body: string;
  /** Where in the web app the member can act on it. */
  link: string | null;
}

/** One notification for every member of the shop. */
export async function notifyMembers(db: DbOrTx, shopId: string, content: NotificationContent) {
  const members = await db.shopMember.findMany({ where: { shopId }, select: { userId: true } });
  await db.notification.createMany({
    data: members.map((member) => ({ shopId, userId: member.userId, ...content })),
  });
  return members.length;
}

/** The caller's notifications in this shop, newest first. */
export function listNotifications(
  db: DbOrTx,
  scope: ShopScope,
  input: { unreadOnly: boolean; limit: number },
) {
  return db.notification.findMany({
    where: { shopId: scope.shopId, userId: scope.userId, ...(input.unreadOnly ? { readAt: null } : {}) },
    select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit,
  });
}

/** Marks the caller's notifications read (only theirs, only in this shop). */
export async function markNotificationsRead(db: DbOrTx, scope: ShopScope, input: { ids: string[] }) {
  const { count } = await db.notification.updateMany({
    where: { id: { in: input.ids }, shopId: scope.shopId, userId: scope.userId, readAt: null },
    data: { readAt: new Date() },
  });
  return { marked: count };
}
