import { http } from "msw";
import type { Sandbox } from "./app.ts";
import { sandboxRoutes, shopifyHostPattern, shopifyPrefix } from "./hosts.ts";

/**
 * MSW handlers that answer the real platforms' hosts with the sandbox, so
 * tests run the product's clients against their default base URLs and the
 * very implementation the local stack serves.
 */
export function sandboxHandlers(sandbox: Sandbox) {
  const forward =
    (prefixOf: (url: URL) => string) =>
    async ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      const body =
        request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
      const target = `${sandbox.publicUrl}${prefixOf(url)}${url.pathname}${url.search}`;
      return sandbox.fetch(
        new Request(target, { method: request.method, headers: request.headers, body, redirect: "manual" }),
      );
    };
  return [
    ...Object.values(sandboxRoutes).map(({ origin, prefix }) =>
      http.all(
        `${origin}/*`,
        forward(() => prefix),
      ),
    ),
    http.all(
      shopifyHostPattern,
      forward((url) => shopifyPrefix(url.host)),
    ),
    http.all(`${sandbox.publicUrl}/*`, ({ request }) => sandbox.fetch(request)),
  ];
}
