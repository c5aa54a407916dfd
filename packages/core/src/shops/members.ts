import type { Db, DbOrTx, Persona, ShopRole, Tx } from "@omnify/db";
import { type Actor, recordAudit } from "../audit/audit.ts";
import { AppError } from "../errors.ts";
import { assertCan, can } from "./permissions.ts";
import type { ShopScope } from "./scope.ts";

export async function listMembers(db: DbOrTx, scope: ShopScope) {
  assertCan(scope.role, "team.view");
  const members = await db.shopMember.findMany({
    where: { shopId: scope.shopId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      role: true,
      persona: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
  return members.map(({ user, createdAt, ...member }) => ({
    ...member,
    userId: user.id,
    name: user.name,
    email: user.email,
    joinedAt: createdAt,
    isYou: user.id === scope.userId,
  }));
}

/** Serialises changes to a shop's owners, so two requests cannot both remove "the other" owner. */
async function lockShop(tx: Tx, shopId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM shops WHERE id = ${shopId}::uuid FOR UPDATE`;
}

async function findMember(tx: DbOrTx, scope: ShopScope, memberId: string) {
  const member = await tx.shopMember.findFirst({
    where: { id: memberId, shopId: scope.shopId },
    select: { id: true, userId: true, role: true },
  });
  if (!member) throw new AppError("NOT_FOUND", "No such member in this shop.");
  return member;
}

async function assertAnotherOwnerRemains(tx: DbOrTx, scope: ShopScope, leaving: { role: ShopRole }) {
  if (leaving.role !== "owner") return;
  const owners = await tx.shopMember.count({ where: { shopId: scope.shopId, role: "owner" } });
  if (owners <= 1) {
    throw new AppError("CONFLICT", "A shop needs an owner: make someone else owner first.");
  }
}

/** Only owners touch owners: an admin can neither grant the owner role nor change an owner. */
function assertMayManage(scope: ShopScope, target: { role: ShopRole }, newRole?: ShopRole) {
  assertCan(scope.role, "team.manage");
  if (scope.role !== "owner" && (target.role === "owner" || newRole === "owner")) {
    throw new AppError("FORBIDDEN", "Only an owner can change an owner's role or make someone owner.");
  }
}

export async function changeMemberRole(
  db: Db,
  scope: ShopScope,
  actor: Actor,
  input: { memberId: string; role: ShopRole },
) {
  return db.$transaction(async (tx) => {
    await lockShop(tx, scope.shopId);
    const member = await findMember(tx, scope, input.memberId);
    assertMayManage(scope, member, input.role);
    if (member.role === input.role) return { id: member.id, role: member.role };
    if (input.role !== "owner") await assertAnotherOwnerRemains(tx, scope, member);
    const updated = await tx.shopMember.update({
      where: { id: member.id },
      data: { role: input.role },
      select: { id: true, role: true },
    });
    await recordAudit(tx, actor, {
      action: "member.role_changed",
      shopId: scope.shopId,
      target: { type: "user", id: member.userId },
      details: { from: member.role, to: input.role },
    });
    return updated;
  });
}

/** Members choose their own persona; managers may set anyone's. */
export async function setMemberPersona(
  db: Db,
  scope: ShopScope,
  actor: Actor,
  input: { memberId: string; persona: Persona },
) {
  return db.$transaction(async (tx) => {
    const member = await findMember(tx, scope, input.memberId);
    if (member.id !== scope.memberId && !can(scope.role, "team.manage")) {
      throw new AppError("FORBIDDEN", "You can change only your own persona.");
    }
    const updated = await tx.shopMember.update({
      where: { id: member.id },
      data: { persona: input.persona },
      select: { id: true, persona: true },
    });
    await recordAudit(tx, actor, {
      action: "member.persona_changed",
      shopId: scope.shopId,
      target: { type: "user", id: member.userId },
      details: { persona: input.persona },
    });
    return updated;
  });
}

export async function removeMember(db: Db, scope: ShopScope, actor: Actor, input: { memberId: string }) {
  return db.$transaction(async (tx) => {
    await lockShop(tx, scope.shopId);
    const member = await findMember(tx, scope, input.memberId);
    if (member.id === scope.memberId) {
      throw new AppError("BAD_REQUEST", "To remove yourself, leave the shop instead.");
    }
    assertMayManage(scope, member);
    await assertAnotherOwnerRemains(tx, scope, member);
    await tx.shopMember.delete({ where: { id: member.id } });
    await recordAudit(tx, actor, {
      action: "member.removed",
      shopId: scope.shopId,
      target: { type: "user", id: member.userId },
      details: { role: member.role },
    });
    return { id: member.id };
  });
}

/** The caller hands the owner role to another member and becomes an admin. */
export async function transferOwnership(db: Db, scope: ShopScope, actor: Actor, input: { memberId: string }) {
  assertCan(scope.role, "shop.transfer");
  return db.$transaction(async (tx) => {
    await lockShop(tx, scope.shopId);
    const member = await findMember(tx, scope, input.memberId);
    if (member.id === scope.memberId) throw new AppError("BAD_REQUEST", "You already own this shop.");
    await tx.shopMember.update({ where: { id: member.id }, data: { role: "owner" } });
    await tx.shopMember.update({ where: { id: scope.memberId }, data: { role: "admin" } });
    await recordAudit(tx, actor, {
      action: "shop.ownership_transferred",
      shopId: scope.shopId,
      target: { type: "user", id: member.userId },
      details: { previousRole: member.role },
    });
    return { newOwnerMemberId: member.id };
  });
}

export async function leaveShop(db: Db, scope: ShopScope, actor: Actor) {
  return db.$transaction(async (tx) => {
    await lockShop(tx, scope.shopId);
    const me = await findMember(tx, scope, scope.memberId);
    await assertAnotherOwnerRemains(tx, scope, me);
    await tx.shopMember.delete({ where: { id: me.id } });
    await recordAudit(tx, actor, {
      action: "member.left",
      shopId: scope.shopId,
      target: { type: "user", id: me.userId },
      details: { role: me.role },
    });
    return { left: true as const };
  });
}
