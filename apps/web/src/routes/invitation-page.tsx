import { describeError, useTRPC } from "@omnify/client";
import { buttonClassName, ErrorState, FormAlert, SkeletonLines } from "@omnify/ui";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { InvitationPreview, Me } from "../api-types.ts";
import { AuthPage } from "../components/auth-page.tsx";
import { isMissing } from "../components/query-errors.ts";
import { SignOutButton } from "../components/sign-out-button.tsx";
import { AnswerInvitation } from "../features/invitations/answer-invitation.tsx";
import { roleLabels } from "../features/shops/labels.ts";

const route = getRouteApi("/invitations/$token");

/** Where an invitation email's link lands; the token in the address is the credential. */
export function InvitationPage() {
  const { token } = route.useParams();
  const trpc = useTRPC();
  const preview = useQuery(trpc.invitations.preview.queryOptions({ token }));
  const me = useQuery(trpc.account.me.queryOptions());

  if (preview.isError) {
    return isMissing(preview.error) ? (
      <AuthPage title="Invitation not found" description="This invitation link is not valid.">
        <p className="text-sm text-slate-700">
          Check that you opened the whole link from the email, or ask for a new invitation.
        </p>
      </AuthPage>
    ) : (
      <AuthPage title="Invitation">
        <ErrorState message={describeError(preview.error)} onRetry={() => void preview.refetch()} />
      </AuthPage>
    );
  }
  if (!preview.data || !me.data) {
    return (
      <AuthPage title="Invitation">
        <div aria-busy="true">
          <p role="status" className="sr-only">
            Loading the invitation…
          </p>
          <SkeletonLines className="space-y-2" sizes={["h-4 w-full", "h-4 w-2/3", "h-9 w-40"]} />
        </div>
      </AuthPage>
    );
  }
  return <InvitationState token={token} invitation={preview.data} user={me.data.user} />;
}

function InvitationState({
  token,
  invitation,
  user,
}: {
  token: string;
  invitation: InvitationPreview;
  user: Me | null;
}) {
  const { shopName, invitedByName, email, status } = invitation;
  const role = roleLabels[invitation.role].toLowerCase();
  const summary = `${invitedByName} invited ${email} to join ${shopName} as ${/^[aeiou]/.test(role) ? "an" : "a"} ${role}.`;
  const here = `/invitations/${token}`;

  if (status !== "pending") {
    return (
      <AuthPage title={`Invitation to ${shopName}`} description={summary}>
        <div className="flex flex-col gap-4">
          <FormAlert tone="info">{explainStatus(status, invitedByName)}</FormAlert>
          {user ? (
            <Link to="/" className={buttonClassName({ variant: "secondary" })}>
              Go to your shops
            </Link>
          ) : null}
        </div>
      </AuthPage>
    );
  }

  if (!user) {
    return (
      <AuthPage title={`Join ${shopName}`} description={summary}>
        <div className="flex flex-col gap-4">
          <p className="text-sm text-slate-700">
            To accept, create an account with {email}, or sign in if you already have one.
          </p>
          <div className="flex flex-wrap gap-2">
            <Link to="/sign-up" search={{ email, redirect: here }} className={buttonClassName()}>
              Create an account
            </Link>
            <Link
              to="/sign-in"
              search={{ email, redirect: here }}
              className={buttonClassName({ variant: "secondary" })}
            >
              Sign in
            </Link>
          </div>
        </div>
      </AuthPage>
    );
  }

  if (user.email.toLowerCase() !== email.toLowerCase()) {
    return (
      <AuthPage title={`Join ${shopName}`} description={summary}>
        <div className="flex flex-col gap-4">
          <FormAlert tone="info">
            You are signed in as {user.email}, but this invitation is for {email}. Sign out, then sign in or
            create an account with {email} to accept it.
          </FormAlert>
          <div>
            <SignOutButton variant="secondary" email={email} redirect={here} />
          </div>
        </div>
      </AuthPage>
    );
  }

  return (
    <AuthPage title={`Join ${shopName}`} description={summary}>
      <AnswerInvitation token={token} shopName={shopName} />
    </AuthPage>
  );
}

/**
 * Why an invitation that is no longer pending cannot be answered. The API types the status as
 * a plain string (expired, accepted, declined, revoked today), so anything new reads sensibly too.
 */
function explainStatus(status: string, inviter: string): string {
  switch (status) {
    case "expired":
      return `This invitation has expired. Ask ${inviter} to send you a new one.`;
    case "accepted":
      return "This invitation has been accepted already.";
    case "declined":
      return "This invitation was declined. To join, ask for a new invitation.";
    case "revoked":
      return `This invitation was withdrawn. Ask ${inviter} for a new one if you still need access.`;
    default:
      return `This invitation can no longer be answered. Ask ${inviter} for a new one.`;
  }
}
