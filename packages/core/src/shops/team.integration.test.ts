import type { Db } from "@omnify/db";
import { createTestDatabase, snapshotTables, type TestDatabase } from "@omnify/db/testing";
import { createMailer } from "@omnify/email";
import { createLogger } from "@omnify/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../audit/audit.ts";
import { AppError } from "../errors.ts";
import {
  acceptInvitation,
  declineInvitation,
  inviteMember,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from "./invitations.ts";
import { changeMemberRole, leaveShop, listMembers, removeMember, transferOwnership } from "./members.ts";
import { resolveShopScope } from "./scope.ts";
import { createShop, updateShop } from "./shops.ts";

let database: TestDatabase;
let db: Db;
const log = createLogger({ service: "core-test", level: "silent" });

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database?.drop();
});

async function user(email: string) {
  const row = await db.user.create({
    data: { email, name: email.split("@")[0] ?? email, emailVerified: true },
  });
  const actor: Actor & { userId: string } = { userId: row.id, email, ip: "203.0.113.9", userAgent: "test" };
  return { ...row, actor };
}

async function shopWithTeam(label: string) {
  const owner = await user(`owner-${label}@example.com`);
  const admin = await user(`admin-${label}@example.com`);
  const member = await user(`member-${label}@example.com`);
  const viewer = await user(`viewer-${label}@example.com`);
  const shop = await createShop(db, owner.actor, owner, {
    name: `Shop ${label}`,
    currency: "USD",
    timeZone: "UTC",
    persona: "founder",
  });
  const ids = { owner: "", admin: "", member: "", viewer: "" };
  for (const [person, role] of [
    [admin, "admin"],
    [member, "member"],
    [viewer, "viewer"],
  ] as const) {
    const row = await db.shopMember.create({
      data: { shopId: shop.id, userId: person.id, role, persona: "marketer" },
    });
    ids[role] = row.id;
  }
  const ownerMember = await db.shopMember.findFirstOrThrow({ where: { shopId: shop.id, userId: owner.id } });
  const scope = (person: { id: string }) => resolveShopScope(db, person.id, shop.id);
  ids.owner = ownerMember.id;
  return { shop, owner, admin, member, viewer, memberIds: ids, scope };
}

