import { useTRPC } from "@omnify/client";
import { Button, Card, EmptyState, Field, FormAlert, PageHeader, Select } from "@omnify/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useConnect } from "../features/integrations/use-connect.ts";

/** Roles that may connect integrations (the server checks again). */
const canConnect = new Set(["owner", "admin"]);

/**
 * Where Shopify's admin sends a merchant who installs Omnify there (after the
 * API verified Shopify's signature): pick the Omnify shop to connect the store
 * to, then the usual consent flow runs.
 */
export function ConnectShopifyPage() {
  const { shop: shopDomain } = useSearch({ from: "/connect/shopify" });
  const trpc = useTRPC();
  const shops = useQuery(trpc.shops.listMine.queryOptions());
  const manageable = (shops.data ?? []).filter((shop) => canConnect.has(shop.role));
  const [shopId, setShopId] = useState<string | undefined>();
  const chosen = shopId ?? manageable[0]?.id ?? "";
  const connect = useConnect(chosen, "shopify");
  const [error, setError] = useState<string | null>(null);

  return (
    <>
      <title>Connect Shopify · Omnify</title>
      <PageHeader
        title="Connect your Shopify store"
        description={shopDomain ?? "No store address was given."}
      />
      <div className="max-w-xl">
        {!shopDomain ? (
          <FormAlert>
            Open this page from Shopify's admin, or connect from a shop's Integrations page.
          </FormAlert>
        ) : shops.isPending ? null : manageable.length === 0 ? (
          <EmptyState
            title="No shop you can connect it to"
            description="Only owners and admins can connect a store. Create a shop of your own first."
            action={<Link to="/shops/new">Create a shop</Link>}
          />
        ) : (
          <Card title="Which Omnify shop is this store?">
            <form
              className="flex flex-col gap-4"
              onSubmit={(event) => {
                event.preventDefault();
                setError(null);
                connect.start(shopDomain).catch((cause: Error) => setError(cause.message));
              }}
            >
              <Field label="Omnify shop">
                {(control) => (
                  <Select {...control} value={chosen} onChange={(event) => setShopId(event.target.value)}>
                    {manageable.map((shop) => (
                      <option key={shop.id} value={shop.id}>
                        {shop.name}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              {error ? <FormAlert>{error}</FormAlert> : null}
              <Button type="submit" disabled={connect.pending}>
                {connect.pending ? "Opening Shopify…" : `Connect ${shopDomain}`}
              </Button>
            </form>
          </Card>
        )}
      </div>
    </>
  );
}
