import { useTRPC } from "@omnify/client";
import { AuthLayout, buttonClassName, FormAlert } from "@omnify/ui";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";

const route = getRouteApi("/email-verified");

/** Where the emailed verification link lands (Better Auth adds `?error=` when it failed). */
export function EmailVerifiedPage() {
  const { error } = route.useSearch();
  const trpc = useTRPC();
  const user = useQuery(trpc.account.me.queryOptions()).data?.user;

  if (error) {
    return (
      <>
        <title>Verification link not valid · Omnify</title>
        <AuthLayout title="This link did not work" description="It may have expired or been used already.">
          <div className="flex flex-col gap-4">
            <FormAlert>We could not verify your email address with this link.</FormAlert>
            {user?.emailVerified ? (
              <Link to="/" className={buttonClassName()}>
                Your address is verified already: continue
              </Link>
            ) : user ? (
              <Link to="/verify-email" className={buttonClassName()}>
                Send a new link
              </Link>
            ) : (
              <Link to="/sign-in" className={buttonClassName()}>
                Sign in to get a new link
              </Link>
            )}
          </div>
        </AuthLayout>
      </>
    );
  }

  return (
    <>
      <title>Email verified · Omnify</title>
      <AuthLayout title="Email verified" description="Thanks, your email address is confirmed.">
        <div className="flex flex-col gap-4">
          <FormAlert tone="success">You are all set.</FormAlert>
          <Link to="/" className={buttonClassName()}>
            Continue
          </Link>
        </div>
      </AuthLayout>
    </>
  );
}
