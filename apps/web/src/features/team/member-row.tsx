import { useTRPC } from "@omnify/client";
import { StatusBadge } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import type { Member, Shop, ShopRole } from "../../api-types.ts";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { formatDate } from "../../components/format-date.ts";
import { allRoles, invitableRoles, personaLabels, roleLabels } from "../shops/labels.ts";
import { can } from "../shops/use-current-shop.ts";
import { MemberAccessForm } from "./member-access-form.tsx";
import { useRefreshTeam } from "./use-refresh-team.ts";

/**
 * What the viewer may do to this member. The server enforces the same rules; these only
 * decide which controls to show: managers manage, but only owners touch owners.
 */
function abilities(shop: Shop, member: Member) {
  const manages = can(shop, "team.manage") && (shop.role === "owner" || member.role !== "owner");
  const roleChoices: readonly ShopRole[] = !manages ? [] : shop.role === "owner" ? allRoles : invitableRoles;
  return {
    roleChoices,
    canEditPersona: member.isYou || can(shop, "team.manage"),
    canRemove: manages && !member.isYou,
    canTransfer: can(shop, "shop.transfer") && !member.isYou && member.role !== "owner",
  };
}

export function MemberRow({ shop, member }: { shop: Shop; member: Member }) {
  const trpc = useTRPC();
  const refreshTeam = useRefreshTeam(shop.id);
  const remove = useMutation(trpc.team.removeMember.mutationOptions());
  const transfer = useMutation(trpc.team.transferOwnership.mutationOptions());
  const { roleChoices, canEditPersona, canRemove, canTransfer } = abilities(shop, member);

  return (
    <li
      data-testid="member-row"
      data-email={member.email}
      data-role={member.role}
      className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 md:flex-row md:items-start md:justify-between"
    >
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
          <span className="wrap-anywhere">{member.name}</span>
          {member.isYou ? <StatusBadge tone="neutral">You</StatusBadge> : null}
        </p>
        <p className="text-sm text-slate-600 wrap-anywhere">{member.email}</p>
        <p className="text-xs text-slate-500">Joined {formatDate(member.joinedAt)}</p>
      </div>
      <div className="flex flex-col gap-2 md:items-end">
        {roleChoices.length > 0 || canEditPersona ? (
          <MemberAccessForm
            shopId={shop.id}
            shopName={shop.name}
            member={member}
            roleChoices={roleChoices}
            canEditPersona={canEditPersona}
          />
        ) : (
          <dl className="flex gap-6 text-sm">
            <div>
              <dt className="text-xs font-medium text-slate-600">Role</dt>
              <dd className="text-slate-900">{roleLabels[member.role]}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium text-slate-600">Persona</dt>
              <dd className="text-slate-900">{personaLabels[member.persona]}</dd>
            </div>
          </dl>
        )}
        {canTransfer || canRemove ? (
          <div className="flex flex-wrap gap-2">
            {canTransfer ? (
              <ConfirmButton
                title={`Transfer ownership to ${member.name}?`}
                description={`${member.name} becomes the owner of ${shop.name}, and you become an admin. Only an owner can make you owner again.`}
                confirmLabel="Transfer ownership"
                pendingLabel="Transferring…"
                action={async () => {
                  await transfer.mutateAsync({ shopId: shop.id, memberId: member.id });
                  await refreshTeam();
                }}
              >
                Transfer ownership<span className="sr-only"> to {member.name}</span>
              </ConfirmButton>
            ) : null}
            {canRemove ? (
              <ConfirmButton
                title={`Remove ${member.name}?`}
                description={`${member.name} (${member.email}) loses access to ${shop.name} at once. You can invite them again later.`}
                confirmLabel="Remove"
                pendingLabel="Removing…"
                action={async () => {
                  await remove.mutateAsync({ shopId: shop.id, memberId: member.id });
                  await refreshTeam();
                }}
              >
                Remove<span className="sr-only"> {member.name}</span>
              </ConfirmButton>
            ) : null}
          </div>
        ) : null}
      </div>
    </li>
  );
}
