import { trackPageView } from "@omnify/client";
import { createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { NotFoundPage } from "./routes/not-found-page.tsx";
import { OverviewPage } from "./routes/overview-page.tsx";
import { RootLayout } from "./routes/root-layout.tsx";
import { RouteError } from "./routes/route-error.tsx";

const rootRoute = createRootRoute({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  component: OverviewPage,
});

const routeTree = rootRoute.addChildren([overviewRoute]);

export const router = createRouter({
  routeTree,
  defaultErrorComponent: RouteError,
  scrollRestoration: true,
});

// One pageview per resolved navigation to a new path (posthog's own pageviews are off).
router.subscribe("onResolved", ({ pathChanged }) => {
  if (pathChanged) trackPageView(router.history.location.pathname);
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
