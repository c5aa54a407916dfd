import type { Db, DbOrTx } from "@omnify/db";
import { type Actor, recordAudit } from "../audit/audit.ts";
import { AppError } from "../errors.ts";

export interface Page {
  limit: number;
  /** The last id of the previous page. */
  cursor?: string;
}

function paginate<Row extends { id: string }>(rows: Row[], limit: number) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

/** Accounts, newest first, optionally those whose email or name contains `search`. */
export async function listUsers(db: DbOrTx, { search, limit, cursor }: Page & { search?: string }) {
  const rows = await db.user.findMany({
    where: {
      ...(search
        ? {
            OR: [
              { email: { contains: search, mode: "insensitive" } },
              { name: { contains: search, mode: "insensitive" } },
            ],
          }
        : {}),
      ...(cursor ? { id: { lt: cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      role: true,
      banned: true,
      banReason: true,
      createdAt: true,
      _count: { select: { memberships: true, sessions: true } },
    },
  });
  return paginate(
    rows.map(({ _count, role, banned, ...user }) => ({
      ...user,
      isStaff: role === "staff",
      banned: banned ?? false,
      shopCount: _count.memberships,
      sessionCount: _count.sessions,
    })),
    limit,
  );
}

export async function listShopsForStaff(db: DbOrTx, { limit, cursor }: Page) {
  const rows = await db.shop.findMany({
    where: cursor ? { id: { lt: cursor } } : {},
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      name: true,
      slug: true,
      currency: true,
      timeZone: true,
      createdAt: true,
      _count: { select: { members: true } },
    },
  });
  return paginate(
    rows.map(({ _count, ...shop }) => ({ ...shop, memberCount: _count.members })),
    limit,
  );
}

/**
 * The email outbox, newest first. Links are shown only when the deployment has
 * no SMTP server: then the outbox is the only way to read them.
 */
export async function listOutbox(db: DbOrTx, { limit, cursor, showLinks }: Page & { showLinks: boolean }) {
  const rows = await db.emailMessage.findMany({
    where: cursor ? { id: { lt: cursor } } : {},
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      template: true,
      toAddress: true,
      subject: true,
      textBody: true,
      links: true,
      status: true,
      attempts: true,
      lastError: true,
      sentAt: true,
      createdAt: true,
    },
  });
  return paginate(
    rows.map(({ links, textBody, ...email }) => ({
      ...email,
      links: showLinks ? links : [],
      textBody: showLinks ? textBody : null,
    })),
    limit,
  );
}

async function findUser(db: DbOrTx, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  return user;
}

/** Bans (or lifts the ban on) an account; a ban also ends every session of it. */
export async function setUserBanned(
  db: Db,
  actor: Actor & { userId: string },
  input: { userId: string; banned: boolean; reason?: string },
) {
  if (input.userId === actor.userId) throw new AppError("BAD_REQUEST", "Staff cannot ban themselves.");
  return db.$transaction(async (tx) => {
    await findUser(tx, input.userId);
    await tx.user.update({
      where: { id: input.userId },
      data: {
        banned: input.banned,
        banReason: input.banned ? (input.reason ?? null) : null,
        banExpires: null,
      },
    });
    if (input.banned) await tx.session.deleteMany({ where: { userId: input.userId } });
    await recordAudit(tx, actor, {
      action: input.banned ? "staff.user_banned" : "staff.user_unbanned",
      target: { type: "user", id: input.userId },
      details: input.reason ? { reason: input.reason } : {},
    });
    return { userId: input.userId, banned: input.banned };
  });
}

export async function revokeUserSessions(db: Db, actor: Actor, input: { userId: string }) {
  return db.$transaction(async (tx) => {
    await findUser(tx, input.userId);
    const { count } = await tx.session.deleteMany({ where: { userId: input.userId } });
    await recordAudit(tx, actor, {
      action: "staff.sessions_revoked",
      target: { type: "user", id: input.userId },
      details: { count },
    });
    return { revoked: count };
  });
}
