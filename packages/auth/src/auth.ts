import { type Actor, type AuditAction, recordAudit } from "@omnify/core";
import type { Db } from "@omnify/db";
import { type Mailer, resetPasswordMessage, verifyEmailMessage } from "@omnify/email";
import type { Logger } from "@omnify/logger";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware } from "better-auth/api";
import { admin } from "better-auth/plugins/admin";
import { adminAc, userAc } from "better-auth/plugins/admin/access";

export interface AuthDeps {
  db: Db;
  mailer: Mailer;
  log: Logger;
  /** Public address of the web app; the auth API lives under `${appUrl}/api/auth`. */
  appUrl: string;
  /** Signs session cookies and tokens; at least 32 characters. */
  secret: string;
  /** Origins besides appUrl that may send cookie-authenticated requests (Vite dev servers). */
  trustedOrigins: string[];
}

export const authBasePath = "/api/auth";
export const passwordRules = { min: 10, max: 128 } as const;

/** The actor of an auth event: the user if known, the address the API saw (it sets x-forwarded-for). */
export function actorFrom(headers: Headers | undefined, user?: { id: string; email: string } | null): Actor {
  return {
    userId: user?.id ?? null,
    email: user?.email ?? null,
    ip: headers?.get("x-forwarded-for") ?? null,
    userAgent: headers?.get("user-agent") ?? null,
  };
}

/** Auth endpoints whose success is an audited event of the signed-in user. */
const auditedPaths: Record<string, AuditAction> = {
  "/change-password": "auth.password_changed",
  "/revoke-session": "auth.session_revoked",
  "/revoke-sessions": "auth.session_revoked",
  "/revoke-other-sessions": "auth.session_revoked",
  "/sign-out": "auth.sign_out",
};

/**
 * Better Auth for email + password accounts: verification and reset emails go
 * through the outbox, sessions live in PostgreSQL (no cookie cache, so a
 * revoked session ends at once), and the admin plugin's `staff` role marks
 * platform staff. Rate limits and failed sign-in auditing sit in front, in the
 * API (see apps/api/src/auth-routes.ts), because they need the per-account view.
 */
export function createAuth({ db, mailer, log, appUrl, secret, trustedOrigins }: AuthDeps) {
  const audit = (actor: Actor, action: AuditAction, target?: { type: string; id: string }) =>
    recordAudit(db, actor, { action, target: target ?? null });

  return betterAuth({
    appName: "Omnify",
    baseURL: appUrl,
    basePath: authBasePath,
    secret,
    trustedOrigins: [appUrl, ...trustedOrigins],
    database: prismaAdapter(db, { provider: "postgresql" }),
    telemetry: { enabled: false },
    // Limits are enforced in front of Better Auth, per IP and per account, with Retry-After.
    rateLimit: { enabled: false },
    logger: {
      log: (level, message, ...args) => log[level]({ args }, `better-auth: ${message}`),
    },
    advanced: {
      database: { generateId: "uuid" },
      useSecureCookies: appUrl.startsWith("https://"),
      cookiePrefix: "omnify",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: passwordRules.min,
      maxPasswordLength: passwordRules.max,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => {
        await mailer.send(resetPasswordMessage({ to: user.email, name: user.name, url }));
      },
      onPasswordReset: async ({ user }, request) => {
        await audit(actorFrom(request?.headers, user), "auth.password_reset", { type: "user", id: user.id });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: 60 * 60 * 24,
      sendVerificationEmail: async ({ user, url }) => {
        await mailer.send(verifyEmailMessage({ to: user.email, name: user.name, url }));
      },
      afterEmailVerification: async (user, request) => {
        await audit(actorFrom(request?.headers, user), "auth.email_verified", { type: "user", id: user.id });
      },
    },
    databaseHooks: {
      user: {
        create: {
          after: async (user, context) => {
            await audit(actorFrom(context?.request?.headers, user), "auth.sign_up", {
              type: "user",
              id: user.id,
            });
          },
        },
      },
      session: {
        create: {
          after: async (session, context) => {
            const user = await db.user.findUnique({
              where: { id: session.userId },
              select: { id: true, email: true },
            });
            await audit(actorFrom(context?.request?.headers, user), "auth.sign_in", {
              type: "session",
              id: session.id,
            });
          },
        },
      },
    },
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        const action = auditedPaths[ctx.path];
        const user = ctx.context.session?.user;
        if (!action || !user || ctx.context.returned instanceof Error) return;
        await audit(actorFrom(ctx.request?.headers ?? ctx.headers, user), action, {
          type: "user",
          id: user.id,
        });
      }),
    },
    plugins: [
      admin({
        defaultRole: "user",
        adminRoles: ["staff"],
        roles: { user: userAc, staff: adminAc },
        bannedUserMessage: "This account is suspended. Contact support if you think this is a mistake.",
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type AuthSession = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;
