import { isTRPCClientError } from "@trpc/client";
import { createAuthClient } from "better-auth/react";

/**
 * Better Auth's browser client for sign-up, sign-in, verification, password
 * reset, the account's sessions and sign-out. Same origin as the page: the API
 * serves the SPAs, and Vite proxies /api in development.
 */
export const authClient = createAuthClient({ basePath: "/api/auth" });

/** Field → messages from a tRPC BAD_REQUEST (the server's `data.fieldErrors`), or null. */
export function serverFieldErrors(error: unknown): Record<string, string[]> | null {
  if (!isTRPCClientError(error)) return null;
  const fieldErrors: unknown = (error.data as { fieldErrors?: unknown } | undefined)?.fieldErrors;
  return fieldErrors && typeof fieldErrors === "object" ? (fieldErrors as Record<string, string[]>) : null;
}

/** The sentence to show for a failed Better Auth call (its `error` object). */
export function describeAuthError(
  error: { status?: number; message?: string; code?: string } | null,
): string {
  if (!error) return "";
  if (error.status === 429) return error.message ?? "Too many attempts. Try again later.";
  if (!error.status) return "Could not reach the server. Check your connection and try again.";
  return error.message ?? "Something went wrong. Try again.";
}
