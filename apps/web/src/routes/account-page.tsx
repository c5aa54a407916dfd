import { useTRPC } from "@omnify/client";
import { Card, PageHeader, StatusBadge } from "@omnify/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { SignOutButton } from "../components/sign-out-button.tsx";
import { textLinkClassName } from "../components/text-link.ts";
import { ChangePasswordForm } from "../features/account/change-password-form.tsx";
import { ProfileForm } from "../features/account/profile-form.tsx";
import { SessionsCard } from "../features/account/sessions-card.tsx";

export function AccountPage() {
  const trpc = useTRPC();
  // The route's guard loaded it; a missing user means a sign-out is on its way.
  const user = useQuery(trpc.account.me.queryOptions()).data?.user;
  if (!user) return null;

  return (
    <>
      <title>Account · Omnify</title>
      <PageHeader
        title="Your account"
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span className="wrap-anywhere">{user.email}</span>
            {user.emailVerified ? (
              <StatusBadge tone="ok">Verified</StatusBadge>
            ) : (
              <>
                <StatusBadge tone="warn">Not verified</StatusBadge>
                <Link to="/verify-email" className={textLinkClassName}>
                  Verify your address
                </Link>
              </>
            )}
          </span>
        }
        actions={<SignOutButton variant="secondary" />}
      />
      <div className="grid gap-6">
        <Card title="Profile">
          <ProfileForm user={user} />
        </Card>
        <Card title="Password">
          <ChangePasswordForm />
        </Card>
        <SessionsCard />
      </div>
    </>
  );
}
