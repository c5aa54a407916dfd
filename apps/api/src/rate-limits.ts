import type { Db } from "@omnify/db";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

export interface LimitRule {
  /** Attempts allowed in one window. */
  points: number;
  windowSeconds: number;
}

/** Defaults; tests shorten the windows. */
export interface AuthRateLimits {
  /** Failed sign-ins per account (email). */
  signInFailuresPerAccount: LimitRule;
  /** Sign-in attempts per client address, failed or not. */
  signInPerIp: LimitRule;
  /** Password-reset requests per account and per address. */
  passwordResetPerAccount: LimitRule;
  passwordResetPerIp: LimitRule;
  /** Sign-ups and verification resends per address. */
  signUpPerIp: LimitRule;
}

export const defaultAuthRateLimits: AuthRateLimits = {
  signInFailuresPerAccount: { points: 10, windowSeconds: 15 * 60 },
  signInPerIp: { points: 50, windowSeconds: 15 * 60 },
  passwordResetPerAccount: { points: 5, windowSeconds: 60 * 60 },
  passwordResetPerIp: { points: 20, windowSeconds: 60 * 60 },
  signUpPerIp: { points: 20, windowSeconds: 60 * 60 },
};

export type LimitName = keyof AuthRateLimits;

/** A refusal: how long until the caller may try again. */
export class RateLimited {
  constructor(readonly retryAfterSeconds: number) {}
}

/**
 * Counters in PostgreSQL (rate-limiter-flexible's Prisma store), so every API
 * process shares them and a restart forgives nothing.
 */
export function createAuthRateLimiter(db: Db, rules: AuthRateLimits) {
  const limiters = Object.fromEntries(
    (Object.keys(rules) as LimitName[]).map((name) => [
      name,
      new RateLimiterPrisma({
        storeClient: db,
        tableName: "rateLimit",
        keyPrefix: name,
        points: rules[name].points,
        duration: rules[name].windowSeconds,
      }),
    ]),
  ) as Record<LimitName, RateLimiterPrisma>;

  const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

  return {
    /** Refuses when the key has used up its window, without counting this attempt. */
    async check(name: LimitName, key: string): Promise<RateLimited | null> {
      const res = await limiters[name].get(key);
      return res && res.remainingPoints <= 0 ? new RateLimited(retryAfter(res)) : null;
    },
    /** Counts a failure; refuses from the failure that uses up the allowance on. */
    async recordFailure(name: LimitName, key: string): Promise<RateLimited | null> {
      try {
        const res = await limiters[name].consume(key);
        return res.remainingPoints <= 0 ? new RateLimited(retryAfter(res)) : null;
      } catch (error) {
        if (error instanceof RateLimiterRes) return new RateLimited(retryAfter(error));
        throw error;
      }
    },
    /** Counts one attempt; refuses when it is over the limit. */
    async consume(name: LimitName, key: string): Promise<RateLimited | null> {
      try {
        await limiters[name].consume(key);
        return null;
      } catch (error) {
        if (error instanceof RateLimiterRes) return new RateLimited(retryAfter(error));
        throw error;
      }
    },
  };
}

export type AuthRateLimiter = ReturnType<typeof createAuthRateLimiter>;
