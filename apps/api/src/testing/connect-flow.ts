import { answerConsent } from "@omnify/sandbox/testing";
import type { FastifyInstance } from "fastify";
import { callTrpc } from "./test-server.ts";

export { answerConsent };

// Test support: drives a connect flow the way a browser would, through the
// sandbox's consent page (answered via MSW) and back to our callback.

/** Starts a connect flow for the signed-in `cookie` and returns the platform's consent URL. */
export async function startConnect(
  app: FastifyInstance,
  cookie: string,
  input: { shopId: string; platform: string; shopDomain?: string },
): Promise<string> {
  const started = await callTrpc(app, { path: "integrations.connect", type: "mutation", cookie, input });
  if (started.status !== 200) throw new Error(`connect refused: ${JSON.stringify(started.body)}`);
  return started.body.result.data.json.authorizationUrl;
}

/** Delivers the platform's redirect to our callback as the browser with `cookie`. */
export function deliverCallback(app: FastifyInstance, callback: URL, cookie: string | undefined) {
  return app.inject({
    method: "GET",
    url: `${callback.pathname}${callback.search}`,
    headers: cookie ? { cookie } : {},
  });
}

/** Start → consent (allow) → callback; returns the callback's response. */
export async function connectThroughSandbox(
  app: FastifyInstance,
  cookie: string,
  input: { shopId: string; platform: string; shopDomain?: string },
) {
  const callback = await answerConsent(await startConnect(app, cookie, input), "allow");
  return { callback, response: await deliverCallback(app, callback, cookie) };
}
