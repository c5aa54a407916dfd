import { useTRPC } from "@omnify/client";
import { Card, PageHeader } from "@omnify/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { CreateShopForm } from "../features/shops/create-shop-form.tsx";
import { rememberLastShop } from "../session/last-shop.ts";

export function NewShopPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const isFirst = useQuery(trpc.shops.listMine.queryOptions()).data?.length === 0;

  return (
    <>
      <title>Create a shop · Omnify</title>
      <PageHeader
        title={isFirst ? "Create your first shop" : "Create a shop"}
        description="You will be its owner, and can invite your team next."
      />
      <div className="max-w-xl">
        <Card title="Shop details">
          <CreateShopForm
            onCreated={async (shop) => {
              rememberLastShop(shop.id);
              await queryClient.invalidateQueries({ queryKey: trpc.shops.listMine.queryKey() });
              await navigate({ to: "/shops/$shopId", params: { shopId: shop.id } });
            }}
          />
        </Card>
      </div>
    </>
  );
}
