import { describeError, useTRPC } from "@omnify/client";
import { Button, Card, EmptyState, ErrorState, RelativeTime, SkeletonLines, StatusBadge } from "@omnify/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { PendingInvitation, Shop } from "../../api-types.ts";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { personaLabels, roleLabels } from "../shops/labels.ts";
import { useRefreshTeam } from "./use-refresh-team.ts";

export function InvitationsCard({ shop }: { shop: Shop }) {
  const trpc = useTRPC();
  const invitations = useQuery(trpc.team.listInvitations.queryOptions({ shopId: shop.id }));

  return (
    <Card
      title="Pending invitations"
      description="Invitations work for 7 days. Sending a new one to the same address replaces the old link."
      busy={invitations.isPending}
    >
      {invitations.data ? (
        invitations.data.length === 0 ? (
          <EmptyState
            title="No pending invitations"
            description="Invitations you send appear here until they are answered."
          />
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100">
            {invitations.data.map((invitation) => (
              <InvitationRow key={invitation.id} shop={shop} invitation={invitation} />
            ))}
          </ul>
        )
      ) : invitations.isError ? (
        <ErrorState
          title="The invitations could not be loaded"
          message={describeError(invitations.error)}
          onRetry={() => void invitations.refetch()}
        />
      ) : (
        <SkeletonLines className="space-y-3" sizes={["h-10 w-full", "h-10 w-full"]} />
      )}
    </Card>
  );
}

function InvitationRow({ shop, invitation }: { shop: Shop; invitation: PendingInvitation }) {
  const trpc = useTRPC();
  const refreshTeam = useRefreshTeam(shop.id);
  const revoke = useMutation(trpc.team.revokeInvitation.mutationOptions());
  const resend = useMutation(trpc.team.invite.mutationOptions());
  const [resendError, setResendError] = useState<string | null>(null);
  const expired = invitation.status === "expired";

  return (
    <li
      data-testid="invitation-row"
      data-email={invitation.email}
      className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 md:flex-row md:items-center md:justify-between"
    >
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
          <span className="wrap-anywhere">{invitation.email}</span>
          {expired ? (
            <StatusBadge tone="warn">Expired</StatusBadge>
          ) : (
            <StatusBadge tone="neutral">Pending</StatusBadge>
          )}
        </p>
        <p className="text-sm text-slate-600">
          {roleLabels[invitation.role]} · {personaLabels[invitation.persona]} · invited by{" "}
          {invitation.invitedByName}
        </p>
        <p className="text-xs text-slate-500">
          {expired ? "Expired" : "Expires"} <RelativeTime date={invitation.expiresAt} />
        </p>
        {resendError ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {resendError}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        {expired ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={resend.isPending}
            onClick={async () => {
              setResendError(null);
              try {
                const { email, role, persona } = invitation;
                if (role === "owner") return; // Never invitable; the server lists none.
                await resend.mutateAsync({ shopId: shop.id, email, role, persona });
                await refreshTeam();
              } catch (error) {
                setResendError(describeError(error));
              }
            }}
          >
            {resend.isPending ? "Sending…" : "Send again"}
            <span className="sr-only"> to {invitation.email}</span>
          </Button>
        ) : null}
        <ConfirmButton
          title={`Revoke the invitation to ${invitation.email}?`}
          description="The link in their email stops working. You can invite them again later."
          confirmLabel="Revoke invitation"
          pendingLabel="Revoking…"
          action={async () => {
            await revoke.mutateAsync({ shopId: shop.id, invitationId: invitation.id });
            await refreshTeam();
          }}
        >
          Revoke<span className="sr-only"> the invitation to {invitation.email}</span>
        </ConfirmButton>
      </div>
    </li>
  );
}
