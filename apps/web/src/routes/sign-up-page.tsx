import { AuthLayout } from "@omnify/ui";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { textLinkClassName } from "../components/text-link.ts";
import { SignUpForm } from "../features/auth/sign-up-form.tsx";
import { safeRedirect } from "../session/safe-redirect.ts";
import { useSessionChanged } from "../session/session-actions.ts";

const route = getRouteApi("/sign-up");

export function SignUpPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const sessionStarted = useSessionChanged();
  const redirectTo = safeRedirect(search.redirect);

  return (
    <>
      <title>Create your account · Omnify</title>
      <AuthLayout
        title="Create your account"
        description="Set up Omnify for your shop in a couple of minutes."
        footer={
          <p>
            Already have an account?{" "}
            <Link
              to="/sign-in"
              search={{ email: search.email, redirect: redirectTo }}
              className={textLinkClassName}
            >
              Sign in
            </Link>
          </p>
        }
      >
        <SignUpForm
          defaultEmail={search.email}
          onSignedUp={async () => {
            await sessionStarted();
            // An invitation brings the newcomer back to answer it (accepting verifies the
            // address); everyone else confirms their address first.
            if (redirectTo) await navigate({ href: redirectTo });
            else await navigate({ to: "/verify-email" });
          }}
        />
      </AuthLayout>
    </>
  );
}
