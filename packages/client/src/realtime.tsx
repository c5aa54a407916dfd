import { channelAuthorizationPath, type EventName, type EventPayload } from "@omnify/realtime";
import { connectRealtime, subscribe } from "@omnify/realtime/browser";
import type Pusher from "pusher-js";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useEffectEvent,
  useState,
  useSyncExternalStore,
} from "react";
import { useClientConfig } from "./client-config.ts";

/** What the UI tells the user about live updates. */
export type RealtimeStatus = "connecting" | "connected" | "unavailable";

/** Any channel definition `subscribe` accepts. */
export type AnyChannel = Parameters<typeof subscribe>[1];

interface RealtimeContextValue {
  connection: Pusher | null;
  /** True when no connection will come (the client configuration failed to load). */
  failed: boolean;
}

const RealtimeContext = createContext<RealtimeContextValue>({ connection: null, failed: true });

export interface RealtimeConnectionProviderProps {
  connection: Pusher | null;
  failed?: boolean;
  children: ReactNode;
}

/** Provides an existing connection (tests, or an app that connects by itself). */
export function RealtimeConnectionProvider({
  connection,
  failed = false,
  children,
}: RealtimeConnectionProviderProps) {
  return <RealtimeContext.Provider value={{ connection, failed }}>{children}</RealtimeContext.Provider>;
}

/**
 * Connects once the client configuration has loaded; disconnects on unmount. Private channels
 * are authorised by the API for the signed-in user.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const clientConfig = useClientConfig();
  const realtime = clientConfig.data?.realtime;
  const [connection, setConnection] = useState<Pusher | null>(null);

  useEffect(() => {
    if (!realtime) return;
    // Both SPAs are served on the API's origin, so the session cookie goes with the request.
    const pusher = connectRealtime(realtime, { channelAuthorizationEndpoint: channelAuthorizationPath });
    setConnection(pusher);
    return () => {
      pusher.disconnect();
      setConnection(null);
    };
  }, [realtime]);

  return (
    <RealtimeConnectionProvider connection={connection} failed={clientConfig.isError}>
      {children}
    </RealtimeConnectionProvider>
  );
}

/** Maps pusher-js connection states to the three the UI shows. */
export function toRealtimeStatus(state: string): RealtimeStatus {
  switch (state) {
    case "connected":
      return "connected";
    case "initialized":
    case "connecting":
      return "connecting";
    default:
      // "unavailable", "failed", "disconnected"
      return "unavailable";
  }
}

/** The live connection state; re-renders on every change. */
export function useRealtimeStatus(): RealtimeStatus {
  const { connection, failed } = useContext(RealtimeContext);
  const subscribeToState = useCallback(
    (onChange: () => void) => {
      if (!connection) return () => {};
      connection.connection.bind("state_change", onChange);
      return () => {
        connection.connection.unbind("state_change", onChange);
      };
    },
    [connection],
  );
  const state = useSyncExternalStore(
    subscribeToState,
    () => connection?.connection.state ?? (failed ? "failed" : "initialized"),
  );
  return toRealtimeStatus(state);
}

export interface RealtimeEventOptions {
  /**
   * Called each time the channel subscription is (re)established, e.g. after a dropped
   * connection: the moment to refetch what the event updates, since anything published
   * while unsubscribed was missed.
   */
  onSubscribed?: () => void;
}

/**
 * Calls `handler` with each validated `event` on `channel` while the component is mounted.
 * The handlers may change between renders without re-subscribing.
 */
export function useRealtimeEvent<C extends AnyChannel, E extends EventName<C>>(
  channel: C,
  event: E,
  handler: (payload: EventPayload<C, E>) => void,
  { onSubscribed }: RealtimeEventOptions = {},
): void {
  const { connection } = useContext(RealtimeContext);
  const onEvent = useEffectEvent(handler);
  const onSubscription = useEffectEvent(() => onSubscribed?.());
  useEffect(() => {
    if (!connection) return;
    const unsubscribe = subscribe(connection, channel, event, (payload) => onEvent(payload));
    const subscription = connection.channel(channel.name);
    const resync = () => onSubscription();
    subscription.bind("pusher:subscription_succeeded", resync);
    return () => {
      subscription.unbind("pusher:subscription_succeeded", resync);
      unsubscribe();
    };
  }, [connection, channel, event]);
}