const deps = () => ({ db, mailer: createMailer({ db, smtp: false, log }), appUrl: "http://omnify.test" });

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("roles", () => {
  it("each role may do only what the permission table allows, and a refusal writes nothing", async () => {
    const team = await shopWithTeam("roles");
    const before = await snapshotTables(db);
    const invite = (person: typeof team.member) =>
      team.scope(person).then((scope) =>
        inviteMember(deps(), scope, person.actor, {
          email: "x@example.com",
          role: "member",
          persona: "marketer",
        }),
      );
    expect(await refusal(invite(team.member))).toBe("FORBIDDEN");
    expect(await refusal(invite(team.viewer))).toBe("FORBIDDEN");
    expect(
      await refusal(
        team.scope(team.viewer).then((scope) => updateShop(db, scope, team.viewer.actor, { name: "X" })),
      ),
    ).toBe("FORBIDDEN");
    // An admin manages the team but cannot make owners or touch one.
    const adminScope = await team.scope(team.admin);
    expect(
      await refusal(
        changeMemberRole(db, adminScope, team.admin.actor, {
          memberId: team.memberIds.member,
          role: "owner",
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await refusal(
        changeMemberRole(db, adminScope, team.admin.actor, {
          memberId: team.memberIds.owner,
          role: "viewer",
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await refusal(removeMember(db, adminScope, team.admin.actor, { memberId: team.memberIds.owner })),
    ).toBe("FORBIDDEN");
    expect(
      await refusal(transferOwnership(db, adminScope, team.admin.actor, { memberId: team.memberIds.admin })),
    ).toBe("FORBIDDEN");
    expect(await snapshotTables(db)).toEqual(before);

    await changeMemberRole(db, adminScope, team.admin.actor, {
      memberId: team.memberIds.viewer,
      role: "member",
    });
    const roles = (await listMembers(db, adminScope)).map((member) => [member.email, member.role]);
    expect(roles).toContainEqual(["viewer-roles@example.com", "member"]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "member.role_changed", shopId: team.shop.id },
    });
    expect(audit).toMatchObject({
      actorUserId: team.admin.id,
      targetType: "user",
      targetId: team.viewer.id,
      ip: "203.0.113.9",
      details: { from: "viewer", to: "member" },
    });
  });

  it("the last owner can neither leave nor be demoted; after a transfer the old owner is an admin", async () => {
    const team = await shopWithTeam("owners");
    const ownerScope = await team.scope(team.owner);
    const before = await snapshotTables(db);
    expect(await refusal(leaveShop(db, ownerScope, team.owner.actor))).toBe("CONFLICT");
    expect(
      await refusal(
        changeMemberRole(db, ownerScope, team.owner.actor, {
          memberId: team.memberIds.owner,
          role: "admin",
        }),
      ),
    ).toBe("CONFLICT");
    expect(await snapshotTables(db)).toEqual(before);

    await transferOwnership(db, ownerScope, team.owner.actor, { memberId: team.memberIds.admin });
    const roles = Object.fromEntries(
      (await listMembers(db, ownerScope)).map((member) => [member.email, member.role]),
    );
    expect(roles).toMatchObject({ "owner-owners@example.com": "admin", "admin-owners@example.com": "owner" });
    // Now an admin, the former owner may leave.
    await leaveShop(db, await team.scope(team.owner), team.owner.actor);
    expect(await db.shopMember.count({ where: { shopId: team.shop.id, userId: team.owner.id } })).toBe(0);
    const actions = await db.auditEvent.findMany({
      where: { shopId: team.shop.id },
      select: { action: true },
    });
    expect(actions.map((event) => event.action)).toEqual(
      expect.arrayContaining(["shop.created", "shop.ownership_transferred", "member.left"]),
    );
  });
});

describe("invitations", () => {
  async function invited(label: string, email: string) {
    const team = await shopWithTeam(label);
    const scope = await team.scope(team.owner);
    const invitation = await inviteMember(deps(), scope, team.owner.actor, {
      email,
      role: "viewer",
      persona: "media_buyer",
    });
    const sent = await db.emailMessage.findFirstOrThrow({
      where: { toAddress: email.toLowerCase() },
      orderBy: { id: "desc" },
    });
    const token = sent.links[0]?.split("/invitations/")[1] ?? "";
    return { team, scope, invitation, token, sent };
  }

  it("the invited address joins with the invited role and persona, and its email counts as verified", async () => {
    const { team, token, sent } = await invited("accept", "New.Person@Example.com");
    expect(sent.subject).toContain("Shop accept");
    expect(await previewInvitation(db, token)).toMatchObject({
      shopName: "Shop accept",
      role: "viewer",
      status: "pending",
    });
    const invitee = await db.user.create({
      data: { email: "new.person@example.com", name: "New", emailVerified: false },
    });
    const actor = { userId: invitee.id, email: invitee.email, ip: null, userAgent: null };
    const stranger = await user("stranger-accept@example.com");
    expect(await refusal(acceptInvitation(db, stranger.actor, stranger, token))).toBe("FORBIDDEN");

    expect(await acceptInvitation(db, actor, invitee, token)).toEqual({ shopId: team.shop.id });
    expect(await db.shopMember.findFirstOrThrow({ where: { userId: invitee.id } })).toMatchObject({
      shopId: team.shop.id,
      role: "viewer",
      persona: "media_buyer",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: invitee.id } })).emailVerified).toBe(true);
    expect(await refusal(acceptInvitation(db, actor, invitee, token))).toBe("CONFLICT");
  });

  it("declined, revoked, replaced and expired invitations cannot be accepted", async () => {
    const { team, scope, invitation, token } = await invited("states", "someone@example.com");
    const someone = await user("someone@example.com");
    // Inviting again replaces the first link.
    await inviteMember(deps(), scope, team.owner.actor, {
      email: "someone@example.com",
      role: "member",
      persona: "founder",
    });
    expect(await refusal(acceptInvitation(db, someone.actor, someone, token))).toBe("CONFLICT");
    expect((await listInvitations(db, scope)).map((row) => [row.email, row.role])).toEqual([
      ["someone@example.com", "member"],
    ]);

    const [current] = await listInvitations(db, scope);
    await revokeInvitation(db, scope, team.owner.actor, { invitationId: current?.id ?? "" });
    expect(await listInvitations(db, scope)).toEqual([]);
    expect(
      await refusal(revokeInvitation(db, scope, team.owner.actor, { invitationId: invitation.id })),
    ).toBe("NOT_FOUND");

    const expiring = await invited("expiry", "late@example.com");
    await db.shopInvitation.update({
      where: { id: expiring.invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await listInvitations(db, expiring.scope))[0]?.status).toBe("expired");
    const late = await user("late@example.com");
    expect(await refusal(acceptInvitation(db, late.actor, late, expiring.token))).toBe("CONFLICT");

    const declining = await invited("decline", "no-thanks@example.com");
    const noThanks = await user("no-thanks@example.com");
    await declineInvitation(db, noThanks.actor, noThanks, declining.token);
    expect((await previewInvitation(db, declining.token)).status).toBe("declined");
    expect(await db.shopMember.count({ where: { userId: noThanks.id } })).toBe(0);
  });

  it("a current member cannot be invited again", async () => {
    const team = await shopWithTeam("dupe");
    const scope = await team.scope(team.owner);
    expect(
      await refusal(
        inviteMember(deps(), scope, team.owner.actor, {
          email: "MEMBER-dupe@example.com",
          role: "viewer",
          persona: "founder",
        }),
      ),
    ).toBe("CONFLICT");
  });
});
