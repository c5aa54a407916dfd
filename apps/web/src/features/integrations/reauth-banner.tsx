import { useTRPC } from "@omnify/client";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { textLinkClassName } from "../../components/text-link.ts";

/**
 * On every page of a shop: the connections a platform stopped accepting. Nothing syncs from
 * them until someone reconnects, and the numbers elsewhere quietly go stale, so it is said
 * everywhere rather than only on the integrations page.
 */
export function ReauthBanner({ shopId }: { shopId: string }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.integrations.list.queryOptions({ shopId }));
  const troubled = (data ?? []).filter((card) => card.integration?.status === "needs_reauth");
  if (troubled.length === 0) return null;
  return (
    <aside
      aria-label="Integrations to reconnect"
      data-testid="reauth-banner"
      className="mb-6 flex flex-col gap-1 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <ul className="flex flex-col gap-1">
        {troubled.map((card) => (
          <li key={card.platform} data-platform={card.platform} className="wrap-anywhere">
            {card.name} needs reconnecting
            {card.integration?.lastError ? `: ${card.integration.lastError}` : "."}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/shops/$shopId/integrations" params={{ shopId }} className={textLinkClassName}>
          Go to Integrations
        </Link>{" "}
        to reconnect; syncing is paused until then.
      </p>
    </aside>
  );
}
