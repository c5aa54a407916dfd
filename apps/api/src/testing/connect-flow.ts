import type { FastifyInstance } from "fastify";
import { callTrpc } from "./test-server.ts";

// Test support: drives a connect flow the way a browser would, through the
// sandbox's consent page (answered via MSW) and back to our callback.

const unescapeHtml = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Submits the consent page at `authorizationUrl`; returns where the platform redirects the browser. */
export async function answerConsent(authorizationUrl: string, decision: "allow" | "deny"): Promise<URL> {
  const page = await fetch(authorizationUrl);
  const html = await page.text();
  if (!page.ok || !html.includes("<form"))
    throw new Error(`no consent form at the authorization URL (${page.status})`);
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    form.append(unescapeHtml(match[1] ?? ""), unescapeHtml(match[2] ?? ""));
  }
  for (const match of html.matchAll(/<input type="checkbox" name="scope" value="([^"]+)"/g)) {
    form.append("scope", unescapeHtml(match[1] ?? ""));
  }
  form.set("decision", decision);
  const answer = await fetch(authorizationUrl, {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  const location = answer.headers.get("location");
  if (answer.status !== 302 || !location) throw new Error(`consent did not redirect (${answer.status})`);
  return new URL(location);
}

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
