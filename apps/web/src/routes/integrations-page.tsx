import { PageHeader } from "@omnify/ui";
import { getRouteApi } from "@tanstack/react-router";
import { IntegrationList } from "../features/integrations/integration-list.tsx";
import { can, useCurrentShop } from "../features/shops/use-current-shop.ts";
import { SyncHistory } from "../features/sync/sync-history.tsx";

const route = getRouteApi("/shops/$shopId/integrations");

export function IntegrationsPage() {
  const shop = useCurrentShop();
  const { connected, choose } = route.useSearch();
  const navigate = route.useNavigate();
  // The address carries the connect flow's outcome until the owner is done with it, then
  // forgets it (replacing the history entry), so that a reload does not announce it again.
  const forget = (keys: { connected?: true; choose?: true }) =>
    void navigate({
      search: (search) => ({
        connected: keys.connected ? undefined : search.connected,
        choose: keys.choose ? undefined : search.choose,
      }),
      replace: true,
    });

  return (
    <>
      <title>{`Integrations · ${shop.name} · Omnify`}</title>
      <PageHeader
        title="Integrations"
        description={
          can(shop, "integrations.manage")
            ? `Connect the ad platforms and the store that ${shop.name} sells through; Omnify brings in their data.`
            : "The platforms this shop brings data in from. Only owners and admins can connect or disconnect them."
        }
      />
      <IntegrationList
        shop={shop}
        connected={connected}
        choose={choose}
        onDismiss={() => forget({ connected: true })}
        onSettled={() => forget({ connected: true, choose: true })}
      />
      <div className="mt-10">
        <SyncHistory shopId={shop.id} />
      </div>
    </>
  );
}
