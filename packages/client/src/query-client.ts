import { QueryClient } from "@tanstack/react-query";
import { isTRPCClientError } from "@trpc/client";

const maxRetries = 2;

/** HTTP status of a failed call, when the server answered at all. */
export function httpStatusOf(error: unknown): number | undefined {
  if (!isTRPCClientError(error)) return undefined;
  const status: unknown = error.data?.httpStatus;
  return typeof status === "number" ? status : undefined;
}

/**
 * A 4xx will fail the same way again (bad input, signed out, forbidden, not found, rate
 * limited), so only network failures and 5xx are retried, at most twice.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = httpStatusOf(error);
  if (status !== undefined && status >= 400 && status < 500) return false;
  return failureCount < maxRetries;
}

/** The one factory for the query client of both SPAs. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Realtime events keep live data fresh; 30 s spares the API a refetch on every mount.
        staleTime: 30_000,
        retry: shouldRetry,
        // Switching browser tabs must not refetch every query on screen.
        refetchOnWindowFocus: false,
      },
      mutations: {
        // A mutation is not known to be idempotent: never send it twice behind the user's back.
        retry: false,
      },
    },
  });
}

/** A sentence the user can act on, for any error a query or mutation may throw. */
export function describeError(error: unknown): string {
  if (isTRPCClientError(error)) {
    if (httpStatusOf(error) === undefined) {
      return "Could not reach the server. Check your connection and try again.";
    }
    return error.message;
  }
  // Anything else is a bug in the page: its message would not help the user.
  return "Something unexpected went wrong. Try again, or reload the page.";
}
