import { Card, PageHeader } from "@omnify/ui";
import { can, useCurrentShop } from "../features/shops/use-current-shop.ts";
import { InvitationsCard } from "../features/team/invitations-card.tsx";
import { InviteForm } from "../features/team/invite-form.tsx";
import { LeaveShopCard } from "../features/team/leave-shop-card.tsx";
import { MembersCard } from "../features/team/members-card.tsx";

export function TeamPage() {
  const shop = useCurrentShop();
  const mayInvite = can(shop, "team.invite");
  return (
    <>
      <title>{`Team · ${shop.name} · Omnify`}</title>
      <PageHeader title="Team" description={`Who can see and work on ${shop.name}.`} />
      <div className="grid gap-6">
        <MembersCard shop={shop} />
        {mayInvite ? (
          <>
            <Card title="Invite a teammate" description="They get an email with a link to join this shop.">
              <InviteForm shopId={shop.id} />
            </Card>
            <InvitationsCard shop={shop} />
          </>
        ) : null}
        <LeaveShopCard shop={shop} />
      </div>
    </>
  );
}
