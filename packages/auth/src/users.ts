import { type Actor, recordAudit } from "@omnify/core";
import type { Db } from "@omnify/db";
import { hashPassword } from "better-auth/crypto";
import { passwordRules } from "./auth.ts";

export interface PasswordUserInput {
  email: string;
  name: string;
  password: string;
}

/**
 * Creates a verified email + password account the way Better Auth stores one
 * (a "credential" account holding the library's scrypt hash), or leaves an
 * existing one as it is. For the seed and the staff CLI, which have no request.
 */
export async function ensurePasswordUser(
  db: Db,
  input: PasswordUserInput,
): Promise<{ id: string; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return { ...existing, created: false };
  if (input.password.length < passwordRules.min) {
    throw new Error(`The password must be at least ${passwordRules.min} characters.`);
  }
  const password = await hashPassword(input.password);
  const user = await db.user.create({
    data: { email, name: input.name, emailVerified: true },
    select: { id: true },
  });
  await db.account.create({
    data: { userId: user.id, accountId: user.id, providerId: "credential", password },
  });
  return { ...user, created: true };
}

const cliActor: Actor = { userId: null, email: null, ip: null, userAgent: "omnify staff:create" };

/** Creates a staff account, or promotes an existing account to staff. */
export async function createOrPromoteStaff(
  db: Db,
  input: PasswordUserInput,
): Promise<{ id: string; created: boolean }> {
  const user = await ensurePasswordUser(db, input);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { role: "staff" } });
    await recordAudit(tx, cliActor, {
      action: "staff.role_changed",
      target: { type: "user", id: user.id },
      details: { role: "staff", via: "cli" },
    });
  });
  return user;
}
