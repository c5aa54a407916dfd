// Paths served by something other than this SPA: navigating there client-side would show our 404.
const otherApps = ["/api", "/trpc", "/admin", "/healthz", "/readyz"];
const probe = "http://omnify.invalid";

/**
 * The `redirect` search parameter as a path inside this app, or undefined. Anything else
 * (another origin, `//evil.example`, `/\evil.example`, the API) is dropped, so a crafted
 * sign-in link cannot send someone elsewhere after they sign in.
 */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.startsWith("/")) return undefined;
  if (value.startsWith("//") || value.startsWith("/\\")) return undefined;
  let url: URL;
  try {
    url = new URL(value, probe);
  } catch {
    return undefined;
  }
  if (url.origin !== probe) return undefined;
  if (otherApps.some((prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) {
    return undefined;
  }
  return `${url.pathname}${url.search}${url.hash}`;
}
