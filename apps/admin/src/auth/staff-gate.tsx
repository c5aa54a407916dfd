import { describeError } from "@omnify/client";
import { ErrorState, Spinner } from "@omnify/ui";
import type { ReactNode } from "react";
import { ConsoleShell } from "../shell/console-shell.tsx";
import { SendToSignIn } from "./send-to-sign-in.tsx";
import { StaffOnlyNotice } from "./staff-only-notice.tsx";
import { useRecheckSessionOnAuthErrors } from "./use-recheck-session.ts";
import { useViewer, type Viewer } from "./viewer.ts";

/**
 * Renders `children` only for a signed-in staff user. Console pages mount (and so request
 * staff data) only past this point: the signed-out are sent to sign-in with the way back, and
 * other users get the staff-only notice.
 */
export function StaffGate({ children }: { children: (viewer: Viewer) => ReactNode }) {
  const me = useViewer();
  useRecheckSessionOnAuthErrors();

  if (me.data) {
    const { user } = me.data;
    if (!user) return <SendToSignIn />;
    if (!user.isStaff) {
      // No account menu in the header: the notice names the account and has the sign-out button.
      return (
        <ConsoleShell>
          <StaffOnlyNotice email={user.email} />
        </ConsoleShell>
      );
    }
    return children(user);
  }

  return (
    <ConsoleShell>
      {me.isError ? (
        <ErrorState
          title="Could not check your session"
          message={describeError(me.error)}
          onRetry={() => void me.refetch()}
        />
      ) : (
        <div className="flex items-center gap-2 text-sm text-slate-600">
          <Spinner label="Checking your session" />
          <span aria-hidden="true">Checking your session…</span>
        </div>
      )}
    </ConsoleShell>
  );
}
