import { describeError, useTRPC } from "@omnify/client";
import { buttonClassName, EmptyState, ErrorState, FormAlert, SkeletonLines } from "@omnify/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Platform, Shop } from "../../api-types.ts";
import { isSignedOut } from "../../components/query-errors.ts";
import { textLinkClassName } from "../../components/text-link.ts";
import { can } from "../shops/use-current-shop.ts";
import { IntegrationCard } from "./integration-card.tsx";

const gridClassName = "grid grid-cols-1 gap-6 lg:grid-cols-2";

export interface IntegrationListProps {
  shop: Shop;
  /** A connect flow that just succeeded, to announce. */
  connected: Platform | undefined;
  /** The connection whose accounts the owner is to choose. */
  choose: string | undefined;
  /** Hides the announcement. */
  onDismiss: () => void;
  /** The owner is done with the connect flow: the announcement and the prompt go. */
  onSettled: () => void;
}

/** One card per platform the server knows, in its order. */
export function IntegrationList({ shop, connected, choose, onDismiss, onSettled }: IntegrationListProps) {
  const trpc = useTRPC();
  const list = useQuery(trpc.integrations.list.queryOptions({ shopId: shop.id }));

  if (list.data) {
    const justConnected = list.data.find((card) => card.platform === connected);
    return (
      <div className="flex flex-col gap-6">
        {justConnected ? (
          <FormAlert tone="success">
            <span className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
              <span>{justConnected.name} is connected.</span>
              <button type="button" onClick={onDismiss} className={textLinkClassName}>
                Dismiss<span className="sr-only"> this message</span>
              </button>
            </span>
          </FormAlert>
        ) : null}
        <ul className={gridClassName}>
          {list.data.map((card) => (
            <IntegrationCard
              key={card.platform}
              shopId={shop.id}
              card={card}
              canManage={can(shop, "integrations.manage")}
              canSync={can(shop, "integrations.sync")}
              choosing={choose !== undefined && card.integration?.id === choose}
              onSettled={onSettled}
            />
          ))}
        </ul>
      </div>
    );
  }
  if (list.isError) {
    return isSignedOut(list.error) ? (
      <EmptyState
        title="Your session has ended."
        description="Sign in again to see this shop's integrations."
        action={
          <Link to="/sign-in" className={buttonClassName()}>
            Sign in
          </Link>
        }
      />
    ) : (
      <ErrorState
        title="The integrations could not be loaded"
        message={describeError(list.error)}
        onRetry={() => void list.refetch()}
      />
    );
  }
  return (
    <div aria-busy="true">
      <p role="status" className="sr-only">
        Loading the integrations…
      </p>
      <ul className={gridClassName}>
        {["meta", "google", "tiktok", "shopify"].map((key) => (
          <li key={key} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
            <SkeletonLines
              className="space-y-3"
              sizes={["h-5 w-32", "h-4 w-full", "h-4 w-2/3", "h-9 w-36"]}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
