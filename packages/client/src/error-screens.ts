import { describeError } from "./query-client.ts";

/** What an error screen (`AppCrashed`, `RouteError` in `@omnify/ui`) is given. */
export interface ErrorScreenProps {
  message: string;
  onRetry: () => void;
}

/** The one method of a TanStack Router instance `routeErrorProps` calls. */
export interface ReloadableRouter {
  invalidate(): Promise<unknown>;
}

/**
 * For a router's `defaultErrorComponent`. Resetting the error boundary alone is not enough: a
 * route whose loading failed stays failed until the router loads it again.
 */
export function routeErrorProps(
  router: ReloadableRouter,
  { error, reset }: { error: unknown; reset: () => void },
): ErrorScreenProps {
  return {
    message: describeError(error),
    onRetry: () => {
      reset();
      void router.invalidate();
    },
  };
}
