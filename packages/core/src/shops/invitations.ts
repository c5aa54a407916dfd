import { createHash, randomBytes } from "node:crypto";
import type { Db, DbOrTx, InvitationStatus, Persona, ShopRole } from "@omnify/db";
import { type Mailer, shopInvitationMessage } from "@omnify/email";
import { type Actor, recordAudit } from "../audit/audit.ts";
import { AppError } from "../errors.ts";
import { assertCan } from "./permissions.ts";
import type { ShopScope } from "./scope.ts";

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export interface InvitationDeps {
  db: Db;
  mailer: Mailer;
  /** Public address of the web app; invitation links point there. */
  appUrl: string;
}

const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** Pending invitations past their expiry read as expired; nothing needs to sweep them. */
function effectiveStatus(invitation: { status: InvitationStatus; expiresAt: Date }, now = new Date()) {
  return invitation.status === "pending" && invitation.expiresAt <= now
    ? ("expired" as const)
    : invitation.status;
}

export async function inviteMember(
  { db, mailer, appUrl }: InvitationDeps,
  scope: ShopScope,
  actor: Actor,
  input: { email: string; role: Exclude<ShopRole, "owner">; persona: Persona },
) {
  assertCan(scope.role, "team.invite");
  const email = input.email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const existingMember = await tx.shopMember.findFirst({
      where: { shopId: scope.shopId, user: { email } },
      select: { id: true },
    });
    if (existingMember) throw new AppError("CONFLICT", `${email} is already a member of this shop.`);
    // Inviting again replaces the earlier invitation: its link stops working.
    await tx.shopInvitation.updateMany({
      where: { shopId: scope.shopId, email, status: "pending" },
      data: { status: "revoked", respondedAt: new Date() },
    });
    const token = randomBytes(32).toString("base64url");
    const invitation = await tx.shopInvitation.create({
      data: {
        shopId: scope.shopId,
        email,
        role: input.role,
        persona: input.persona,
        tokenHash: hashToken(token),
        invitedById: scope.userId,
        expiresAt: new Date(Date.now() + invitationLifetimeMs),
      },
      select: {
        id: true,
        email: true,
        role: true,
        persona: true,
        expiresAt: true,
        createdAt: true,
        shop: { select: { name: true } },
        invitedBy: { select: { name: true } },
      },
    });
    await mailer.send(
      shopInvitationMessage({
        to: email,
        inviterName: invitation.invitedBy.name,
        shopName: invitation.shop.name,
        role: input.role,
        url: new URL(`/invitations/${token}`, appUrl).toString(),
        expiresAt: invitation.expiresAt,
      }),
      tx,
    );
    await recordAudit(tx, actor, {
      action: "invitation.created",
      shopId: scope.shopId,
      target: { type: "invitation", id: invitation.id },
      details: { email, role: input.role },
    });
    const { shop: _shop, invitedBy, ...fields } = invitation;
    return { ...fields, status: "pending" as const, invitedByName: invitedBy.name };
  });
}

/** Pending and expired invitations of the shop, newest first. */
export async function listInvitations(db: DbOrTx, scope: ShopScope) {
  assertCan(scope.role, "team.view");
  const rows = await db.shopInvitation.findMany({
    where: { shopId: scope.shopId, status: "pending" },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      role: true,
      persona: true,
      status: true,
      expiresAt: true,
      createdAt: true,
      invitedBy: { select: { name: true } },
    },
  });
  return rows.map(({ invitedBy, ...row }) => ({
    ...row,
    status: effectiveStatus(row),
    invitedByName: invitedBy.name,
  }));
}

export async function revokeInvitation(
  db: Db,
  scope: ShopScope,
  actor: Actor,
  input: { invitationId: string },
) {
  assertCan(scope.role, "team.invite");
  return db.$transaction(async (tx) => {
    const { count } = await tx.shopInvitation.updateMany({
      where: { id: input.invitationId, shopId: scope.shopId, status: "pending" },
      data: { status: "revoked", respondedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "No pending invitation with this id in this shop.");
    await recordAudit(tx, actor, {
      action: "invitation.revoked",
      shopId: scope.shopId,
      target: { type: "invitation", id: input.invitationId },
    });
    return { id: input.invitationId };
  });
}

async function findByToken(db: DbOrTx, token: string) {
  const invitation = await db.shopInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      shopId: true,
      email: true,
      role: true,
      persona: true,
      status: true,
      expiresAt: true,
      shop: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!invitation) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
  return invitation;
}

/** What the invitation page shows before the visitor signs in: the token is the credential. */
export async function previewInvitation(db: DbOrTx, token: string) {
  const invitation = await findByToken(db, token);
  return {
    shopName: invitation.shop.name,
    invitedByName: invitation.invitedBy.name,
    email: invitation.email,
    role: invitation.role,
    status: effectiveStatus(invitation),
    expiresAt: invitation.expiresAt,
  };
}

const statusMessages = {
  expired: "This invitation has expired. Ask for a new one.",
  accepted: "This invitation has already been accepted.",
  declined: "This invitation was declined.",
  revoked: "This invitation was withdrawn. Ask for a new one.",
} as const;

async function findRespondable(tx: DbOrTx, token: string, user: { email: string }) {
  const invitation = await findByToken(tx, token);
  const status = effectiveStatus(invitation);
  if (status !== "pending") throw new AppError("CONFLICT", statusMessages[status]);
  if (invitation.email !== user.email.toLowerCase()) {
    throw new AppError(
      "FORBIDDEN",
      `This invitation was sent to ${invitation.email}. Sign in with that address to answer it.`,
    );
  }
  return invitation;
}

/**
 * Joins the invited shop with the invited role. The link reached the invitee's
 * mailbox, so it also verifies their address.
 */
export async function acceptInvitation(
  db: Db,
  actor: Actor & { userId: string },
  user: { email: string },
  token: string,
) {
  return db.$transaction(async (tx) => {
    const invitation = await findRespondable(tx, token, user);
    await tx.shopInvitation.update({
      where: { id: invitation.id },
      data: { status: "accepted", respondedAt: new Date() },
    });
    await tx.shopMember.upsert({
      where: { shopId_userId: { shopId: invitation.shopId, userId: actor.userId } },
      create: {
        shopId: invitation.shopId,
        userId: actor.userId,
        role: invitation.role,
        persona: invitation.persona,
      },
      update: {},
    });
    await tx.user.update({ where: { id: actor.userId }, data: { emailVerified: true } });
    await recordAudit(tx, actor, {
      action: "invitation.accepted",
      shopId: invitation.shopId,
      target: { type: "invitation", id: invitation.id },
      details: { role: invitation.role },
    });
    return { shopId: invitation.shopId };
  });
}

export async function declineInvitation(db: Db, actor: Actor, user: { email: string }, token: string) {
  return db.$transaction(async (tx) => {
    const invitation = await findRespondable(tx, token, user);
    await tx.shopInvitation.update({
      where: { id: invitation.id },
      data: { status: "declined", respondedAt: new Date() },
    });
    await recordAudit(tx, actor, {
      action: "invitation.declined",
      shopId: invitation.shopId,
      target: { type: "invitation", id: invitation.id },
    });
    return { declined: true as const };
  });
}
