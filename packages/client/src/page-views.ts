import { trackPageView } from "./analytics.ts";

/** The parts of a TanStack Router instance `trackPageViews` uses (this package does not depend on it). */
export interface NavigatingRouter {
  subscribe(event: "onResolved", listener: (event: { pathChanged: boolean }) => void): () => void;
  history: { location: { pathname: string } };
}

/**
 * One pageview per resolved navigation to a new path (posthog's own pageviews are off).
 * Returns `router`, so that it can wrap `createRouter(…)`.
 */
export function trackPageViews<Router extends NavigatingRouter>(router: Router): Router {
  router.subscribe("onResolved", ({ pathChanged }) => {
    if (pathChanged) trackPageView(router.history.location.pathname);
  });
  return router;
}
