import { Button, Spinner } from "@omnify/ui";
import { useSignOut } from "../auth/use-sign-out.ts";

/** The signed-in account's email and the way out. */
export function AccountMenu({ email }: { email: string }) {
  const { signOut, pending, error } = useSignOut();
  return (
    <>
      <p className="min-w-0 truncate text-sm text-slate-600" title={email}>
        <span className="sr-only">Signed in as </span>
        <span data-testid="signed-in-email">{email}</span>
      </p>
      <Button variant="secondary" size="sm" disabled={pending} onClick={() => void signOut()}>
        {pending ? <Spinner label="Signing out" /> : null}
        Sign out
      </Button>
      {error ? (
        <p role="alert" className="w-full text-right text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}
