import { AuthLayout } from "@omnify/ui";
import { getRouteApi, Link } from "@tanstack/react-router";
import { textLinkClassName } from "../components/text-link.ts";
import { ForgotPasswordForm } from "../features/auth/forgot-password-form.tsx";

const route = getRouteApi("/forgot-password");

export function ForgotPasswordPage() {
  const { email } = route.useSearch();
  return (
    <>
      <title>Reset your password · Omnify</title>
      <AuthLayout
        title="Reset your password"
        description="Enter the email address of your account and we will send you a link to choose a new password."
        footer={
          <p>
            Remembered it?{" "}
            <Link to="/sign-in" search={{ email }} className={textLinkClassName}>
              Sign in
            </Link>
          </p>
        }
      >
        <ForgotPasswordForm defaultEmail={email} />
      </AuthLayout>
    </>
  );
}
