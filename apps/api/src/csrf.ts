import type { FastifyInstance } from "fastify";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export interface CsrfGuardOptions {
  /** Paths checked when the request carries cookies (tRPC). */
  cookiePrefixes: string[];
  /** Paths checked always (auth: a forged sign-in is an attack too). */
  alwaysPrefixes: string[];
  trustedOrigins: string[];
}

/**
 * Refuses cross-site requests. A cross-site form can post multipart/form-data
 * (which tRPC accepts) without a CORS preflight, so SameSite=Lax alone is not
 * enough: the Origin header, or Fetch Metadata when there is no Origin, must
 * show the request comes from our own pages. Safe methods without either (an
 * emailed link opened in a new tab) pass.
 */
export function registerCsrfGuard(app: FastifyInstance, options: CsrfGuardOptions) {
  const trusted = new Set(options.trustedOrigins.map((origin) => new URL(origin).origin));
  const guarded = (url: string, hasCookie: boolean) =>
    options.alwaysPrefixes.some((prefix) => url.startsWith(prefix)) ||
    (hasCookie && options.cookiePrefixes.some((prefix) => url.startsWith(prefix)));
  app.addHook("onRequest", async (request, reply) => {
    if (!guarded(request.url, Boolean(request.headers.cookie))) return;
    const origin = request.headers.origin;
    const fetchSite = request.headers["sec-fetch-site"];
    const allowed =
      origin !== undefined
        ? trusted.has(origin)
        : fetchSite !== undefined
          ? fetchSite === "same-origin" || fetchSite === "none"
          : safeMethods.has(request.method);
    if (!allowed) {
      request.log.warn({ origin, fetchSite, method: request.method }, "cross-site request refused");
      return reply.code(403).send({
        error: {
          message: "Cross-site request refused.",
          code: -32003,
          data: { code: "FORBIDDEN", httpStatus: 403 },
        },
      });
    }
  });
}
