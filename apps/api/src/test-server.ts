import type { Db } from "@omnify/db";
import { createLogger } from "@omnify/logger";
import type { ClientConfig } from "@omnify/trpc";
import { buildServer } from "./server.ts";

export const testClientConfig: ClientConfig = {
  environment: "test",
  realtime: { key: "test-key", cluster: "mt1", host: "127.0.0.1", port: 6001, useTLS: false },
  analytics: null,
};

/** The real server on a test database, with logs silenced. */
export function buildTestServer(db: Db, environment: ClientConfig["environment"] = "test") {
  return buildServer({
    db,
    logger: createLogger({ service: "api-test", level: "silent" }),
    serveSpas: false,
    clientConfig: { ...testClientConfig, environment },
  });
}

/** The query string of a tRPC GET with superjson input. */
export const trpcInput = (input: unknown) => `input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
