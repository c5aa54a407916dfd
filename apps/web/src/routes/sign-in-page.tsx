import { AuthLayout } from "@omnify/ui";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { textLinkClassName } from "../components/text-link.ts";
import { SignInForm } from "../features/auth/sign-in-form.tsx";
import { safeRedirect } from "../session/safe-redirect.ts";
import { useSessionChanged } from "../session/session-actions.ts";

const route = getRouteApi("/sign-in");

export function SignInPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const sessionStarted = useSessionChanged();
  const redirectTo = safeRedirect(search.redirect);

  return (
    <>
      <title>Sign in · Omnify</title>
      <AuthLayout
        title="Sign in"
        description="Welcome back to Omnify."
        footer={
          <p>
            New to Omnify?{" "}
            <Link
              to="/sign-up"
              search={{ email: search.email, redirect: redirectTo }}
              className={textLinkClassName}
            >
              Create an account
            </Link>
          </p>
        }
      >
        <SignInForm
          defaultEmail={search.email}
          onSignedIn={async () => {
            await sessionStarted();
            await navigate({ href: redirectTo ?? "/" });
          }}
        />
      </AuthLayout>
    </>
  );
}
