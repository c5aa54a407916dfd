import { Button, Card, FormAlert, Spinner } from "@omnify/ui";
import { useSignOut } from "./use-sign-out.ts";

/** What a signed-in user without the staff role sees instead of any console page. */
export function StaffOnlyNotice({ email }: { email: string }) {
  const { signOut, pending, error } = useSignOut();
  return (
    <div className="mx-auto max-w-lg">
      <title>Staff only · Omnify Control Room</title>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">This console is for Omnify staff</h1>
      <Card title="Your account has no staff access">
        <div className="space-y-4 text-sm text-slate-700">
          <p>
            You are signed in as <strong className="break-all">{email}</strong>, which is not a staff account.
            Sign out, then sign in with your staff account.
          </p>
          <p>
            Looking for your shops? They are in the{" "}
            <a href="/" className="font-medium text-indigo-700 underline hover:text-indigo-600">
              Omnify app
            </a>
            .
          </p>
          {error ? <FormAlert>{error}</FormAlert> : null}
          <Button disabled={pending} onClick={() => void signOut()}>
            {pending ? <Spinner label="Signing out" /> : null}
            Sign out
          </Button>
        </div>
      </Card>
    </div>
  );
}
