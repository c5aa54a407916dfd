import Pusher from "pusher-js";
import type { z } from "zod";
import type { ChannelDefinition, EventName, EventPayload, RealtimeClientConfig } from "./index.ts";

export interface ConnectOptions {
  /**
   * Where pusher-js asks for a signature before subscribing to a `private-`
   * channel (same origin, so the session cookie goes along). Without it only
   * public channels can be subscribed to.
   */
  channelAuthorizationEndpoint?: string;
}

export function connectRealtime(config: RealtimeClientConfig, options: ConnectOptions = {}): Pusher {
  return new Pusher(config.key, {
    cluster: config.cluster,
    forceTLS: config.useTLS,
    ...(options.channelAuthorizationEndpoint
      ? { channelAuthorization: { endpoint: options.channelAuthorizationEndpoint, transport: "ajax" } }
      : {}),
    ...(config.host
      ? {
          wsHost: config.host,
          wsPort: config.port,
          wssPort: config.port,
          enabledTransports: config.useTLS ? ["wss"] : ["ws"],
        }
      : {}),
  });
}

/**
 * Subscribes to one event of a channel; payloads that do not match the schema are
 * dropped (with a console warning) instead of reaching the UI. Returns the unsubscribe.
 */
export function subscribe<C extends ChannelDefinition<Record<string, z.ZodType>>, E extends EventName<C>>(
  pusher: Pusher,
  channel: C,
  event: E,
  handler: (payload: EventPayload<C, E>) => void,
): () => void {
  const subscription = pusher.subscribe(channel.name);
  const schema = channel.events[event] as z.ZodType<EventPayload<C, E>>;
  const listener = (data: unknown) => {
    const parsed = schema.safeParse(data);
    if (parsed.success) handler(parsed.data);
    else console.warn(`Dropped malformed ${event} on ${channel.name}`, parsed.error.issues);
  };
  subscription.bind(event, listener);
  return () => {
    subscription.unbind(event, listener);
    if (!subscription.callbacks.get(event)?.length) pusher.unsubscribe(channel.name);
  };
}
