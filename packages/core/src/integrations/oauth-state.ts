import { createHash, randomBytes } from "node:crypto";
import type { DbOrTx, Platform } from "@omnify/db";

/** Ten minutes covers a consent screen (TikTok's includes an emailed code) without leaving states lying around. */
export const oauthStateLifetimeMs = 10 * 60 * 1000;

const hashState = (state: string) => createHash("sha256").update(state).digest("hex");

export async function createOAuthState(
  db: DbOrTx,
  binding: { platform: Platform; shopId: string; userId: string; sessionId: string; externalShop?: string },
): Promise<string> {
  const state = randomBytes(32).toString("base64url");
  await db.oAuthState.create({
    data: {
      ...binding,
      externalShop: binding.externalShop ?? null,
      stateHash: hashState(state),
      expiresAt: new Date(Date.now() + oauthStateLifetimeMs),
    },
  });
  return state;
}

export type StateProblem = "state_invalid" | "state_expired" | "state_used" | "session_mismatch";

/**
 * Checks a returned `state` against the caller's session and uses it up.
 * Refusals say why without revealing which shop the state was for.
 */
export async function consumeOAuthState(
  db: DbOrTx,
  platform: Platform,
  state: string | null,
  session: { userId: string; sessionId: string } | null,
): Promise<
  | { ok: true; binding: { shopId: string; userId: string; externalShop: string | null } }
  | { ok: false; problem: StateProblem }
> {
  if (!state || state.length > 200) return { ok: false, problem: "state_invalid" };
  const row = await db.oAuthState.findUnique({ where: { stateHash: hashState(state) } });
  if (!row || row.platform !== platform) return { ok: false, problem: "state_invalid" };
  if (row.consumedAt) return { ok: false, problem: "state_used" };
  if (row.expiresAt <= new Date()) return { ok: false, problem: "state_expired" };
  if (!session || session.sessionId !== row.sessionId || session.userId !== row.userId) {
    return { ok: false, problem: "session_mismatch" };
  }
  // Single use even under a double-submitted callback: only one update can flip it.
  const { count } = await db.oAuthState.updateMany({
    where: { id: row.id, consumedAt: null },
    data: { consumedAt: new Date() },
  });
  if (count !== 1) return { ok: false, problem: "state_used" };
  return { ok: true, binding: { shopId: row.shopId, userId: row.userId, externalShop: row.externalShop } };
}

/** Removes states that can no longer be used (called from the API on each start). */
export async function pruneOAuthStates(db: DbOrTx): Promise<void> {
  await db.oAuthState.deleteMany({
    where: { expiresAt: { lt: new Date(Date.now() - oauthStateLifetimeMs) } },
  });
}
