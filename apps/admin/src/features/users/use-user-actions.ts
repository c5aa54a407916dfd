import { describeError, useTRPC } from "@omnify/client";
import { formatNumber } from "@omnify/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { StaffUserRow } from "../../components/types.ts";

/** What the last action did, for the page to announce. */
export interface ActionOutcome {
  tone: "success" | "error";
  message: string;
}

/**
 * Ban, unban and revoke sessions. Each settles by refetching the users (their status and
 * session counts changed) and the audit log (each action is recorded there).
 */
export function useUserActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.admin.listUsers.pathFilter()),
      queryClient.invalidateQueries(trpc.admin.listAuditEvents.pathFilter()),
    ]);
  const setBanned = useMutation(trpc.admin.setUserBanned.mutationOptions({ onSettled: refresh }));
  const revokeSessions = useMutation(trpc.admin.revokeUserSessions.mutationOptions({ onSettled: refresh }));

  const failed = (what: string) => (error: unknown) =>
    setOutcome({ tone: "error", message: `Could not ${what}. ${describeError(error)}` });

  return {
    outcome,
    /** The user whose action is in flight: their buttons are disabled meanwhile. */
    busyUserId: setBanned.isPending
      ? setBanned.variables?.userId
      : revokeSessions.isPending
        ? revokeSessions.variables?.userId
        : undefined,

    /** Rejects with the server's error, for the ban dialog to show next to its field. */
    async ban(user: StaffUserRow, reason: string | undefined) {
      setOutcome(null);
      await setBanned.mutateAsync({ userId: user.id, banned: true, ...(reason ? { reason } : {}) });
      setOutcome({ tone: "success", message: `${user.email} is banned and was signed out everywhere.` });
    },

    unban(user: StaffUserRow) {
      setOutcome(null);
      setBanned.mutate(
        { userId: user.id, banned: false },
        {
          onSuccess: () => setOutcome({ tone: "success", message: `Lifted the ban on ${user.email}.` }),
          onError: failed(`lift the ban on ${user.email}`),
        },
      );
    },

    revokeSessions(user: StaffUserRow) {
      setOutcome(null);
      revokeSessions.mutate(
        { userId: user.id },
        {
          onSuccess: ({ revoked }) =>
            setOutcome({
              tone: "success",
              message:
                revoked === 0
                  ? `${user.email} had no sessions to revoke.`
                  : `Revoked ${formatNumber(revoked)} ${revoked === 1 ? "session" : "sessions"} of ${user.email}: they are signed out everywhere.`,
            }),
          onError: failed(`revoke the sessions of ${user.email}`),
        },
      );
    },
  };
}
