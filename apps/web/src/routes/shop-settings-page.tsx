import { Card, PageHeader } from "@omnify/ui";
import { formatDate } from "../components/format-date.ts";
import { currencyLabel } from "../features/shops/currency-name.ts";
import { Facts } from "../features/shops/shop-facts.tsx";
import { ShopSettingsForm } from "../features/shops/shop-settings-form.tsx";
import { can, useCurrentShop } from "../features/shops/use-current-shop.ts";

export function ShopSettingsPage() {
  const shop = useCurrentShop();
  const editable = can(shop, "shop.update");
  return (
    <>
      <title>{`Settings · ${shop.name} · Omnify`}</title>
      <PageHeader
        title="Settings"
        description={
          editable ? "How this shop is named and reported." : "Only owners and admins can change these."
        }
      />
      <div className="grid gap-6">
        <Card title="Shop details">
          {editable ? (
            <ShopSettingsForm shop={shop} />
          ) : (
            <Facts
              items={[
                { label: "Shop name", value: shop.name },
                { label: "Currency", value: currencyLabel(shop.currency) },
                { label: "Time zone", value: shop.timeZone },
                { label: "Created", value: formatDate(shop.createdAt) },
              ]}
            />
          )}
        </Card>
      </div>
    </>
  );
}
