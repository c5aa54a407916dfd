import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { loadConfigOrExit } from "@omnify/config";
import { createLogger } from "@omnify/logger";
import { createSandbox } from "./app.ts";
import { sandboxEnvSchema } from "./env.ts";

const env = loadConfigOrExit(sandboxEnvSchema);
const logger = createLogger({ service: "sandbox", level: env.LOG_LEVEL });
const publicUrl = `http://${env.SANDBOX_HOST === "0.0.0.0" ? "127.0.0.1" : env.SANDBOX_HOST}:${env.SANDBOX_PORT}`;
const frozen = env.SANDBOX_NOW ? new Date(env.SANDBOX_NOW) : undefined;
const sandbox = createSandbox({
  seed: env.SANDBOX_SEED,
  faults: env.SANDBOX_FAULTS,
  now: frozen ? () => frozen : undefined,
  publicUrl,
  largeAccount: env.SANDBOX_LARGE_ACCOUNT_ADS ? { ads: env.SANDBOX_LARGE_ACCOUNT_ADS } : undefined,
});

const server = serve(
  {
    fetch: async (request) => {
      const response = await sandbox.fetch(request);
      // The path only: query strings carry tokens and codes.
      logger.debug(
        { method: request.method, path: new URL(request.url).pathname, status: response.status },
        "request",
      );
      return response;
    },
    hostname: env.SANDBOX_HOST,
    port: env.SANDBOX_PORT,
  },
  () =>
    logger.info(
      { url: publicUrl, seed: env.SANDBOX_SEED, largeAccountAds: env.SANDBOX_LARGE_ACCOUNT_ADS },
      "sandbox listening",
    ),
);

const shutdown = () => {
  const http = server as Server;
  http.close();
  http.closeAllConnections();
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
