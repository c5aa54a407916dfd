import { z } from "zod";

/**
 * A channel and the events that may travel on it. Both ends use the same
 * definition: the server validates before it publishes, the browser validates
 * what it receives, and TypeScript types the payloads on both sides.
 */
export interface ChannelDefinition<Events extends Record<string, z.ZodType>> {
  /** Full Pusher channel name; `private-` channels need authorisation. */
  name: string;
  events: Events;
}

export type EventName<C extends ChannelDefinition<Record<string, z.ZodType>>> = keyof C["events"] & string;
export type EventPayload<
  C extends ChannelDefinition<Record<string, z.ZodType>>,
  E extends EventName<C>,
> = z.output<C["events"][E]>;

export const heartbeatEvent = z.object({
  workerId: z.string(),
  hostname: z.string(),
  beatAt: z.iso.datetime(),
});
export type HeartbeatEvent = z.output<typeof heartbeatEvent>;

/**
 * Public channel for platform-wide signs of life. Nothing shop-specific travels
 * here: per-shop channels are private and authorised by the API.
 */
export const systemChannel = {
  name: "system",
  events: {
    "worker.heartbeat": heartbeatEvent,
  },
} satisfies ChannelDefinition<Record<string, z.ZodType>>;

/** What a browser needs to connect; contains no secret. */
export const realtimeClientConfig = z.object({
  key: z.string(),
  cluster: z.string(),
  /** Set for a self-run server (Soketi); absent for hosted Pusher. */
  host: z.string().optional(),
  port: z.number().int().optional(),
  useTLS: z.boolean(),
});
export type RealtimeClientConfig = z.output<typeof realtimeClientConfig>;
