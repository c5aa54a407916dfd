import { routeErrorProps } from "@omnify/client";
import { RouteError } from "@omnify/ui";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  type RouterHistory,
  redirect,
  useRouter,
} from "@tanstack/react-router";
import { trackRedactedPageViews } from "./page-views.ts";
import type { RouterContext } from "./router-context.ts";
import { AccountPage } from "./routes/account-page.tsx";
import { ConnectShopifyPage } from "./routes/connect-shopify-page.tsx";
import { EmailVerifiedPage } from "./routes/email-verified-page.tsx";
import { ForgotPasswordPage } from "./routes/forgot-password-page.tsx";
import { IntegrationsPage } from "./routes/integrations-page.tsx";
import { InvitationPage } from "./routes/invitation-page.tsx";
import { NewShopPage } from "./routes/new-shop-page.tsx";
import { NotFound } from "./routes/not-found.tsx";
import { ResetPasswordPage } from "./routes/reset-password-page.tsx";
import { RootLayout } from "./routes/root-layout.tsx";
import { ShopHomePage } from "./routes/shop-home-page.tsx";
import { ShopLayout } from "./routes/shop-layout.tsx";
import { ShopSettingsPage } from "./routes/shop-settings-page.tsx";
import { SignInPage } from "./routes/sign-in-page.tsx";
import { SignUpPage } from "./routes/sign-up-page.tsx";
import { TeamPage } from "./routes/team-page.tsx";
import { VerifyEmailPage } from "./routes/verify-email-page.tsx";
import { optionalString, parseAuthSearch, parseIntegrationsSearch } from "./search-params.ts";
import { leaveIfSignedIn, redirectFromHome, requireSession, requireVerified } from "./session/guards.ts";

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFound,
});

/** `/` only decides where to go: sign-in, verification, a first shop, or the last-used shop. */
const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: ({ context }) => redirectFromHome(context),
});

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-up",
  validateSearch: parseAuthSearch,
  beforeLoad: ({ context, search }) => leaveIfSignedIn(context, search.redirect),
  component: SignUpPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: parseAuthSearch,
  beforeLoad: ({ context, search }) => leaveIfSignedIn(context, search.redirect),
  component: SignInPage,
});

const verifyEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/verify-email",
  beforeLoad: async ({ context, location }) => {
    const user = await requireSession(context, location);
    if (user.emailVerified) throw redirect({ to: "/" });
  },
  component: VerifyEmailPage,
});

const emailVerifiedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/email-verified",
  validateSearch: (search: Record<string, unknown>): { error?: string } => ({
    error: optionalString(search.error),
  }),
  // The link just signed the user in and verified them: whatever the cache holds is stale.
  beforeLoad: ({ context }) =>
    context.queryClient.invalidateQueries({ queryKey: context.trpc.account.me.queryKey() }),
  component: EmailVerifiedPage,
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  validateSearch: (search: Record<string, unknown>): { email?: string } => ({
    email: optionalString(search.email),
  }),
  component: ForgotPasswordPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: (search: Record<string, unknown>): { token?: string; error?: string } => ({
    token: optionalString(search.token),
    error: optionalString(search.error),
  }),
  component: ResetPasswordPage,
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invitations/$token",
  component: InvitationPage,
});

const newShopRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/shops/new",
  beforeLoad: ({ context, location }) => requireVerified(context, location),
  component: NewShopPage,
});

const connectShopifyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/connect/shopify",
  validateSearch: (search: Record<string, unknown>): { shop?: string } => ({
    shop: optionalString(search.shop),
  }),
  beforeLoad: ({ context, location }) => requireVerified(context, location),
  component: ConnectShopifyPage,
});

/** Loads the shop once for its pages, and explains a shop that is missing or not yours. */
const shopRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/shops/$shopId",
  beforeLoad: ({ context, location }) => requireSession(context, location),
  component: ShopLayout,
});

const shopHomeRoute = createRoute({ getParentRoute: () => shopRoute, path: "/", component: ShopHomePage });
const teamRoute = createRoute({ getParentRoute: () => shopRoute, path: "/team", component: TeamPage });
const integrationsRoute = createRoute({
  getParentRoute: () => shopRoute,
  path: "/integrations",
  validateSearch: parseIntegrationsSearch,
  component: IntegrationsPage,
});
const shopSettingsRoute = createRoute({
  getParentRoute: () => shopRoute,
  path: "/settings",
  component: ShopSettingsPage,
});

const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/account",
  beforeLoad: ({ context, location }) => requireSession(context, location),
  component: AccountPage,
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  signUpRoute,
  signInRoute,
  verifyEmailRoute,
  emailVerifiedRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  invitationRoute,
  newShopRoute,
  connectShopifyRoute,
  shopRoute.addChildren([shopHomeRoute, teamRoute, integrationsRoute, shopSettingsRoute]),
  accountRoute,
]);

function RouteFailure(props: ErrorComponentProps) {
  const router = useRouter();
  return <RouteError {...routeErrorProps(router, props)} />;
}

export interface AppRouterOptions extends RouterContext {
  /** Tests pass a memory history; the app uses the browser's. */
  history?: RouterHistory;
}

export function createAppRouter({ queryClient, trpc, history }: AppRouterOptions) {
  return trackRedactedPageViews(
    createRouter({
      routeTree,
      context: { queryClient, trpc },
      history,
      defaultErrorComponent: RouteFailure,
      scrollRestoration: true,
    }),
  );
}

export type AppRouterInstance = ReturnType<typeof createAppRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: AppRouterInstance;
  }
}
