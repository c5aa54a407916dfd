import Pusher from "pusher";
import type { z } from "zod";
import type { ChannelDefinition, EventName, EventPayload, RealtimeClientConfig } from "./index.ts";

export interface RealtimeServerConfig {
  appId: string;
  key: string;
  secret: string;
  cluster: string;
  host?: string;
  port?: number;
  useTLS: boolean;
}

export interface RealtimePublisher {
  publish<C extends ChannelDefinition<Record<string, z.ZodType>>, E extends EventName<C>>(
    channel: C,
    event: E,
    payload: EventPayload<C, E>,
  ): Promise<void>;
}

/** The `PUSHER_*` variables as every process's config module parses them. */
export interface PusherEnv {
  PUSHER_APP_ID: string;
  PUSHER_KEY: string;
  PUSHER_SECRET: string;
  PUSHER_CLUSTER: string;
  PUSHER_HOST?: string;
  PUSHER_PORT?: number;
  PUSHER_USE_TLS: boolean;
}

export function realtimeConfigFromEnv(env: PusherEnv): RealtimeServerConfig {
  return {
    appId: env.PUSHER_APP_ID,
    key: env.PUSHER_KEY,
    secret: env.PUSHER_SECRET,
    cluster: env.PUSHER_CLUSTER,
    host: env.PUSHER_HOST,
    port: env.PUSHER_PORT,
    useTLS: env.PUSHER_USE_TLS,
  };
}

function pusherOf(config: RealtimeServerConfig): Pusher {
  return new Pusher({
    appId: config.appId,
    key: config.key,
    secret: config.secret,
    cluster: config.cluster,
    useTLS: config.useTLS,
    ...(config.host ? { host: config.host } : {}),
    ...(config.port ? { port: String(config.port) } : {}),
  });
}

/** Server-side trigger helper: validates the payload against the channel's schema, then sends it. */
export function createRealtimePublisher(config: RealtimeServerConfig): RealtimePublisher {
  const pusher = pusherOf(config);
  return {
    async publish(channel, event, payload) {
      const schema = channel.events[event];
      if (!schema) throw new Error(`Channel ${channel.name} has no event ${event}`);
      const data = schema.parse(payload);
      const response = await pusher.trigger(channel.name, event, data);
      if (response.status >= 300) {
        throw new Error(`Realtime publish of ${event} on ${channel.name} failed: HTTP ${response.status}`);
      }
    },
  };
}

/** The browser's half of the configuration: everything but the secret. */
export function toClientConfig(config: RealtimeServerConfig): RealtimeClientConfig {
  return {
    key: config.key,
    cluster: config.cluster,
    host: config.host,
    port: config.port,
    useTLS: config.useTLS,
  };
}

/**
 * Signs one socket's subscription to one private channel: the `auth` value the
 * realtime server checks (`<key>:<HMAC-SHA256 of "socketId:channel">`). Who may
 * subscribe to what is the caller's decision; this only signs.
 */
export type ChannelAuthorizer = (socketId: string, channelName: string) => { auth: string };

export function createChannelAuthorizer(config: RealtimeServerConfig): ChannelAuthorizer {
  const pusher = pusherOf(config);
  return (socketId, channelName) => ({ auth: pusher.authorizeChannel(socketId, channelName).auth });
}
