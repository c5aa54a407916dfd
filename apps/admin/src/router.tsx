import { routeErrorProps, trackPageViews } from "@omnify/client";
import { RouteError } from "@omnify/ui";
import {
  createRootRoute,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  type RouterHistory,
  useRouter,
} from "@tanstack/react-router";
import { signInSearch } from "./auth/redirect-target.ts";
import { auditSearch } from "./features/audit/audit-search.ts";
import { usersSearch } from "./features/users/users-search.ts";
import { AuditLogPage } from "./routes/audit-log-page.tsx";
import { NotFound } from "./routes/not-found.tsx";
import { OutboxPage } from "./routes/outbox-page.tsx";
import { PlatformHealthPage } from "./routes/platform-health-page.tsx";
import { ShopsPage } from "./routes/shops-page.tsx";
import { SignInPage } from "./routes/sign-in-page.tsx";
import { StaffLayout } from "./routes/staff-layout.tsx";
import { UsersPage } from "./routes/users-page.tsx";

const rootRoute = createRootRoute({ notFoundComponent: NotFound });

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: signInSearch,
  component: SignInPage,
});

/** Every page below is for staff only: the layout's gate decides before any of them mounts. */
const staffRoute = createRoute({ getParentRoute: () => rootRoute, id: "staff", component: StaffLayout });

const staffPages = [
  createRoute({ getParentRoute: () => staffRoute, path: "/", component: PlatformHealthPage }),
  createRoute({
    getParentRoute: () => staffRoute,
    path: "/audit",
    validateSearch: auditSearch,
    component: AuditLogPage,
  }),
  createRoute({
    getParentRoute: () => staffRoute,
    path: "/users",
    validateSearch: usersSearch,
    component: UsersPage,
  }),
  createRoute({ getParentRoute: () => staffRoute, path: "/shops", component: ShopsPage }),
  createRoute({ getParentRoute: () => staffRoute, path: "/outbox", component: OutboxPage }),
] as const;

const routeTree = rootRoute.addChildren([signInRoute, staffRoute.addChildren(staffPages)]);

function RouteErrorScreen(props: ErrorComponentProps) {
  const router = useRouter();
  return <RouteError {...routeErrorProps(router, props)} />;
}

/** A router over the console's routes; tests pass a memory history. */
export function createAppRouter({ history }: { history?: RouterHistory } = {}) {
  return createRouter({
    routeTree,
    history,
    // Served under /admin/ (see vite.config.ts `base`).
    basepath: "/admin",
    defaultErrorComponent: RouteErrorScreen,
    scrollRestoration: true,
  });
}

export const router = trackPageViews(createAppRouter());

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
