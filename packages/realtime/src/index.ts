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

export const syncRunStatuses = ["queued", "running", "succeeded", "partial", "failed"] as const;

/** A sync run as the integrations page shows it; sent whenever it moves. */
export const syncRunEvent = z.object({
  runId: z.string(),
  integrationId: z.string(),
  platform: z.enum(["meta", "google", "tiktok", "shopify"]),
  status: z.enum(syncRunStatuses),
  /** 0–100. */
  progress: z.number().int().min(0).max(100),
  /** Rows upserted so far, over every table. */
  rows: z.number().int().min(0),
  apiCalls: z.number().int().min(0),
  /** Set while the run waits out a rate limit or a backoff. */
  waitingUntil: z.iso.datetime().nullable(),
  error: z.string().nullable(),
});
export type SyncRunEvent = z.output<typeof syncRunEvent>;

export const shopChannelPrefix = "private-shop-";

/**
 * The API's Pusher channel-authorization endpoint: browsers post `socket_id`
 * and `channel_name` there (form-encoded) before subscribing to a private channel.
 */
export const channelAuthorizationPath = "/api/realtime/auth";

/**
 * A shop's private channel: only the shop's members are authorised to
 * subscribe (the API checks membership for every subscription).
 */
export const shopChannel = (shopId: string) =>
  ({
    name: `${shopChannelPrefix}${shopId}`,
    events: {
      /** Progress of a running sync, at most a few times a second. */
      "sync.progress": syncRunEvent,
      /** A run reached succeeded, partial or failed. */
      "sync.finished": syncRunEvent,
    },
  }) satisfies ChannelDefinition<Record<string, z.ZodType>>;

/** The shop id of a shop channel's name, or null for any other channel. */
export function shopIdOfChannel(channelName: string): string | null {
  if (!channelName.startsWith(shopChannelPrefix)) return null;
  const shopId = channelName.slice(shopChannelPrefix.length);
  return z.uuid().safeParse(shopId).success ? shopId : null;
}
