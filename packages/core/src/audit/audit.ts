import type { DbOrTx, Prisma } from "@omnify/db";

/** Every action the audit log records; the admin SPA filters by these. */
export const auditActions = [
  "auth.sign_up",
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.email_verified",
  "auth.password_changed",
  "auth.password_reset_requested",
  "auth.password_reset",
  "auth.session_revoked",
  "auth.rate_limited",
  "shop.created",
  "shop.updated",
  "invitation.created",
  "invitation.accepted",
  "invitation.declined",
  "invitation.revoked",
  "member.role_changed",
  "member.persona_changed",
  "member.removed",
  "member.left",
  "shop.ownership_transferred",
  "integration.connected",
  "integration.accounts_selected",
  "integration.disconnected",
  "staff.user_banned",
  "staff.user_unbanned",
  "staff.sessions_revoked",
  "staff.role_changed",
] as const;

export type AuditAction = (typeof auditActions)[number];

/** Who acted and from where: taken from the request, never from its body. */
export interface Actor {
  userId: string | null;
  email: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  shopId?: string | null;
  target?: { type: string; id: string } | null;
  details?: Prisma.InputJsonObject;
}

/** Appends one audit row; call it inside the transaction of the change it records. */
export async function recordAudit(db: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      action: entry.action,
      actorUserId: actor.userId,
      actorEmail: actor.email,
      ip: actor.ip,
      userAgent: actor.userAgent?.slice(0, 500) ?? null,
      shopId: entry.shopId ?? null,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      details: entry.details ?? {},
    },
  });
}

export interface AuditFilter {
  shopId?: string;
  actorUserId?: string;
  action?: AuditAction;
  limit: number;
  /** The last event id of the previous page. */
  cursor?: string;
}

/** Newest first, by keyset: ids are UUIDv7, so they sort by time of writing. */
export async function listAuditEvents(
  db: DbOrTx,
  { shopId, actorUserId, action, limit, cursor }: AuditFilter,
) {
  const rows = await db.auditEvent.findMany({
    where: {
      ...(shopId ? { shopId } : {}),
      ...(actorUserId ? { actorUserId } : {}),
      ...(action ? { action } : {}),
      ...(cursor ? { id: { lt: cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}
