import { buttonClassName, Card, PageHeader } from "@omnify/ui";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { currencyLabel } from "../features/shops/currency-name.ts";
import { personaLabels, roleLabels } from "../features/shops/labels.ts";
import { Facts } from "../features/shops/shop-facts.tsx";
import { can, useCurrentShop } from "../features/shops/use-current-shop.ts";

/** The shop's home until the dashboard arrives: what it is, and what to do next. */
export function ShopHomePage() {
  const shop = useCurrentShop();
  const shopId = shop.id;
  return (
    <>
      <title>{`${shop.name} · Omnify`}</title>
      <PageHeader
        title={shop.name}
        description={`You are ${article(roleLabels[shop.role])} ${roleLabels[shop.role].toLowerCase()} of this shop.`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Shop details">
          <Facts
            items={[
              { label: "Currency", value: currencyLabel(shop.currency) },
              { label: "Time zone", value: shop.timeZone },
              { label: "Your role", value: roleLabels[shop.role] },
              { label: "Your persona", value: personaLabels[shop.persona] },
            ]}
          />
        </Card>
        <Card title="What's next">
          <ol className="flex flex-col divide-y divide-slate-100">
            <NextStep
              title="Connect your ad accounts"
              description="Bring in spend and results from your ad platforms to see what pays off."
              action={
                <Link
                  to="/shops/$shopId/integrations"
                  params={{ shopId }}
                  className={buttonClassName({ variant: "secondary", size: "sm" })}
                >
                  {can(shop, "integrations.manage") ? "Connect accounts" : "See what is connected"}
                </Link>
              }
            />
            {can(shop, "team.invite") ? (
              <NextStep
                title="Invite your team"
                description="Give marketers and media buyers their own access."
                action={
                  <Link
                    to="/shops/$shopId/team"
                    params={{ shopId }}
                    className={buttonClassName({ variant: "secondary", size: "sm" })}
                  >
                    Invite people
                  </Link>
                }
              />
            ) : null}
            <NextStep
              title="Check the shop's details"
              description="Reports use the shop's currency and time zone."
              action={
                <Link
                  to="/shops/$shopId/settings"
                  params={{ shopId }}
                  className={buttonClassName({ variant: "secondary", size: "sm" })}
                >
                  Review details
                </Link>
              }
            />
          </ol>
        </Card>
      </div>
    </>
  );
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

function NextStep({ title, description, action }: { title: string; description: string; action: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0">
      <div className="min-w-0 flex-1 basis-56">
        <p className="text-sm font-medium text-slate-900">{title}</p>
        <p className="text-sm text-slate-600">{description}</p>
      </div>
      <div className="shrink-0">{action}</div>
    </li>
  );
}
