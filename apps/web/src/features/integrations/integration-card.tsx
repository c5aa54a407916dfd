import { Card, cx, FormAlert, StatusBadge } from "@omnify/ui";
import { useEffect, useRef, useState } from "react";
import type { IntegrationCard as CardData, Integration, Revocation } from "../../api-types.ts";
import { SyncPanel } from "../sync/sync-panel.tsx";
import { AccountList } from "./account-list.tsx";
import { AccountPicker } from "./account-picker.tsx";
import { ConnectButton } from "./connect-button.tsx";
import { ConnectionSummary } from "./connection-summary.tsx";
import { DisconnectButton } from "./disconnect-button.tsx";
import {
  cardStatus,
  disconnectedMessage,
  hasAccountChoice,
  platformDescriptions,
  statusBadge,
} from "./labels.ts";
import { ShopifyConnectForm } from "./shopify-connect-form.tsx";

export interface IntegrationCardProps {
  shopId: string;
  card: CardData;
  /** May connect, reconnect, choose accounts and disconnect (`integrations.manage`). */
  canManage: boolean;
  /** May ask for a sync now (`integrations.sync`). */
  canSync: boolean;
  /** The connect flow sent the owner here to choose this connection's accounts. */
  choosing: boolean;
  /** The owner is done with the connect flow that brought them here: accounts saved, or disconnected. */
  onSettled: () => void;
}

/** One platform: its status, what the connection is, and what the viewer may do about it. */
export function IntegrationCard({
  shopId,
  card,
  canManage,
  canSync,
  choosing,
  onSettled,
}: IntegrationCardProps) {
  const item = useRef<HTMLLIElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { integration } = card;
  const badge = statusBadge(card);

  useEffect(() => {
    if (choosing) item.current?.scrollIntoView?.({ block: "start" });
  }, [choosing]);

  return (
    <li
      ref={item}
      data-testid="integration-card"
      data-platform={card.platform}
      data-status={cardStatus(card)}
      data-choosing={choosing || undefined}
      className={cx("min-w-0 rounded-lg", choosing && "ring-2 ring-indigo-500 ring-offset-2")}
    >
      <Card
        title={card.name}
        description={platformDescriptions[card.platform]}
        actions={<StatusBadge tone={badge.tone}>{badge.label}</StatusBadge>}
        className="h-full"
      >
        <div className="flex flex-col gap-4">
          {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}
          <ConnectionSummary card={card} canManage={canManage} />
          {integration && integration.status !== "disconnected" ? (
            <SyncPanel shopId={shopId} integration={integration} name={card.name} canSync={canSync} />
          ) : null}
          {integration && integration.status !== "disconnected" && hasAccountChoice(card.platform) ? (
            canManage ? (
              <AccountPicker
                // A new connection starts a fresh choice.
                key={integration.id}
                shopId={shopId}
                name={card.name}
                integration={integration}
                choosing={choosing}
                onSaved={choosing ? onSettled : undefined}
              />
            ) : (
              <AccountList name={card.name} accounts={integration.accounts} />
            )
          ) : null}
          {canManage ? (
            <Actions
              shopId={shopId}
              card={card}
              onDisconnected={(revocation) => {
                setNotice(disconnectedMessage(card.name, revocation));
                onSettled();
              }}
            />
          ) : null}
        </div>
      </Card>
    </li>
  );
}

interface ActionsProps {
  shopId: string;
  card: CardData;
  onDisconnected: (revocation: Revocation) => void;
}

/** Connect when there is nothing to keep; reconnect and disconnect when there is. */
function Actions({ shopId, card, onDisconnected }: ActionsProps) {
  const { platform, name, available, integration } = card;
  if (!integration || integration.status === "disconnected") {
    return platform === "shopify" ? (
      <ShopifyConnectForm shopId={shopId} available={available} defaultDomain={integration?.externalShop} />
    ) : (
      <ConnectButton shopId={shopId} platform={platform} name={name} available={available} />
    );
  }
  return (
    <div className="flex flex-wrap items-start gap-2">
      {needsReconnecting(integration) ? (
        <ConnectButton
          shopId={shopId}
          platform={platform}
          name={name}
          available={available}
          reconnect
          shopDomain={integration.externalShop ?? undefined}
        />
      ) : null}
      <DisconnectButton
        shopId={shopId}
        integrationId={integration.id}
        name={name}
        onDisconnected={onDisconnected}
      />
    </div>
  );
}

function needsReconnecting(integration: Integration): boolean {
  return integration.status === "needs_reauth" || integration.status === "error";
}
