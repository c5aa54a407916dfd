import { z } from "zod";

/** `/sign-in?redirect=…`: a malformed value is dropped rather than failing the page. */
export const signInSearch = z.object({ redirect: z.string().optional().catch(undefined) });

/**
 * Where to go after signing in. Only a path inside this app is followed: `redirect` comes from
 * the address bar, and an open redirect to another origin would make a phishing link look real.
 */
export function redirectTarget(redirect: string | undefined): string {
  if (!redirect?.startsWith("/") || redirect.startsWith("//") || redirect.startsWith("/\\")) return "/";
  // Returning to the sign-in page after signing in would look like the sign-in failed.
  if (redirect === "/sign-in" || redirect.startsWith("/sign-in?")) return "/";
  return redirect;
}
