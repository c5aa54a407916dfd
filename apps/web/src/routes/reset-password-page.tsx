import { buttonClassName, FormAlert } from "@omnify/ui";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { AuthPage } from "../components/auth-page.tsx";
import { ResetPasswordForm } from "../features/auth/reset-password-form.tsx";
import { useSessionChanged } from "../session/session-actions.ts";

const route = getRouteApi("/reset-password");

/** Where the emailed reset link lands: `?token=…`, or `?error=INVALID_TOKEN` from Better Auth. */
export function ResetPasswordPage() {
  const { token, error } = route.useSearch();
  const [done, setDone] = useState(false);
  // Resetting signs the account out everywhere: forget any session this tab knew.
  const forgetSession = useSessionChanged();

  if (done) {
    return (
      <AuthPage title="Password changed" description="Sign in with your new password.">
        <div className="flex flex-col gap-4">
          <FormAlert tone="success">Your password was changed, and every device was signed out.</FormAlert>
          <Link to="/sign-in" className={buttonClassName()}>
            Sign in
          </Link>
        </div>
      </AuthPage>
    );
  }

  if (error || !token) {
    return (
      <AuthPage title="This link did not work" description="Reset links work once, for one hour.">
        <div className="flex flex-col gap-4">
          <FormAlert>This password reset link is invalid or has expired.</FormAlert>
          <Link to="/forgot-password" className={buttonClassName()}>
            Ask for a new link
          </Link>
        </div>
      </AuthPage>
    );
  }

  return (
    <AuthPage title="Choose a new password">
      <ResetPasswordForm
        token={token}
        onReset={async () => {
          await forgetSession();
          setDone(true);
        }}
      />
    </AuthPage>
  );
}
