import { authClient } from "@omnify/client";
import { Button, Card, ErrorState, FormAlert, RelativeTime, SkeletonLines, StatusBadge } from "@omnify/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { describeFailure, unwrapAuth } from "../../forms/auth-call.ts";
import { currentSessionQuery, sessionsQuery, sessionsQueryKey } from "./sessions-queries.ts";
import { describeUserAgent } from "./user-agent.ts";

export function SessionsCard() {
  const queryClient = useQueryClient();
  const sessions = useQuery(sessionsQuery);
  const current = useQuery(currentSessionQuery);
  const currentId = current.data?.session.id;
  const refresh = () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey });

  const revoke = useMutation({
    mutationFn: (token: string) => unwrapAuth(authClient.revokeSession({ token })),
    onSettled: refresh,
  });
  const revokeOthers = useMutation({
    mutationFn: () => unwrapAuth(authClient.revokeOtherSessions()),
    onSettled: refresh,
  });

  // Newest first, this device on top.
  const list = [...(sessions.data ?? [])].sort(
    (a, b) =>
      Number(b.id === currentId) - Number(a.id === currentId) ||
      +new Date(b.createdAt) - +new Date(a.createdAt),
  );
  const others = list.filter((session) => session.id !== currentId);
  const failure = revoke.error ?? revokeOthers.error;

  return (
    <Card
      title="Where you are signed in"
      description="Sign out a device you do not recognise, or that you no longer use."
      busy={sessions.isPending}
      actions={
        others.length > 0 ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={revokeOthers.isPending}
            onClick={() => revokeOthers.mutate()}
          >
            {revokeOthers.isPending ? "Signing out…" : "Sign out everywhere else"}
          </Button>
        ) : undefined
      }
    >
      {failure ? (
        <div className="mb-4">
          <FormAlert>{describeFailure(failure)}</FormAlert>
        </div>
      ) : null}
      {sessions.data ? (
        <ul className="flex flex-col divide-y divide-slate-100">
          {list.map((session) => {
            const isThisDevice = session.id === currentId;
            return (
              <li
                key={session.id}
                data-testid="session-row"
                data-current={isThisDevice}
                className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0"
              >
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                    <span title={session.userAgent ?? undefined}>{describeUserAgent(session.userAgent)}</span>
                    {isThisDevice ? <StatusBadge tone="ok">This device</StatusBadge> : null}
                  </p>
                  <p className="text-sm text-slate-600">
                    {session.ipAddress ? `${session.ipAddress} · ` : null}signed in{" "}
                    <RelativeTime date={new Date(session.createdAt)} pastOnly />
                  </p>
                </div>
                {isThisDevice ? null : (
                  <Button
                    variant="secondary"
                    size="sm"
                    disabled={revoke.isPending && revoke.variables === session.token}
                    onClick={() => revoke.mutate(session.token)}
                  >
                    Sign out<span className="sr-only"> {describeUserAgent(session.userAgent)} session</span>
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      ) : sessions.isError ? (
        <ErrorState
          title="Your sessions could not be loaded"
          message={describeFailure(sessions.error)}
          onRetry={() => void sessions.refetch()}
        />
      ) : (
        <SkeletonLines className="space-y-3" sizes={["h-10 w-full", "h-10 w-full"]} />
      )}
    </Card>
  );
}
