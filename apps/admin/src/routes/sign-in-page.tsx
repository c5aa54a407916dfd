import { AuthLayout } from "@omnify/ui";
import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { redirectTarget } from "../auth/redirect-target.ts";
import { SignInForm } from "../auth/sign-in-form.tsx";
import { useViewer } from "../auth/viewer.ts";
import { ConsoleShell } from "../shell/console-shell.tsx";

const signInRoute = getRouteApi("/sign-in");

export function SignInPage() {
  const { redirect } = signInRoute.useSearch();
  const target = redirectTarget(redirect);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useViewer();
  // Once the form has signed in, it navigates by itself.
  const [signedIn, setSignedIn] = useState(false);

  async function onSignedIn() {
    setSignedIn(true);
    // Everything cached so far was fetched as someone else (or no one).
    await queryClient.invalidateQueries();
    await navigate({ href: target, replace: true });
  }

  // Already signed in as staff (e.g. a bookmark of this page): nothing to do here.
  const alreadyStaff = Boolean(me.data?.user?.isStaff) && !signedIn;
  useEffect(() => {
    if (alreadyStaff) void navigate({ href: target, replace: true });
  }, [alreadyStaff, navigate, target]);
  if (alreadyStaff) return null;

  return (
    <ConsoleShell>
      <title>Sign in · Omnify Control Room</title>
      <AuthLayout
        title="Sign in to the Control Room"
        description="For Omnify staff, with your Omnify account."
      >
        <SignInForm onSignedIn={onSignedIn} />
      </AuthLayout>
    </ConsoleShell>
  );
}
