import { type Auth, actorFrom, authBasePath } from "@omnify/auth";
import { recordAudit } from "@omnify/core";
import type { Db } from "@omnify/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AuthRateLimiter, LimitName, RateLimited } from "./rate-limits.ts";

/**
 * The Better Auth endpoints the SPAs use. Everything else the library (and its
 * admin plugin) would serve is 404 here: staff actions go through audited tRPC
 * procedures instead.
 */
const exposedPaths = new Set([
  "/sign-up/email",
  "/sign-in/email",
  "/sign-out",
  "/get-session",
  "/verify-email",
  "/send-verification-email",
  "/request-password-reset",
  "/reset-password",
  "/change-password",
  "/update-user",
  "/list-sessions",
  "/revoke-session",
  "/revoke-other-sessions",
  "/ok",
  "/error",
]);

const isExposed = (path: string) => exposedPaths.has(path) || /^\/reset-password\/[\w-]+$/.test(path);

function emailOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | null)?.email;
  return typeof email === "string" ? email.trim().toLowerCase().slice(0, 254) : null;
}

/** Which limits a request counts against before it reaches Better Auth. */
function limitsFor(path: string, ip: string, email: string | null): [LimitName, string][] {
  switch (path) {
    case "/sign-in/email":
      return [["signInPerIp", ip]];
    case "/request-password-reset":
      return [
        ["passwordResetPerIp", ip],
        ...(email ? [["passwordResetPerAccount", email] as [LimitName, string]] : []),
      ];
    case "/sign-up/email":
    case "/send-verification-email":
      return [["signUpPerIp", ip]];
    default:
      return [];
  }
}

function tooManyRequests(reply: FastifyReply, limited: RateLimited) {
  const minutes = Math.ceil(limited.retryAfterSeconds / 60);
  return reply
    .code(429)
    .header("retry-after", String(limited.retryAfterSeconds))
    .send({
      code: "TOO_MANY_REQUESTS",
      message: `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    });
}

/** A Web Request for Better Auth, with the client address as the API saw it (never as the client claims). */
function toWebRequest(request: FastifyRequest, appUrl: string): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(key, item);
  }
  headers.set("x-forwarded-for", request.ip);
  // The body is re-serialised below: the client's length no longer applies.
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body !== undefined;
  return new Request(new URL(request.url, appUrl), {
    method: request.method,
    headers,
    body: hasBody ? JSON.stringify(request.body) : undefined,
  });
}

export function registerAuthRoutes(
  app: FastifyInstance,
  { auth, db, limiter, appUrl }: { auth: Auth; db: Db; limiter: AuthRateLimiter; appUrl: string },
): void {
  app.route({
    method: ["GET", "POST"],
    url: `${authBasePath}/*`,
    async handler(request, reply) {
      const path = new URL(request.url, appUrl).pathname.slice(authBasePath.length);
      if (!isExposed(path)) return reply.code(404).send({ code: "NOT_FOUND", message: "Not found" });

      const email = emailOf(request.body);
      const webRequest = toWebRequest(request, appUrl);
      const actor = { ...actorFrom(webRequest.headers), email };
      for (const [name, key] of limitsFor(path, request.ip, email)) {
        const limited = await limiter.consume(name, key);
        if (limited) return tooManyRequests(reply, limited);
      }
      // A locked account stays locked even for the right password, until the window passes.
      if (path === "/sign-in/email" && email) {
        const limited = await limiter.check("signInFailuresPerAccount", email);
        if (limited) {
          await recordAudit(db, actor, { action: "auth.rate_limited", details: { path } });
          return tooManyRequests(reply, limited);
        }
      }

      const response = await auth.handler(webRequest);

      if (path === "/sign-in/email" && email && response.status === 401) {
        await recordAudit(db, actor, { action: "auth.sign_in_failed", target: { type: "email", id: email } });
        const locked = await limiter.recordFailure("signInFailuresPerAccount", email);
        if (locked) return tooManyRequests(reply, locked);
      }
      if (path === "/request-password-reset" && response.ok) {
        await recordAudit(db, actor, { action: "auth.password_reset_requested" });
      }

      reply.code(response.status);
      response.headers.forEach((value, key) => {
        if (key !== "set-cookie") reply.header(key, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length) reply.header("set-cookie", cookies);
      return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
    },
  });
}
