import { trackPageView } from "@omnify/client";
import { createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { NotFoundPage } from "./routes/not-found-page.tsx";
import { PlatformHealthPage } from "./routes/platform-health-page.tsx";
import { RootLayout } from "./routes/root-layout.tsx";
import { RouteError } from "./routes/route-error.tsx";

const rootRoute = createRootRoute({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

const platformHealthRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  component: PlatformHealthPage,
});

const routeTree = rootRoute.addChildren([platformHealthRoute]);

export const router = createRouter({
  routeTree,
  // Served under /admin/ (see vite.config.ts `base`).
  basepath: "/admin",
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
