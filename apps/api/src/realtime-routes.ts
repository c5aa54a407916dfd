import type { Auth } from "@omnify/auth";
import { AppError, resolveShopScope } from "@omnify/core";
import type { Db } from "@omnify/db";
import { channelAuthorizationPath, shopChannel, shopIdOfChannel } from "@omnify/realtime";
import type { ChannelAuthorizer } from "@omnify/realtime/server";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { SessionLookup } from "./integration-routes.ts";

/** What pusher-js posts (form-encoded) before it subscribes to a private channel. */
const authorizationRequest = z.object({
  // Pusher socket ids are two integers joined by a dot.
  socket_id: z.string().regex(/^\d+\.\d+$/),
  channel_name: z.string().min(1).max(200),
});

/**
 * Pusher's channel-authorization endpoint. The realtime server lets a socket
 * into a `private-` channel only with a signature made with the app secret, so
 * this is where per-shop events are kept to the shop's members: a signed-in
 * member gets a signature for their shop's channel and nothing else.
 */
export async function registerRealtimeRoutes(
  app: FastifyInstance,
  deps: { db: Db; auth: Auth; sessionOf: SessionLookup; authorize: ChannelAuthorizer },
): Promise<void> {
  // Encapsulated, so the form parser exists for this route only.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );

    scope.post(channelAuthorizationPath, async (request, reply) => {
      const parsed = authorizationRequest.safeParse(request.body);
      if (!parsed.success) {
        return reply.code(400).send({ error: "Expected a socket_id and a channel_name." });
      }
      const { socket_id: socketId, channel_name: channelName } = parsed.data;

      const session = await deps.sessionOf(deps.auth, request);
      if (!session) return reply.code(401).send({ error: "Sign in to receive live updates." });

      const shopId = shopIdOfChannel(channelName);
      if (
        !shopId ||
        shopChannel(shopId).name !== channelName ||
        !(await isMember(deps.db, session, shopId))
      ) {
        request.log.info({ channelName }, "realtime subscription refused");
        return reply.code(403).send({ error: "You may not subscribe to this channel." });
      }
      return reply.header("cache-control", "no-store").send(deps.authorize(socketId, channelName));
    });
  });
}

async function isMember(db: Db, session: { userId: string }, shopId: string): Promise<boolean> {
  try {
    await resolveShopScope(db, session.userId, shopId);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return false;
    throw error;
  }
}
