import { routeErrorProps, trackPageViews } from "@omnify/client";
import { RouteError } from "@omnify/ui";
import { createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { NotFound } from "./routes/not-found.tsx";
import { OverviewPage } from "./routes/overview-page.tsx";
import { RootLayout } from "./routes/root-layout.tsx";

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFound });
const overviewRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: OverviewPage });

export const router = trackPageViews(
  createRouter({
    routeTree: rootRoute.addChildren([overviewRoute]),
    defaultErrorComponent: (props) => <RouteError {...routeErrorProps(router, props)} />,
    scrollRestoration: true,
  }),
);

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
