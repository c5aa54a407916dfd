import { routeErrorProps, trackPageViews } from "@omnify/client";
import { RouteError } from "@omnify/ui";
import { createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { NotFound } from "./routes/not-found.tsx";
import { PlatformHealthPage } from "./routes/platform-health-page.tsx";
import { RootLayout } from "./routes/root-layout.tsx";

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFound });
const platformHealthRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  component: PlatformHealthPage,
});

export const router = trackPageViews(
  createRouter({
    routeTree: rootRoute.addChildren([platformHealthRoute]),
    // Served under /admin/ (see vite.config.ts `base`).
    basepath: "/admin",
    defaultErrorComponent: (props) => <RouteError {...routeErrorProps(router, props)} />,
    scrollRestoration: true,
  }),
);

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
