import type { FastifyInstance } from "fastify";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses cross-site requests that carry cookies to `prefix`. A cross-site form
 * can post multipart/form-data (which tRPC accepts) without a CORS preflight,
 * so SameSite=Lax alone is not enough: the Origin header, or Fetch Metadata
 * when there is no Origin, must show the request comes from our own pages.
 */
export function registerCsrfGuard(
  app: FastifyInstance,
  { prefix, trustedOrigins }: { prefix: string; trustedOrigins: string[] },
) {
  const trusted = new Set(trustedOrigins.map((origin) => new URL(origin).origin));
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith(prefix) || !request.headers.cookie) return;
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
